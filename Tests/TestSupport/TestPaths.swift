import Foundation

/// Locations the tests read from, found from this file's path, never from the working
/// directory.
public enum TestPaths {
  /// The package root (the folder holding `Package.swift`).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// `Tests/Fixtures`: reference outputs generated offline by `scripts/fixtures/*.py`.
  public static let fixtures: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

  /// The data mirror: `REPRISE_MIRROR` if set, else `../shared/data` beside the package.
  public static var mirror: URL {
    if let path = ProcessInfo.processInfo.environment["REPRISE_MIRROR"], !path.isEmpty {
      return URL(fileURLWithPath: path, isDirectory: true)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
  }
}
