import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite struct UserDatasetTests {
  /// Four 2×3 images whose pixels are their index, with labels 0, 1, 2, 1.
  static let pixels: [UInt8] = (0..<4).flatMap { i in [UInt8](repeating: UInt8(i), count: 6) }
  static let past = Date(timeIntervalSince1970: 1_600_000_000)

  /// Writes the images and labels into `folder`, dated in the past so the stat cache may
  /// trust them, and returns a catalog over them.
  func makeCatalog(
    in folder: URL, labels: [UInt8] = [0, 1, 2, 1], classes: [String]? = nil,
    fingerprints: FileFingerprints = FileFingerprints(store: nil), modified: Date = past
  ) throws -> Catalog {
    let files = try IDXWriter.write(
      images: Self.pixels, height: 2, width: 3, labels: labels, to: folder)
    try setModificationDate(modified, of: files.images)
    try setModificationDate(modified, of: files.labels)
    let dataset = UserDataset(
      id: "toy", images: "images.idx", labels: "labels.idx", classes: classes, title: "Toy")
    return Catalog(
      mirror: nil, userDatasets: [dataset], userBase: folder, fingerprints: fingerprints)
  }

  @Test func loadsAUserIDXDatasetWithDefaultClasses() throws {
    try withTemporaryDirectory { folder in
      let catalog = try makeCatalog(in: folder)
      let images = try catalog.labeledImages("toy")
      #expect(images.count == 4 && images.height == 2 && images.width == 3)
      #expect(images.pixels == Self.pixels)
      #expect(images.labels == [0, 1, 2, 1])
      #expect(images.classNames == ["0", "1", "2"])
      #expect(images.fingerprint == (try catalog.fingerprint("toy")))
      #expect(images.files.map(\.path) == ["images.idx", "labels.idx"])
      #expect(try catalog.info("toy").title == "Toy")
      #expect(catalog.ids.first == "mnist-test" && catalog.ids.last == "toy")
    }
  }

  @Test func theFingerprintFollowsTheContentAndTheStatCacheAvoidsRehashing() throws {
    try withTemporaryDirectory { folder in
      let fingerprints = FileFingerprints(store: nil)
      let catalog = try makeCatalog(in: folder, fingerprints: fingerprints)
      let first = try catalog.fingerprint("toy")
      #expect(fingerprints.hashComputations == 2)
      #expect(try catalog.fingerprint("toy") == first)
      #expect(fingerprints.hashComputations == 2)

      let later = Self.past.addingTimeInterval(60)
      _ = try makeCatalog(
        in: folder, labels: [0, 1, 2, 2], fingerprints: fingerprints, modified: later)
      let edited = try catalog.fingerprint("toy")
      #expect(edited != first)
      #expect(fingerprints.hashComputations == 4)
    }
  }

  @Test func rejectsImageAndLabelCountsThatDisagree() throws {
    try withTemporaryDirectory { folder in
      let error = #expect(throws: DatasetError.self) {
        try makeCatalog(in: folder, labels: [0, 1, 2]).labeledImages("toy")
      }
      guard case let .malformed("toy", path, reason) = error else {
        Issue.record("expected malformed, got \(String(describing: error))")
        return
      }
      #expect(path == "labels.idx")
      #expect(reason.contains("3 labels for 4 images"))
    }
  }

  @Test func rejectsLabelsWithoutAClassName() throws {
    try withTemporaryDirectory { folder in
      let error = #expect(throws: DatasetError.self) {
        try makeCatalog(in: folder, classes: ["a", "b"]).labeledImages("toy")
      }
      #expect(error?.description.contains("label 2 of item 2 has no class name") == true)
    }
  }

  @Test func namedClassesAreKept() throws {
    try withTemporaryDirectory { folder in
      let images = try makeCatalog(in: folder, classes: ["a", "b", "c", "d"]).labeledImages("toy")
      #expect(images.classNames == ["a", "b", "c", "d"])
    }
  }

  @Test func aMissingFileIsAnErrorNamingTheDatasetTheFileAndTheKey() throws {
    try withTemporaryDirectory { folder in
      let absent = UserDataset(id: "absent", images: "nowhere.idx", labels: "labels.idx")
      let catalog = Catalog(
        mirror: nil, userDatasets: [absent], userBase: folder, fingerprints: FileFingerprints(store: nil))
      let error = #expect(throws: DatasetError.self) { try catalog.fingerprint("absent") }
      guard case let .missingFile("absent", path, hint) = error else {
        Issue.record("expected missingFile, got \(String(describing: error))")
        return
      }
      #expect(path == folder.appendingPathComponent("nowhere.idx").standardizedFileURL.path)
      #expect(hint.contains("`images` path of user dataset 'absent'"))
    }
  }

  @Test func aDatasetsBaseFolderOverridesTheCatalogs() throws {
    try withTemporaryDirectory { folder in
      let data = folder.appendingPathComponent("data")
      try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
      _ = try IDXWriter.write(images: Self.pixels, height: 2, width: 3, labels: [0, 1, 2, 1], to: data)
      var dataset = UserDataset(id: "based", images: "images.idx", labels: "labels.idx")
      dataset.base = data
      let catalog = Catalog(
        mirror: nil, userDatasets: [dataset], userBase: folder, fingerprints: FileFingerprints(store: nil))
      #expect(try catalog.load("based").items.map(\.label) == [0, 1, 2, 1])
      #expect(try catalog.info("based").source == "user dataset (format idx): images images.idx, labels labels.idx")
    }
  }

  @Test func theDeclarationEncodesWithoutItsBaseFolder() throws {
    var dataset = UserDataset(id: "toy", images: "i.idx", labels: "l.idx")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let plain = try encoder.encode(dataset)
    dataset.base = URL(fileURLWithPath: "/somewhere/else")
    #expect(try encoder.encode(dataset) == plain)
    #expect(try JSONDecoder().decode(UserDataset.self, from: plain).source == .idx(images: "i.idx", labels: "l.idx"))
  }
}
