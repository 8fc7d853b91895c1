import Foundation
import TestSupport
import Testing

@testable import Datasets

/// User datasets of format `images`: a folder of images and a CSV or JSON table.
@Suite struct UserImageTableTests {
  static let past = Date(timeIntervalSince1970: 1_600_000_000)

  /// Writes `photos/<name>` files (their bytes only matter for hashing here) and `table`,
  /// all dated in the past so the stat cache may trust them.
  func write(_ table: String, named name: String, images: [String: String], in folder: URL) throws {
    let photos = folder.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    for (file, content) in images {
      let url = photos.appendingPathComponent(file)
      try Data(content.utf8).write(to: url)
      try setModificationDate(Self.past, of: url)
    }
    let url = folder.appendingPathComponent(name)
    try Data(table.utf8).write(to: url)
    try setModificationDate(Self.past, of: url)
  }

  func catalog(
    _ folder: URL, table: String = "photos.csv", columns: UserDataset.TableColumns = .init(),
    classes: [String]? = nil, fingerprints: FileFingerprints = FileFingerprints(store: nil)
  ) -> Catalog {
    let dataset = UserDataset(
      id: "photos", source: .imageTable(images: "photos", table: table, columns: columns), classes: classes)
    return Catalog(mirror: nil, userDatasets: [dataset], userBase: folder, fingerprints: fingerprints)
  }

  static let threeImages = ["a.jpg": "A", "b.jpg": "B", "c.jpg": "C"]

  @Test func aCSVTableGivesItemsWithTextsLabelsAndImagesInTableOrder() throws {
    try withTemporaryDirectory { folder in
      try write(
        "file,text,label\nb.jpg,\"a dog, running\",dog\na.jpg,a cat,cat\nc.jpg,\"say \"\"hi\"\"\",dog\n",
        named: "photos.csv", images: Self.threeImages, in: folder)
      let data = try catalog(folder).load("photos")
      #expect(data.items.map(\.id) == ["b.jpg", "a.jpg", "c.jpg"])
      #expect(data.items.map(\.text) == ["a dog, running", "a cat", "say \"hi\""])
      #expect(data.classNames == ["cat", "dog"])
      #expect(data.items.map(\.label) == [1, 0, 1])
      #expect(data.classCounts == [1, 2])
      #expect(data.items[1].image == .file(folder.appendingPathComponent("photos/a.jpg").standardizedFileURL))
      #expect(data.info.files.map(\.path) == ["photos.csv", "photos/b.jpg", "photos/a.jpg", "photos/c.jpg"])
      #expect(data.info.source == "user dataset (format images): table photos.csv, images in photos")
      #expect(data.notes.map(\.count) == [3])
    }
  }

  @Test func aJSONTableWithConfiguredColumnsAndDeclaredClasses() throws {
    try withTemporaryDirectory { folder in
      try write(
        #"[{"name": "a.jpg", "caption": "first", "mood": 2}, {"name": "b.jpg", "caption": null, "mood": 10}, {"name": "c.jpg", "caption": "third", "mood": ""}]"#,
        named: "photos.json", images: Self.threeImages, in: folder)
      let columns = UserDataset.TableColumns(file: "name", text: "caption", label: "mood")
      let sorted = try catalog(folder, table: "photos.json", columns: columns).load("photos")
      #expect(sorted.classNames == ["2", "10"])
      #expect(sorted.items.map(\.label) == [0, 1, nil])
      #expect(sorted.items.map(\.text) == ["first", "", "third"])
      #expect(sorted.notes.last == DatasetNote("rows with an empty label cell", count: 1, action: "kept without a class"))
      let declared = try catalog(folder, table: "photos.json", columns: columns, classes: ["10", "2", "5"]).load("photos")
      #expect(declared.classNames == ["10", "2", "5"])
      #expect(declared.items.map(\.label) == [1, 0, nil])
    }
  }

  @Test func aTableWithoutTextOrLabelColumnsGivesUnlabelledItems() throws {
    try withTemporaryDirectory { folder in
      try write("file\na.jpg\nb.jpg\n", named: "photos.csv", images: Self.threeImages, in: folder)
      let data = try catalog(folder).load("photos")
      #expect(data.items.count == 2)
      #expect(data.classNames.isEmpty)
      #expect(data.items.allSatisfy { $0.text.isEmpty && $0.label == nil })
    }
  }

  @Test func badTablesAreErrorsNamingTheRow() throws {
    let cases: [(table: String, columns: UserDataset.TableColumns, classes: [String]?, reason: String)] = [
      ("file,text\na.jpg,x\n", .init(label: "mood"), nil, "no column 'mood'; the columns are file, text"),
      ("name,text\na.jpg,x\n", .init(), nil, "no column 'file'; the columns are name, text"),
      ("file,label\na.jpg,cat\na.jpg,dog\n", .init(), nil, "line 3 names a.jpg again (first at line 2)"),
      ("file,label\na.jpg,cat\nb.jpg,cow\n", .init(), ["cat", "dog"], "line 3: label 'cow' is not one of the declared classes"),
      ("file,label\na.jpg,cat,extra\n", .init(), nil, "line 2: 3 fields, the header has 2"),
      ("file,label\n,cat\n", .init(), nil, "line 2: no file name in column 'file'"),
    ]
    for c in cases {
      try withTemporaryDirectory { folder in
        try write(c.table, named: "photos.csv", images: Self.threeImages, in: folder)
        let reason = malformedReason(dataset: "photos", path: "photos.csv") {
          _ = try catalog(folder, columns: c.columns, classes: c.classes).load("photos")
        }
        #expect(reason?.hasPrefix(c.reason) == true, "\(reason ?? "")")
      }
    }
  }

  @Test func aMissingImageIsAnErrorNamingTheDatasetTheFileAndTheRow() throws {
    try withTemporaryDirectory { folder in
      try write("file\na.jpg\nzzz.jpg\n", named: "photos.csv", images: Self.threeImages, in: folder)
      let error = #expect(throws: DatasetError.self) { try catalog(folder).fingerprint("photos") }
      guard case let .missingFile("photos", path, hint) = error else {
        Issue.record("expected missingFile, got \(String(describing: error))")
        return
      }
      #expect(path.hasSuffix("/photos/zzz.jpg"))
      #expect(hint.hasPrefix("photos.csv line 3 names it"))
    }
  }

  @Test func theFingerprintCoversEachImageByContentSizeAndName() throws {
    try withTemporaryDirectory { folder in
      let fingerprints = FileFingerprints(store: nil)
      try write("file,label\na.jpg,x\nb.jpg,y\n", named: "photos.csv", images: Self.threeImages, in: folder)
      let catalog = catalog(folder, fingerprints: fingerprints)
      let first = try catalog.fingerprint("photos")
      #expect(fingerprints.hashComputations == 3)
      #expect(try catalog.fingerprint("photos") == first)
      #expect(fingerprints.hashComputations == 3, "a second fingerprint only stats the files")

      let unlisted = folder.appendingPathComponent("photos/c.jpg")
      try Data("changed".utf8).write(to: unlisted)
      #expect(try catalog.fingerprint("photos") == first, "an image the table does not name does not count")

      let image = folder.appendingPathComponent("photos/b.jpg")
      try Data("b".utf8).write(to: image)
      try setModificationDate(Self.past.addingTimeInterval(60), of: image)
      let edited = try catalog.fingerprint("photos")
      #expect(edited != first)
      #expect(fingerprints.hashComputations == 4, "only the edited image is hashed again")

    }
  }

  @Test func theListingFingerprintCountsPathsAndSizesButNotOrder() {
    let a = DataFile(path: "photos/a.jpg", sha256: String(repeating: "1", count: 64), bytes: 5)
    let b = DataFile(path: "photos/b.jpg", sha256: String(repeating: "2", count: 64), bytes: 7)
    var renamed = a
    renamed.path = "photos/z.jpg"
    var resized = a
    resized.bytes = 6
    let listing = DatasetFingerprint.listing([a, b])
    #expect(DatasetFingerprint.listing([b, a]) == listing)
    #expect(DatasetFingerprint.listing([renamed, b]) != listing)
    #expect(DatasetFingerprint.listing([resized, b]) != listing)
    #expect(DatasetFingerprint.combine([renamed, b]) == DatasetFingerprint.combine([a, b]), "built-in fingerprints stay content-only")
  }
}
