/// Bad input for feature extraction or a feature file that cannot be used; the description
/// names the model, file or item and says what to do.
public enum FeatureError: Error, CustomStringConvertible, Equatable {
  /// No built-in encoder has this id and it is not a `.npy` path.
  case unknownModel(String, known: [String])
  /// A model's weights could not be fetched or loaded.
  case modelUnavailable(model: String, reason: String)
  /// An input file or folder does not exist or cannot be read.
  case missingInput(path: String, reason: String)
  /// One image cannot be decoded.
  case unreadableImage(path: String, reason: String)
  /// The input holds no items.
  case noItems(String)
  /// The data does not have what the encoder needs (e.g. no images for an image encoder).
  case wrongModality(model: String, data: String, reason: String)
  /// A feature file does not fit (not `[n, d]`, rows and ids disagree, a bad sidecar).
  case malformedFeatures(path: String, reason: String)
  /// A feature file's rows cannot be matched to the requested items.
  case misalignedFeatures(path: String, reason: String)
  /// The encoder failed on a batch.
  case encoderFailed(model: String, batch: Int, reason: String)
  /// The output could not be written.
  case unwritable(path: String, reason: String)

  /// What went wrong, naming the model, file or item.
  public var description: String {
    switch self {
    case let .unknownModel(id, known):
      "unknown model '\(id)'; use one of \(known.joined(separator: ", ")) or a feature file X.npy "
        + "(with an optional sidecar X.json)"
    case let .modelUnavailable(model, reason):
      "model '\(model)' is not available: \(reason)"
    case let .missingInput(path, reason):
      "cannot read \(path): \(reason)"
    case let .unreadableImage(path, reason):
      "image \(path) cannot be decoded: \(reason)"
    case .noItems(let what):
      "\(what) holds no items"
    case let .wrongModality(model, data, reason):
      "model '\(model)' cannot encode \(data): \(reason)"
    case let .malformedFeatures(path, reason):
      "feature file \(path): \(reason)"
    case let .misalignedFeatures(path, reason):
      "feature file \(path) does not match the data: \(reason)"
    case let .encoderFailed(model, batch, reason):
      "model '\(model)' failed on batch \(batch): \(reason)"
    case let .unwritable(path, reason):
      "cannot write \(path): \(reason)"
    }
  }

  /// Whether the error is the user's input (exit status 2) rather than a failed
  /// computation (exit status 1).
  public var isInputError: Bool {
    if case .encoderFailed = self { return false }
    return true
  }
}
