/// Feature vectors with ids and optional class labels, as loaded from a user `.npy` dataset.
public struct LabeledFeatures: Sendable {
  /// The catalog id the features came from.
  public let datasetID: String
  /// One id per row.
  public let ids: [String]
  /// Values per row.
  public let dimension: Int
  /// `ids.count · dimension` values, row-major.
  public let values: [Float]
  /// One class index per row into `classNames`, `nil` for an unlabelled row.
  public let labels: [Int?]
  /// Name of each class index; empty when no row is labelled.
  public let classNames: [String]
  /// The dataset fingerprint (`DatasetFingerprint.listing` of its files).
  public let fingerprint: String
  /// The files read, with their actual hashes.
  public let files: [DataFile]

  /// Number of rows.
  public var count: Int { ids.count }

  /// The rows as dataset items (id and label; no text or image).
  public func items() -> [DataItem] {
    zip(ids, labels).map { DataItem(id: $0, label: $1) }
  }
}
