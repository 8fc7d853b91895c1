/// A dataset defined by the user: files on disk, not checksum-pinned.
///
/// Its fingerprint is the hash of the current file contents, so editing a file changes it.
public struct UserDataset: Sendable, Codable, Equatable {
  /// Catalog id; must differ from every built-in and other user id.
  public var id: String
  /// File format; `"idx"` (raw or gzip'd IDX images `[n, h, w]` + labels `[n]`) for now.
  public var format: String
  /// Path of the images file, relative to the catalog's `userBase` (or absolute).
  public var images: String
  /// Path of the labels file, relative to the catalog's `userBase` (or absolute).
  public var labels: String
  /// Class names by label; default `"0"…"<max label>"`.
  public var classes: [String]?
  /// Human-readable name; default the id.
  public var title: String?

  /// The formats `Catalog` can read.
  public static let supportedFormats = ["idx"]

  /// A user dataset definition.
  public init(
    id: String, format: String = "idx", images: String, labels: String,
    classes: [String]? = nil, title: String? = nil
  ) {
    self.id = id
    self.format = format
    self.images = images
    self.labels = labels
    self.classes = classes
    self.title = title
  }
}
