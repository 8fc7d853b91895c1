import Datasets
import Foundation
import Media
import Models
import TestSupport
import Testing

/// How `--images`, `--text` and `--dataset` become items.
@Suite struct FeatureInputTests {
  /// Writes a solid-colour PNG.
  static func writePNG(_ url: URL, rgb: (UInt8, UInt8, UInt8), side: Int = 4) throws {
    let pixel: [UInt8] = [rgb.0, rgb.1, rgb.2, 255]
    let pixels = (0..<(side * side)).flatMap { _ in pixel }
    try Data(PNG.encodeRGBA(width: side, height: side, pixels: pixels)).write(to: url)
  }

  @Test func everyLineIsAnItemAndAFinalNewlineEndsTheLastLine() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("texts.txt")
      try Data("first\n\n  third \r\nlast\n".utf8).write(to: file)
      let items = try FeatureItems.textLines(of: file)
      #expect(items.ids == ["0", "1", "2", "3"])
      #expect(items.texts == ["first", "", "  third ", "last"])
      #expect(items.images == nil)
      try Data("a\n\n".utf8).write(to: file)
      #expect(try FeatureItems.textLines(of: file).texts == ["a", ""])
      try Data("no newline".utf8).write(to: file)
      #expect(try FeatureItems.textLines(of: file).texts == ["no newline"])
      try Data().write(to: file)
      #expect(throws: FeatureError.noItems("text file \(file.path)")) { try FeatureItems.textLines(of: file) }
    }
  }

  @Test func theTextFingerprintFollowsTheBytes() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("t.txt")
      try Data("a\nb\n".utf8).write(to: file)
      let first = try FeatureItems.textLines(of: file).data.fingerprint
      try Data("a\nc\n".utf8).write(to: file)
      #expect(try FeatureItems.textLines(of: file).data.fingerprint != first)
      #expect(first.count == 64)
    }
  }

  @Test func imagesAreOrderedByTheBytesOfTheirNames() throws {
    try withTemporaryDirectory { folder in
      for name in ["b.png", "a.png", "B.PNG", "é.png"] {
        try Self.writePNG(folder.appendingPathComponent(name), rgb: (1, 2, 3))
      }
      try Data("notes".utf8).write(to: folder.appendingPathComponent("readme.txt"))
      let items = try FeatureItems.images(in: folder, fingerprints: FileFingerprints(store: nil))
      #expect(items.ids == ["B", "a", "b", "é"])
      #expect(items.texts == nil)
      #expect(items.images?.count == 4)
      #expect(items.labels == [nil, nil, nil, nil])
    }
  }

  @Test func twoFilesWithOneIdAndEmptyFoldersAreRefused() throws {
    try withTemporaryDirectory { folder in
      #expect(throws: FeatureError.self) { try FeatureItems.images(in: folder, fingerprints: FileFingerprints(store: nil)) }
      try Self.writePNG(folder.appendingPathComponent("cat.png"), rgb: (1, 2, 3))
      try Self.writePNG(folder.appendingPathComponent("cat.jpg"), rgb: (1, 2, 3))
      do {
        _ = try FeatureItems.images(in: folder, fingerprints: FileFingerprints(store: nil))
        Issue.record("expected an error")
      } catch {
        #expect("\(error)".contains("cat.jpg and cat.png would both get id 'cat'"))
      }
      let missing = folder.appendingPathComponent("nope")
      #expect(throws: FeatureError.missingInput(path: missing.path, reason: "not a readable folder")) {
        try FeatureItems.images(in: missing, fingerprints: FileFingerprints(store: nil))
      }
    }
  }

  @Test func datasetItemsKeepLabelsAndChooseTheirText() throws {
    let info = DatasetInfo(id: "toy", title: "toy", source: "test", license: "none", citation: "", files: [])
    let dataset = Dataset(
      info: info, classNames: ["cat", "dog"],
      items: [
        DataItem(id: "x", text: "a cat", label: 0, tags: ["pet", "small"], split: .train),
        DataItem(id: "y", text: "a dog", label: 1, split: .test),
        DataItem(id: "z", text: "nothing", split: .test),
      ], notes: [], fingerprint: "f")
    let all = try FeatureItems.dataset(dataset, split: nil, field: .text)
    #expect(all.ids == ["x", "y", "z"] && all.labels == [0, 1, nil] && all.classNames == ["cat", "dog"])
    #expect(all.images == nil)
    let test = try FeatureItems.dataset(dataset, split: .test, field: .class)
    #expect(test.ids == ["y", "z"] && test.texts == ["dog", ""])
    #expect(try FeatureItems.dataset(dataset, split: .train, field: .tags).texts == ["pet, small"])
    #expect(test.data.fingerprint != all.data.fingerprint)
    #expect(all.prefix(2).ids == ["x", "y"] && all.prefix(2).data.fingerprint != all.data.fingerprint)
    #expect(throws: FeatureError.noItems("dataset toy:val")) { try FeatureItems.dataset(dataset, split: .validation, field: .text) }
  }
}
