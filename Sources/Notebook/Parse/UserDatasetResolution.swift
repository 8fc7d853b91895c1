import Datasets
import Foundation

/// The user datasets a report may read: those of the project's `reprise.yaml`
/// (`ProjectConfig`), then those of the report's front matter. A front-matter dataset
/// replaces a project dataset with the same id (the report wins), so one report can point
/// an id at other files without editing the project file.
///
/// Every path a declaration names must exist — a file for file keys, a folder for
/// `images` folders — or it is an input error at the path's `file:line:col`. Files the
/// data name in turn (the images of a table) are checked when the dataset is read, and a
/// missing one is an error naming the dataset and the file.
public enum UserDatasetResolution {
  /// The datasets for the report at `report`, parsed as `document`, each with its base folder.
  ///
  /// - Throws: `ReportError` (input) for a bad `reprise.yaml` or a declared path that does
  ///   not exist.
  public static func datasets(for document: Document, report: URL) throws(ReportError) -> [UserDataset] {
    let reportFolder = report.deletingLastPathComponent()
    var declared: [(UserDatasetDeclaration, URL)] = []
    if let file = ProjectConfig.find(from: reportFolder) {
      let config = try ProjectConfig.load(file, displayPath: displayPath(of: file))
      let overridden = Set(document.frontMatter.datasets.map(\.dataset.id))
      declared += config.datasets.filter { !overridden.contains($0.dataset.id) }
        .map { ($0, file.deletingLastPathComponent()) }
    }
    declared += document.frontMatter.datasets.map { ($0, reportFolder) }
    return try declared.map { (entry: (UserDatasetDeclaration, URL)) throws(ReportError) in
      try check(entry.0, base: entry.1)
    }
  }

  /// The dataset with its base folder, after checking that its declared paths exist.
  static func check(_ declaration: UserDatasetDeclaration, base: URL) throws(ReportError) -> UserDataset {
    for path in declaration.paths {
      let url = URL(fileURLWithPath: path.path, relativeTo: URL(fileURLWithPath: base.path, isDirectory: true))
        .standardizedFileURL
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
      guard exists, isFolder.boolValue == path.isFolder else {
        let what = path.isFolder ? "folder" : "file"
        let problem = exists ? "is not a \(what)" : "does not exist"
        throw ReportError(
          at: path.location,
          "dataset '\(declaration.dataset.id)': \(path.key) \(what) '\(path.path)' \(problem) (looked at \(url.path); paths are relative to \(base.path))")
      }
    }
    var dataset = declaration.dataset
    dataset.base = base
    return dataset
  }

  /// `file` relative to the working directory when it is inside it, else absolute.
  static func displayPath(of file: URL) -> String {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    let path = file.standardizedFileURL.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}
