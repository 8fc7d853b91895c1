import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder where `reprise fetch` keeps what it acquired: unzipped wheel members and
/// files downloaded from their original location (default `<project>/.reprise/data`).
///
/// Every file is written under a temporary name in `.staging/` and renamed into place, so
/// a killed fetch never leaves a partial file under a final name.
public struct DataStore: Sendable, Equatable {
  /// The store's root folder.
  public let root: URL

  /// A store rooted at `root` (created when first written).
  public init(root: URL) {
    self.root = root.standardizedFileURL
  }

  /// Where the members of `wheel` are unzipped.
  public func wheelFolder(_ wheel: WheelSpec) -> URL {
    root.appendingPathComponent("wheels/\(wheel.name)-\(wheel.version)", isDirectory: true)
  }

  /// Where a mirror file downloaded from its original location is kept.
  public func downloaded(_ mirrorPath: String) -> URL {
    root.appendingPathComponent("mirror").appendingPathComponent(mirrorPath)
  }

  /// A fresh, empty staging folder on the store's file system (removed by the caller).
  func stagingFolder() throws(DatasetError) -> URL {
    let folder = root.appendingPathComponent(".staging/\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .unreadable(path: folder.path, reason: "cannot create: \(error.localizedDescription)")
    }
    return folder
  }

  /// Moves `staged` to `destination` with `rename(2)` (atomic on one file system), creating
  /// the destination's folder.
  func install(_ staged: URL, at destination: URL) throws(DatasetError) {
    do {
      try FileManager.default.createDirectory(
        at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw .unreadable(path: destination.path, reason: error.localizedDescription)
    }
    guard rename(staged.path, destination.path) == 0 else {
      throw .unreadable(
        path: destination.path, reason: "cannot move into place: \(String(cString: strerror(errno)))")
    }
  }
}
