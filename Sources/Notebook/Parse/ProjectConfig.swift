import Foundation

/// `reprise.yaml`: settings shared by the reports of a project.
///
/// Where: Reprise looks for `reprise.yaml` in the report's folder, then in each parent
/// folder up to and including the repository root (the nearest folder holding `.git`; the
/// filesystem root when there is none). The nearest file is used on its own; files further
/// up are not merged.
///
/// Keys: `datasets` — a list of user datasets exactly as in a report's front matter
/// (`UserDatasetSpec`), with paths relative to the folder of `reprise.yaml`. Unknown keys
/// are errors at their `file:line:col`.
public struct ProjectConfig: Sendable {
  /// The file name looked for.
  public static let fileName = "reprise.yaml"
  static let keys = ["datasets"]

  /// The file's location.
  public var file: URL
  /// The datasets it declares.
  public var datasets: [UserDatasetDeclaration]

  /// The nearest `reprise.yaml` for a report in `folder` (see the type's description).
  public static func find(from folder: URL) -> URL? {
    let fm = FileManager.default
    var current = folder.standardizedFileURL
    while true {
      let candidate = current.appendingPathComponent(fileName)
      if fm.fileExists(atPath: candidate.path) { return candidate }
      let parent = current.deletingLastPathComponent()
      if fm.fileExists(atPath: current.appendingPathComponent(".git").path) || parent.path == current.path {
        return nil
      }
      current = parent
    }
  }

  /// Reads and validates `file`; diagnostics name it as `displayPath`.
  ///
  /// - Throws: `ReportError` (input) at the `file:line:col` of the first problem.
  public static func load(_ file: URL, displayPath: String) throws(ReportError) -> ProjectConfig {
    let text: String
    do {
      text = try String(contentsOf: file, encoding: .utf8)
    } catch {
      throw ReportError(at: SourceLocation(file: displayPath, line: 1), "cannot read the project file: \(error.localizedDescription)")
    }
    let node = try YAMLSource(text: text, file: displayPath, firstLine: 1, indent: 0).parse()
    var config = ProjectConfig(file: file, datasets: [])
    guard case .mapping(let entries) = node.kind else {
      throw ReportError(at: node.location, "\(fileName) must be a mapping of keys to values")
    }
    for (key, value) in entries {
      switch key.string {
      case "datasets": config.datasets = try UserDatasetSpec.parseList(value)
      default:
        throw ReportError(at: key.location, "unknown \(fileName) key '\(key.string)'; valid keys: \(keys.joined(separator: ", "))")
      }
    }
    return config
  }
}
