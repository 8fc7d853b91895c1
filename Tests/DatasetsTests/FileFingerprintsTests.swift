import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite struct FileFingerprintsTests {
  @Test func hashesKnownContent() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("abc.txt")
      try Data("abc".utf8).write(to: file)
      // SHA-256("abc"), FIPS 180-2 appendix B.1.
      #expect(
        try FileFingerprints(store: nil).sha256(of: file)
          == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
  }

  @Test func theStorePersistsHashesAcrossInstances() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("data.bin")
      try Data([1, 2, 3]).write(to: file)
      try setModificationDate(Date(timeIntervalSince1970: 1_600_000_000), of: file)
      let store = folder.appendingPathComponent("cache/fingerprints.json")
      let first = FileFingerprints(store: store)
      let digest = try first.sha256(of: file)
      try first.save()

      let second = FileFingerprints(store: store)
      #expect(try second.sha256(of: file) == digest)
      #expect(second.hashComputations == 0)
      let leftovers = try FileManager.default.contentsOfDirectory(
        atPath: store.deletingLastPathComponent().path)
      #expect(leftovers == ["fingerprints.json"])
    }
  }

  @Test func recentlyModifiedFilesAreRehashed() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("fresh.bin")
      try Data([9]).write(to: file)
      let fingerprints = FileFingerprints(store: nil)
      _ = try fingerprints.sha256(of: file)
      try Data([8]).write(to: file)
      _ = try fingerprints.sha256(of: file)
      #expect(fingerprints.hashComputations == 2)
    }
  }

  @Test func aCorruptStoreStartsEmpty() throws {
    try withTemporaryDirectory { folder in
      let store = folder.appendingPathComponent("fingerprints.json")
      try Data("{not json".utf8).write(to: store)
      let file = folder.appendingPathComponent("x")
      try Data([1]).write(to: file)
      #expect(try FileFingerprints(store: store).sha256(of: file).count == 64)
    }
  }

  @Test func aMissingFileIsUnreadable() {
    let url = URL(fileURLWithPath: "/nonexistent/reprise/file.bin")
    let error = #expect(throws: DatasetError.self) {
      try FileFingerprints(store: nil).sha256(of: url)
    }
    guard case .unreadable(path: url.path, _) = error else {
      Issue.record("expected unreadable, got \(String(describing: error))")
      return
    }
  }
}
