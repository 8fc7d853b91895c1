import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite struct CatalogTests {
  /// SHA-256 of the two pinned MNIST digests, sorted, each followed by "\n" (computed with
  /// Python's hashlib).
  static let mnistFingerprint = "bbb278cfbc2ec4976b7accbca9d7697f7ba1a347d01d0bbba5490b1518a16238"

  func catalog(mirror: URL?, user: [UserDataset] = [], base: URL? = nil) -> Catalog {
    Catalog(
      mirror: mirror, userDatasets: user, userBase: base ?? TestPaths.packageRoot,
      fingerprints: FileFingerprints(store: nil))
  }

  @Test func mnistTestFingerprintVerifiesThePinnedChecksums() throws {
    let catalog = catalog(mirror: TestPaths.mirror)
    #expect(try catalog.fingerprint("mnist-test") == Self.mnistFingerprint)
    let info = try catalog.info("mnist-test")
    #expect(
      info.files.map(\.sha256).contains(
        "167310007f03058885c7e95e6c0b19c20de5c7fd3031f4cbdadc9014a523d80b"))
    #expect(info.source == "kelas/mnist@283b387221ab46655e600cfcc25d843bb14292b9")
  }

  @Test func loadsMNISTTest() throws {
    let images = try catalog(mirror: TestPaths.mirror).labeledImages("mnist-test")
    #expect(images.count == 10_000 && images.height == 28 && images.width == 28)
    #expect(images.pixels.count == 10_000 * 28 * 28)
    #expect(Array(images.labels.prefix(5)) == [7, 2, 1, 0, 4])
    #expect(images.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    #expect(images.fingerprint == Self.mnistFingerprint)
    #expect(images.files == (try catalog(mirror: TestPaths.mirror).info("mnist-test").files))
  }

  @Test func aModifiedMirrorFileFailsTheChecksum() throws {
    try withTemporaryDirectory { mirror in
      let folder = mirror.appendingPathComponent("mnist-test")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for name in ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
        try FileManager.default.copyItem(
          at: TestPaths.mirror.appendingPathComponent("mnist-test/\(name)"),
          to: folder.appendingPathComponent(name))
      }
      let labels = folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz")
      var bytes = try Data(contentsOf: labels)
      bytes[bytes.count - 1] ^= 0xFF
      try bytes.write(to: labels)
      let actual = try FileFingerprints.hashContents(of: labels)
      let error = #expect(throws: DatasetError.self) {
        try catalog(mirror: mirror).labeledImages("mnist-test")
      }
      #expect(
        error
          == .checksumMismatch(
            dataset: "mnist-test", path: labels.path,
            expected: "fc607395669ec21321ea83e4b82c0544b7e8e63ff5b34337c06bc0a17cc0da3c",
            actual: actual))
    }
  }

  @Test func aMissingMirrorFileSaysHowToProvideIt() throws {
    try withTemporaryDirectory { mirror in
      let error = #expect(throws: DatasetError.self) {
        try catalog(mirror: mirror).fingerprint("mnist-test")
      }
      guard case let .missingFile(dataset, path, hint) = error else {
        Issue.record("expected missingFile, got \(String(describing: error))")
        return
      }
      #expect(dataset == "mnist-test")
      #expect(path.hasPrefix(mirror.path) && path.hasSuffix("t10k-images-idx3-ubyte.gz"))
      #expect(hint.contains("REPRISE_MIRROR") && hint.contains("kelas/mnist"))
    }
  }

  @Test func noMirrorSaysToSetREPRISE_MIRROR() {
    let error = #expect(throws: DatasetError.self) {
      try catalog(mirror: nil).labeledImages("mnist-test")
    }
    #expect(error?.description.contains("set REPRISE_MIRROR to the data mirror folder") == true)
  }

  @Test func unknownIDListsTheKnownOnes() {
    let user = UserDataset(id: "mine", images: "i.idx", labels: "l.idx")
    let error = #expect(throws: DatasetError.self) {
      try catalog(mirror: nil, user: [user]).info("mnist")
    }
    #expect(error == .unknownDataset(id: "mnist", known: BuiltinDataset.all.map(\.info.id) + ["mine"]))
  }

  @Test func aUserDatasetMayNotReuseABuiltinID() {
    let user = UserDataset(id: "mnist-test", images: "i.idx", labels: "l.idx")
    let catalog = catalog(mirror: nil, user: [user])
    #expect(catalog.ids == BuiltinDataset.all.map(\.info.id))
    #expect(throws: DatasetError.duplicateID("mnist-test")) { try catalog.info("mnist-test") }
  }

  @Test func defaultMirrorPrefersTheEnvironment() throws {
    let root = TestPaths.packageRoot
    #expect(
      Catalog.defaultMirror(environment: ["REPRISE_MIRROR": "/data/mirror"], projectRoot: root)
        == URL(fileURLWithPath: "/data/mirror", isDirectory: true))
    #expect(
      Catalog.defaultMirror(environment: [:], projectRoot: root)?.path
        == root.deletingLastPathComponent().appendingPathComponent("shared/data").path)
    try withTemporaryDirectory { folder in
      let project = folder.appendingPathComponent("project")
      #expect(
        Catalog.defaultMirror(environment: ["REPRISE_MIRROR": ""], projectRoot: project) == nil)
    }
  }
}
