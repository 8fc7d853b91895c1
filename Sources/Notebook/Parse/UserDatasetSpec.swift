import Datasets

/// A user dataset declared in the front matter:
///
/// ```yaml
/// datasets:
///   - id: my-digits
///     format: idx
///     images: data/images-idx3-ubyte.gz
///     labels: data/labels-idx1-ubyte.gz
///     classes: [zero, one, two]
/// ```
/// Paths are relative to the report's folder.
enum UserDatasetSpec {
  static let keys = ["id", "format", "images", "labels", "classes", "title"]
  static let formats = ["idx"]

  static func parse(_ node: YAMLValue) throws(ReportError) -> UserDataset {
    var fields: [String: YAMLValue] = [:]
    for (key, value) in try node.mapping() {
      guard keys.contains(key.string) else {
        throw ReportError(at: key.location, "unknown dataset key '\(key.string)'; valid keys: \(keys.joined(separator: ", "))")
      }
      fields[key.string] = value
    }
    func required(_ name: String) throws(ReportError) -> String {
      guard let value = fields[name] else {
        throw ReportError(at: node.location, "a dataset needs '\(name)'; valid keys: \(keys.joined(separator: ", "))")
      }
      return try value.text()
    }
    let id = try required("id")
    try validateID(id, at: fields["id"]?.location ?? node.location)
    let format = try required("format")
    guard formats.contains(format) else {
      throw ReportError(at: fields["format"]?.location ?? node.location, "unknown dataset format '\(format)'; formats: \(formats.joined(separator: ", "))")
    }
    let classes = try fields["classes"].map { (value: YAMLValue) throws(ReportError) in
      try value.list().map { (item: YAMLValue) throws(ReportError) in try item.text() }
    }
    return UserDataset(id: id, format: format, images: try required("images"), labels: try required("labels"),
                       classes: classes, title: try fields["title"]?.text())
  }

  static func validateID(_ id: String, at location: SourceLocation) throws(ReportError) {
    guard let first = id.first, first.isLetter, id.allSatisfy(Label.isLabelCharacter) else {
      throw ReportError(at: location, "invalid dataset id '\(id)': use lower-case letters, digits and '-'")
    }
  }
}
