import Datasets

/// A user dataset as declared in front matter or `reprise.yaml`, with the places of its
/// keys for diagnostics.
public struct UserDatasetDeclaration: Sendable {
  /// A path key of the declaration: its value and where it is written.
  public struct PathKey: Sendable {
    public var key: String
    public var path: String
    public var location: SourceLocation
    /// Whether the path names a folder (else a file).
    public var isFolder: Bool
  }

  /// The dataset, with paths as written (relative to `base` once resolved).
  public var dataset: UserDataset
  /// Where the id is written.
  public var idLocation: SourceLocation
  /// The path keys, in the order they are checked.
  public var paths: [PathKey]
}

/// Parses one entry of a `datasets:` list:
///
/// ```yaml
/// datasets:
///   - id: my-digits            # lower-case letters, digits, '-'
///     format: idx              # idx | images | coco-captions | npy
///     images: data/images-idx3-ubyte.gz
///     labels: data/labels-idx1-ubyte.gz
///     classes: [zero, one, two]   # optional, every format
///     title: My digits            # optional, every format
///   - id: my-photos
///     format: images
///     images: photos              # folder of JPEG / PNG / SVG files
///     table: photos.csv           # .csv with a header row, or .json array of objects
///     columns: {file: name, text: caption, label: mood}   # optional
///   - id: my-captions
///     format: coco-captions
///     captions: captions_val.json
///     images: val2014             # optional
///   - id: my-features
///     format: npy
///     features: X.npy
///     sidecar: X.json             # optional; default X.json beside X.npy if present
/// ```
///
/// Every key is checked: unknown keys, keys of another format, wrong types and missing
/// required keys are errors at their `file:line:col`.
enum UserDatasetSpec {
  static let commonKeys = ["id", "format", "title", "classes"]
  /// Each format's path keys: (key, is a folder, required).
  static let pathKeys: [String: [(key: String, isFolder: Bool, required: Bool)]] = [
    "idx": [("images", false, true), ("labels", false, true)],
    "images": [("images", true, true), ("table", false, true)],
    "coco-captions": [("captions", false, true), ("images", true, false)],
    "npy": [("features", false, true), ("sidecar", false, false)],
  ]
  static let columnKeys = ["file", "text", "label"]

  /// The keys a dataset of `format` may have.
  static func keys(_ format: String) -> [String] {
    commonKeys + (pathKeys[format] ?? []).map(\.key) + (format == "images" ? ["columns"] : [])
  }

  static func parse(_ node: YAMLValue) throws(ReportError) -> UserDatasetDeclaration {
    let entries = try node.mapping()
    var fields: [String: YAMLValue] = [:]
    for (key, value) in entries { fields[key.string] = value }
    guard let formatNode = fields["format"] else {
      throw ReportError(at: node.location, "a dataset needs 'format'; formats: \(UserDataset.formats.joined(separator: ", "))")
    }
    let format = try formatNode.text()
    guard UserDataset.formats.contains(format) else {
      throw ReportError(at: formatNode.location, "unknown dataset format '\(format)'; formats: \(UserDataset.formats.joined(separator: ", "))")
    }
    let valid = keys(format)
    for (key, _) in entries where !valid.contains(key.string) {
      let other = UserDataset.formats.filter { keys($0).contains(key.string) }
      let why =
        other.isEmpty
        ? "unknown dataset key '\(key.string)'"
        : "key '\(key.string)' does not apply to format '\(format)' (only to \(other.joined(separator: ", ")))"
      throw ReportError(at: key.location, "\(why); keys for format '\(format)': \(valid.joined(separator: ", "))")
    }
    func required(_ name: String) throws(ReportError) -> YAMLValue {
      guard let value = fields[name] else {
        throw ReportError(at: node.location, "a dataset of format '\(format)' needs '\(name)'; keys: \(valid.joined(separator: ", "))")
      }
      return value
    }
    let idNode = try required("id")
    let id = try idNode.text()
    try validateID(id, at: idNode.location)
    var paths: [UserDatasetDeclaration.PathKey] = []
    for spec in pathKeys[format] ?? [] {
      let given = fields[spec.key]
      if spec.required, given == nil { _ = try required(spec.key) }
      guard let value = given else { continue }
      let path = try value.text()
      guard !path.isEmpty else { throw ReportError(at: value.location, "'\(spec.key)' is empty; give a path") }
      paths.append(.init(key: spec.key, path: path, location: value.location, isFolder: spec.isFolder))
    }
    func path(_ key: String) -> String? { paths.first { $0.key == key }?.path }
    let source: UserDataset.Source
    switch format {
    case "idx":
      source = .idx(images: path("images") ?? "", labels: path("labels") ?? "")
    case "images":
      source = .imageTable(images: path("images") ?? "", table: path("table") ?? "", columns: try columns(fields["columns"]))
      if let table = paths.first(where: { $0.key == "table" }), !(table.path.hasSuffix(".csv") || table.path.hasSuffix(".json")) {
        throw ReportError(at: table.location, "'table' must be a .csv or .json file, got '\(table.path)'")
      }
    case "coco-captions":
      source = .cocoCaptions(captions: path("captions") ?? "", images: path("images"))
    default:
      source = .features(npy: path("features") ?? "", sidecar: path("sidecar"))
    }
    let classes = try fields["classes"].map { (value: YAMLValue) throws(ReportError) in
      try value.list().map { (item: YAMLValue) throws(ReportError) in try item.text() }
    }
    let dataset = UserDataset(id: id, source: source, classes: classes, title: try fields["title"]?.text())
    return UserDatasetDeclaration(dataset: dataset, idLocation: idNode.location, paths: paths)
  }

  /// The `columns:` mapping of an `images` dataset.
  static func columns(_ node: YAMLValue?) throws(ReportError) -> UserDataset.TableColumns {
    guard let node else { return UserDataset.TableColumns() }
    var columns = UserDataset.TableColumns()
    for (key, value) in try node.mapping() {
      let name = try value.text()
      switch key.string {
      case "file": columns.file = name
      case "text": columns.text = name
      case "label": columns.label = name
      default:
        throw ReportError(at: key.location, "unknown column key '\(key.string)'; valid keys: \(columnKeys.joined(separator: ", "))")
      }
    }
    return columns
  }

  /// Parses a `datasets:` list; an id may appear once.
  static func parseList(_ node: YAMLValue) throws(ReportError) -> [UserDatasetDeclaration] {
    var declarations: [UserDatasetDeclaration] = []
    for item in try node.list() {
      let declaration = try parse(item)
      if let first = declarations.first(where: { $0.dataset.id == declaration.dataset.id }) {
        throw ReportError(at: declaration.idLocation, "dataset id '\(declaration.dataset.id)' is already declared at \(first.idLocation)")
      }
      declarations.append(declaration)
    }
    return declarations
  }

  static func validateID(_ id: String, at location: SourceLocation) throws(ReportError) {
    guard let first = id.first, first.isLetter, id.allSatisfy(Label.isLabelCharacter) else {
      throw ReportError(at: location, "invalid dataset id '\(id)': use lower-case letters, digits and '-'")
    }
    guard !Catalog.builtinIDs.contains(id) else {
      throw ReportError(at: location, "'\(id)' is a built-in dataset; give your dataset another id")
    }
  }
}
