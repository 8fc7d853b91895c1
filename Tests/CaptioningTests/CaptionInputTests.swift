import Foundation
import Testing

@testable import Captioning

@Suite struct CaptionInputTests {
  func parse(_ text: String) throws -> [(id: String, caption: String)] {
    try CaptionFile.captions(in: Data(text.utf8), name: "input.json")
  }

  @Test func readsResultListsWithIntegerOrStringIDs() throws {
    let captions = try parse(#"[{"image_id": 42, "caption": "a dog"}, {"image_id": "x.jpg", "caption": "a cat", "score": 1}]"#)
    #expect(captions.map(\.id) == ["42", "x.jpg"])
    #expect(captions.map(\.caption) == ["a dog", "a cat"])
  }

  @Test func readsCOCOAnnotationFiles() throws {
    let captions = try parse(#"{"images": [], "annotations": [{"id": 1, "image_id": 7, "caption": "one"}, {"image_id": 7, "caption": "two"}]}"#)
    #expect(captions.map(\.id) == ["7", "7"])
  }

  @Test func readsFlickrTokenFilesWithTheDotOneQuirk() throws {
    let captions = try parse("2258277193_586949ec62.jpg.1#0\tpeople waiting\n2258277193_586949ec62.jpg#1\tSome people .\n\n")
    #expect(captions.map(\.id) == ["2258277193_586949ec62.jpg", "2258277193_586949ec62.jpg"])
    #expect(captions[1].caption == "Some people .")
  }

  @Test func rejectsBadInputWithClearMessages() {
    #expect(throws: CaptionMetricsError.invalidUTF8(file: "input.json")) {
      try CaptionFile.captions(in: Data([0x5B, 0xFF, 0x5D]), name: "input.json")
    }
    do {
      _ = try parse(#"[{"image_id": 1, "caption": "a"},"#)
      Issue.record("malformed JSON accepted")
    } catch {
      #expect("\(error)".contains("not valid JSON"))
    }
    do {
      _ = try parse(#"[{"image_id": 1, "text": "a"}]"#)
      Issue.record("a list without captions accepted")
    } catch {
      #expect("\(error)".contains(#"missing "caption" at [0]"#))
    }
    #expect(throws: CaptionMetricsError.self) { try parse("no tab here") }
    #expect(throws: CaptionMetricsError.self) { try parse("   ") }
  }

  @Test func pairsByReferenceOrder() throws {
    let set = try CaptionSet.pairing(
      references: [("b", "r1"), ("a", "r2"), ("b", "r3")], results: [("a", "ca"), ("b", "cb")])
    #expect(set.imageIDs == ["b", "a"])
    #expect(set.references == [["r1", "r3"], ["r2"]])
    #expect(set.candidates == ["cb", "ca"])
  }

  @Test func listsMissingDuplicateAndUnknownResults() {
    let references: [(id: String, caption: String)] = [("a", "r"), ("b", "r"), ("c", "r")]
    #expect(throws: CaptionMetricsError.missingResults(ids: ["b", "c"], total: 2)) {
      try CaptionSet.pairing(references: references, results: [("a", "x")])
    }
    #expect(throws: CaptionMetricsError.duplicateResults(ids: ["a"], total: 1)) {
      try CaptionSet.pairing(references: references, results: [("a", "x"), ("a", "y"), ("b", "x"), ("c", "x")])
    }
    #expect(throws: CaptionMetricsError.unknownImages(ids: ["z"], total: 1)) {
      try CaptionSet.pairing(references: references, results: [("a", "x"), ("b", "x"), ("c", "x"), ("z", "x")])
    }
    #expect(throws: CaptionMetricsError.emptyEvaluation) { try CaptionSet.pairing(references: [], results: []) }
    #expect("\(CaptionMetricsError.missingResults(ids: ["b"], total: 12))".contains("(12 in all)"))
  }

  @Test func meteorNeedsItsData() {
    #expect(throws: CaptionMetricsError.self) { try CaptionEvaluator(.init(metrics: [.meteor])) }
    #expect(throws: CaptionMetricsError.self) {
      try MeteorResources(directory: URL(fileURLWithPath: "/nonexistent"))
    }
  }
}
