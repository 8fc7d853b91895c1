/// Provenance of a dataset: what it is, where it comes from, and its files.
public struct DatasetInfo: Sendable, Codable, Equatable {
  /// Catalog id, e.g. `"mnist-test"`.
  public var id: String
  /// Human-readable name.
  public var title: String
  /// Origin, e.g. `"kelas/mnist@283b387…"` (repository@commit) or a user path.
  public var source: String
  /// License or terms of use.
  public var license: String
  /// Reference to cite.
  public var citation: String
  /// The files; pinned (expected hashes) for built-in datasets, as found for user datasets.
  public var files: [DataFile]

  /// A dataset description.
  public init(
    id: String, title: String, source: String, license: String, citation: String,
    files: [DataFile]
  ) {
    self.id = id
    self.title = title
    self.source = source
    self.license = license
    self.citation = citation
    self.files = files
  }
}
