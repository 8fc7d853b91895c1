import Datasets
import Foundation

/// Where a report's project lives, and the data mirror it reads.
enum Project {
  /// The nearest folder at or above `start` holding `.git`, `reprise.yaml` or `Package.swift`;
  /// `start` itself when there is none.
  static func root(containing start: URL) -> URL {
    let fm = FileManager.default
    var folder = start.standardizedFileURL
    while true {
      for marker in [".git", "reprise.yaml", "Package.swift"]
      where fm.fileExists(atPath: folder.appendingPathComponent(marker).path) {
        return folder
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return start.standardizedFileURL }
      folder = parent
    }
  }

  /// `REPRISE_MIRROR`, else `<project>/../shared/data` when it exists.
  static func mirror(environment: [String: String], project: URL) -> URL? {
    Catalog.defaultMirror(environment: environment, projectRoot: project)
  }
}
