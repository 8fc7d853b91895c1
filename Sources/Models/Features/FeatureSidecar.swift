/// Where a feature file's rows came from: a description of the data and its fingerprint.
public struct FeatureData: Sendable, Codable, Equatable {
  /// In words, e.g. `images in /data/cats`, `text lines of tweets.txt`,
  /// `dataset mvsa-single, split test, field text`.
  public var source: String
  /// SHA-256 (hex) over the inputs in row order (file contents, ids, split and field).
  public var fingerprint: String

  /// A data description.
  public init(source: String, fingerprint: String) {
    self.source = source
    self.fingerprint = fingerprint
  }
}

/// The JSON sidecar `X.json` of a feature file `X.npy`: what each row is and what made it.
///
/// Keys are snake_case for numpy and PyTorch users:
/// `{"ids": [...], "labels": [0, 2, null, ...], "class_names": [...], "model": {...},
/// "data": {"source": ..., "fingerprint": ...}}`. `labels` and `class_names` are absent when
/// no item has a label; an unlabelled item's label is `null`.
public struct FeatureSidecar: Sendable, Codable, Equatable {
  /// One id per row, in row order.
  public var ids: [String]
  /// One class index per row (`nil`: unlabelled), or `nil` when nothing is labelled.
  public var labels: [Int?]?
  /// Names of the class indices in `labels`.
  public var classNames: [String]?
  /// The encoder that produced the rows.
  public var model: EncoderInfo
  /// The data the rows were computed from.
  public var data: FeatureData

  /// A sidecar; `labels` and `classNames` are dropped when no row is labelled.
  public init(ids: [String], labels: [Int?], classNames: [String], model: EncoderInfo, data: FeatureData) {
    let labelled = labels.contains { $0 != nil }
    self.ids = ids
    self.labels = labelled ? labels : nil
    self.classNames = labelled ? classNames : nil
    self.model = model
    self.data = data
  }

  enum CodingKeys: String, CodingKey {
    case ids, labels, model, data
    case classNames = "class_names"
  }
}
