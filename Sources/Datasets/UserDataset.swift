import Foundation

/// A dataset defined by the user: files on disk, not checksum-pinned.
///
/// Four formats (`Source`): IDX images and labels; a folder of images with a CSV or JSON
/// table of file names, texts and labels; a COCO captions JSON (with an optional image
/// folder); `.npy` feature rows with an optional JSON sidecar. Its fingerprint covers every
/// file it reads — the table or index file and each image it names — by path, size and
/// SHA-256 (through the stat cache), so editing, renaming or replacing one image changes it.
public struct UserDataset: Sendable, Codable, Equatable {
  /// The files of a user dataset by format; paths are relative to `base` (or absolute).
  public enum Source: Sendable, Codable, Equatable {
    /// `format: idx`: raw or gzip'd IDX images `[n, h, w]` and labels `[n]`.
    case idx(images: String, labels: String)
    /// `format: images`: a folder of JPEG, PNG or SVG files and a `.csv` (with a header row)
    /// or `.json` (an array of objects) table with one row per item.
    case imageTable(images: String, table: String, columns: TableColumns)
    /// `format: coco-captions`: COCO's annotation file (`images` + `annotations`) or a
    /// results file (an array of `{"image_id", "caption"}`); `images`: the folder holding the
    /// annotation file's `file_name`s, if any.
    case cocoCaptions(captions: String, images: String?)
    /// `format: npy`: a float `[n, d]` `.npy` file and an optional sidecar JSON (`ids` in row
    /// order, `labels`, `class_names`), by default `X.json` beside `X.npy` when it exists.
    case features(npy: String, sidecar: String?)
  }

  /// Which table columns (CSV header names or JSON keys) hold what.
  ///
  /// `file` is required (default `file`). `text` and `label` default to the columns
  /// `text` and `label` when the table has them; a column named here explicitly must exist.
  public struct TableColumns: Sendable, Codable, Equatable {
    /// The image file name, relative to the image folder.
    public var file: String?
    /// The item's text.
    public var text: String?
    /// The item's class name (an empty cell: no label).
    public var label: String?

    /// Columns; `nil` means the default name, used only if the table has it.
    public init(file: String? = nil, text: String? = nil, label: String? = nil) {
      self.file = file
      self.text = text
      self.label = label
    }
  }

  /// Catalog id; must differ from every built-in and other user id.
  public var id: String
  /// The files and their format.
  public var source: Source
  /// Class names in label order; default: for IDX `"0"…"<max label>"`, for tables the
  /// distinct labels sorted, for `.npy` the sidecar's `class_names` or `"0"…"<max>"`.
  public var classes: [String]?
  /// Human-readable name; default the id.
  public var title: String?
  /// The folder relative paths start from (the declaring file's folder); `nil`: the
  /// catalog's `userBase`. Not part of the encoded declaration, so moving a project keeps
  /// cache keys.
  public var base: URL?

  /// The `format:` names, as written in a declaration.
  public static let formats = ["idx", "images", "coco-captions", "npy"]

  /// A user dataset definition.
  public init(id: String, source: Source, classes: [String]? = nil, title: String? = nil, base: URL? = nil) {
    self.id = id
    self.source = source
    self.classes = classes
    self.title = title
    self.base = base
  }

  /// A user IDX dataset.
  public init(id: String, images: String, labels: String, classes: [String]? = nil, title: String? = nil) {
    self.init(id: id, source: .idx(images: images, labels: labels), classes: classes, title: title)
  }

  /// The `format:` name of the source.
  public var format: String {
    switch source {
    case .idx: "idx"
    case .imageTable: "images"
    case .cocoCaptions: "coco-captions"
    case .features: "npy"
    }
  }

  enum CodingKeys: String, CodingKey {
    case id, source, classes, title
  }
}
