/// What a model reference resolves to: an encoder to run, or precomputed features.
public enum FeatureModel: Sendable {
  case image(any ImageEncoder)
  case text(any TextEncoder)
  /// A user's feature file (`X.npy`, optional sidecar) used in place of an encoder.
  case features(FeatureStore, path: String)

  /// The encoder's identity (for a feature file: from its sidecar, or the file itself).
  public var info: EncoderInfo {
    switch self {
    case .image(let encoder): encoder.info
    case .text(let encoder): encoder.info
    case .features(let store, _): store.sidecar.model
    }
  }

  /// `image`, `text` or `features`, for messages and model cards.
  public var modality: String {
    switch self {
    case .image: "image"
    case .text: "text"
    case .features: "features"
    }
  }
}
