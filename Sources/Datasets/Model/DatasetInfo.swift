/// Provenance of a dataset: what it is, where it comes from, its license, and its files.
public struct DatasetInfo: Sendable, Codable, Equatable {
  /// Catalog id, e.g. `"mnist-test"`.
  public var id: String
  /// Human-readable name.
  public var title: String
  /// Origin, e.g. `"kelas/mnist@283b387…"` (repository@commit), a package, or a user path.
  public var source: String
  /// Version of the data (a commit, a package version), or `""` when unknown.
  public var version: String
  /// License or terms of use.
  public var license: String
  /// Reference to cite.
  public var citation: String
  /// What the items are, e.g. `"labelled images"`, `"image–text pairs"`, `"word pairs"`.
  public var kind: String
  /// Number of items the loader yields from the pinned files (`nil` for user data).
  public var items: Int?
  /// How the dataset is split into train / validation / test, in words.
  public var splitRule: String
  /// The single files; pinned (expected hashes) for built-in datasets, as found for user
  /// datasets.
  public var files: [DataFile]
  /// Pinned folders of many files.
  public var trees: [DataTree]

  /// A dataset description.
  public init(
    id: String, title: String, source: String, version: String = "", license: String,
    citation: String, kind: String = "labelled images", items: Int? = nil, splitRule: String = "",
    files: [DataFile], trees: [DataTree] = []
  ) {
    self.id = id
    self.title = title
    self.source = source
    self.version = version
    self.license = license
    self.citation = citation
    self.kind = kind
    self.items = items
    self.splitRule = splitRule
    self.files = files
    self.trees = trees
  }

  /// Total pinned size in bytes.
  public var bytes: Int { files.reduce(0) { $0 + $1.bytes } + trees.reduce(0) { $0 + $1.bytes } }
}
