import Yams

/// The YAML front matter of a report (between `---` lines at the very top).
///
/// Keys: `title`, `subtitle`, `author`, `date`, `abstract`, `number-sections` (Bool), and
/// `datasets` (user datasets, see `UserDatasetSpec`; paths relative to the report's folder;
/// they replace `reprise.yaml` datasets of the same id, see `ProjectConfig`). Unknown keys
/// are errors.
public struct FrontMatter: Sendable {
  public var title: String?
  public var subtitle: String?
  public var author: String?
  public var date: String?
  public var abstract: String?
  public var numberSections = false
  public var datasets: [UserDatasetDeclaration] = []

  static let keys = ["title", "subtitle", "author", "date", "abstract", "number-sections", "datasets"]

  /// Splits front matter off `source`.
  ///
  /// The front matter's lines are replaced by empty lines in the returned body, so line
  /// numbers reported for the body stay those of the file.
  public static func split(_ source: String, file: String) throws(ReportError) -> (FrontMatter, String) {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true,
      let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" })
    else { return (FrontMatter(), source) }
    let yaml = lines[1..<close].joined(separator: "\n")
    let body = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
    let node = try YAMLSource(text: yaml, file: file, firstLine: 2, indent: 0).parse()
    return (try FrontMatter(node), body)
  }

  init() {}

  init(_ node: YAMLValue) throws(ReportError) {
    guard case .mapping(let entries) = node.kind else {
      throw ReportError(at: node.location, "front matter must be a mapping of keys to values")
    }
    for (key, value) in entries {
      switch key.string {
      case "title": title = try value.text()
      case "subtitle": subtitle = try value.text()
      case "author": author = try value.text()
      case "date": date = try value.text()
      case "abstract": abstract = try value.text()
      case "number-sections": numberSections = try value.bool()
      case "datasets": datasets = try UserDatasetSpec.parseList(value)
      default:
        throw ReportError(at: key.location, "unknown front matter key '\(key.string)'; valid keys: \(Self.keys.joined(separator: ", "))")
      }
    }
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var s = self
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return s
  }
}
