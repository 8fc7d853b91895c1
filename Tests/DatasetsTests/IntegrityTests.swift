import Foundation
import TestSupport
import Testing

@testable import Datasets

/// Damaged, truncated and changed files are errors naming the dataset and the file.
@Suite struct IntegrityTests {
  /// A system root holding a copy of the emoji package's files.
  func emojiRoot(in folder: URL) throws -> URL {
    let gem = BuiltinDataset.emojiFolder
    let source = URL(fileURLWithPath: "/").appendingPathComponent(gem)
    _ = try TestCatalog.shared.fingerprint("emoji")  // installs the package if needed
    let target = folder.appendingPathComponent(gem)
    try FileManager.default.createDirectory(at: target.appendingPathComponent("assets"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source.appendingPathComponent("config"), to: target.appendingPathComponent("config"))
    try FileManager.default.copyItem(
      at: source.appendingPathComponent("assets/png"), to: target.appendingPathComponent("assets/png"))
    return folder
  }

  func catalog(root: URL) -> Catalog {
    Catalog(mirror: nil, userBase: root, fingerprints: FileFingerprints(store: nil), systemRoot: root)
  }

  @Test func aChangedFileInAPinnedFolderFailsTheTreeDigest() throws {
    try withTemporaryDirectory { folder in
      let root = try emojiRoot(in: folder)
      #expect(try catalog(root: root).load("emoji").items.count == 1_794)
      let png = root.appendingPathComponent(BuiltinDataset.emojiFolder + "assets/png/1F4AF.png")
      try Data([1, 2, 3]).write(to: png)
      let error = #expect(throws: DatasetError.self) { try catalog(root: root).load("emoji") }
      guard case let .treeMismatch("emoji", path, expectedFiles, actualFiles, _, _) = error else {
        Issue.record("expected a tree mismatch, got \(String(describing: error))")
        return
      }
      #expect(path.hasSuffix("assets/png") && expectedFiles == 1_794 && actualFiles == 1_794)
      try FileManager.default.removeItem(at: png)
      let removed = #expect(throws: DatasetError.self) { try catalog(root: root).fingerprint("emoji") }
      #expect(removed?.description.contains("holds 1793 files") == true)
    }
  }

  @Test func aTruncatedGzipIsAnErrorNamingTheFile() throws {
    try withTemporaryDirectory { folder in
      let labels = try Data(contentsOf: TestPaths.mirror.appendingPathComponent("mnist-test/t10k-labels-idx1-ubyte.gz"))
      try labels.prefix(labels.count / 2).write(to: folder.appendingPathComponent("labels.gz"))
      try FileManager.default.copyItem(
        at: TestPaths.mirror.appendingPathComponent("mnist-test/t10k-images-idx3-ubyte.gz"),
        to: folder.appendingPathComponent("images.gz"))
      let user = UserDataset(id: "digits", images: "images.gz", labels: "labels.gz")
      let catalog = Catalog(mirror: nil, userDatasets: [user], userBase: folder, fingerprints: FileFingerprints(store: nil))
      let error = #expect(throws: DatasetError.self) { try catalog.load("digits") }
      guard case let .malformed("digits", path, reason) = error else {
        Issue.record("expected malformed, got \(String(describing: error))")
        return
      }
      #expect(path == "labels.gz" && reason.contains("truncated"))
    }
  }

  @Test func invalidUTF8WhereTextMustBeUTF8IsAnErrorWithTheLine() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("flickr8k-captions/Flickr8k.token.txt")
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("a.jpg#0\tfine\na.jpg#1\tbad \u{FF}".utf8.map { $0 == 0xC3 ? 0xFF : $0 }).write(to: file)
      let context = TestCatalog.context(BuiltinDataset.flickr8kCaptions, folder: folder)
      let error = #expect(throws: DatasetError.self) { try Flickr8kLoader.load(context) }
      #expect(error?.description.contains("line 2 is not valid UTF-8") == true)
      #expect(error?.description.contains("Flickr8k.token.txt") == true)
    }
  }

  @Test func aMissingMVSAImageIsAMissingFile() throws {
    try withTemporaryDirectory { folder in
      let csv = folder.appendingPathComponent("mvsa-single/labels.csv")
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("mvsa-single/images"), withIntermediateDirectories: true)
      try Data("tweet_id,text,label,split\n7,\"hi, there\",1,train\n".utf8).write(to: csv)
      let error = #expect(throws: DatasetError.self) {
        try MVSALoader.load(TestCatalog.context(BuiltinDataset.mvsaSingle, folder: folder))
      }
      #expect(error?.description.contains("mvsa-single/images/7.jpg") == true)
    }
  }
}
