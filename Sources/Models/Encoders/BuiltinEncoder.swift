import Foundation

/// An encoder Reprise builds from pinned weights in the catalog: its id (the same as the
/// catalog entry holding the weights), what it reads, and how to load it.
public struct BuiltinEncoder: Sendable {
  /// Catalog id of the model and of its weights entry, e.g. `efficientnet-lite0`.
  public var id: String
  /// `image` or `text`.
  public var modality: String
  /// The architecture in words, for model cards.
  public var architecture: String
  /// What the weights were trained on, in words, for model cards.
  public var trainingData: String
  /// Builds the encoder from the weight entry's files (pinned path → local URL).
  public var load: @Sendable (_ files: [String: URL]) throws -> FeatureModel

  /// An encoder entry.
  public init(
    id: String, modality: String, architecture: String, trainingData: String,
    load: @escaping @Sendable (_ files: [String: URL]) throws -> FeatureModel
  ) {
    self.id = id
    self.modality = modality
    self.architecture = architecture
    self.trainingData = trainingData
    self.load = load
  }
}
