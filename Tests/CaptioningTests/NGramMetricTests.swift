import Foundation
import TestSupport
import Testing

@testable import Captioning

/// Small cases whose values are worked out by hand or were printed by pycocoevalcap 1.2 for
/// the same (already tokenized) input.
@Suite struct NGramMetricTests {
  func scores(_ candidates: [String], _ references: [[String]], _ metrics: Set<CaptionMetric>) throws -> CaptionScores {
    let ids = candidates.indices.map(String.init)
    return try CaptionEvaluator(.init(metrics: metrics))
      .evaluate(CaptionSet(imageIDs: ids, references: references, candidates: candidates))
  }

  /// Interned strings are equal when their bytes are: canonically equivalent spellings stay
  /// apart (Python and Java compare code points), the empty string is a string, and ids
  /// survive the table's growth.
  @Test func byteStringIndexComparesBytes() {
    var index = ByteStringIndex()
    func insert(_ text: String) -> (id: Int32, inserted: Bool) {
      var text = text
      return text.withUTF8 { index.insert($0) }
    }
    #expect(insert("caf\u{E9}") == (0, true))
    #expect(insert("cafe\u{301}") == (1, true))
    #expect(insert("") == (2, true))
    #expect(insert("caf\u{E9}") == (0, false))
    let words = (0..<5000).map { "w\($0)" }
    let ids = words.map { insert($0).id }
    #expect(ids == Array(3..<5003))
    #expect(words.map { index.id(of: $0) } == ids.map(Optional.some))
    #expect(index.id(of: "") == 2)
    #expect(index.id(of: "w5000") == nil)
    #expect(Array(index.bytes(1)) == Array("cafe\u{301}".utf8))
    #expect(index.count == 5003)
  }

  /// Hypothesis of 5 words, references of 4 and 6: both are 1 away and the toolkit takes the
  /// shorter, so there is no brevity penalty (with the longer one, BLEU-1 would be e^−0.2).
  @Test func bleuClosestReferenceLengthTiesToTheShorter() throws {
    let result = try scores(["a b c d e"], [["a b c d", "a b c d e f"]], [.bleu1, .bleu4])
    assertClose([result.corpus[.bleu1] ?? 0], [(5 + 1e-15) / (5 + 1e-9)], atol: 1e-15)
    assertClose([result.corpus[.bleu4] ?? 0], [0.999999999679167], atol: 1e-15)
  }

  /// Corpus BLEU pools the counts; it is not the mean of the per-image scores (toolkit values).
  @Test func bleuCorpusPoolsStatistics() throws {
    let result = try scores(["the dog", "birds fly high"], [["the dog runs", "a cat"], ["two birds fly"]], [.bleu1, .bleu2, .bleu3, .bleu4])
    assertClose(
      [.bleu1, .bleu2, .bleu3, .bleu4].map { result.corpus[$0] ?? 0 },
      [0.7999999996800004, 0.7302967429994167, 8.109602654997713e-06, 4.805622825466231e-06], atol: 1e-15)
    assertClose(result.perImage[.bleu1] ?? [], [0.9999999990000008, 0.6666666662222226], atol: 1e-15)
  }

  /// Best precision and best recall are taken from different references: here 1 and 1,
  /// where the best single reference would give F ≈ 0.71.
  @Test func rougeTakesBestPrecisionAndRecallIndependently() throws {
    let result = try scores(["a b"], [["a b c d", "a"]], [.rougeL])
    #expect(result.corpus[.rougeL] == 1)
  }

  /// `"".split(" ")` is `[""]`: an empty caption is one empty token, which matches an empty
  /// reference (F = 1) and nothing else.
  @Test func rougeScoresEmptyCaptionsAsTheToolkit() throws {
    let result = try scores(["", "", "a dog"], [["..."], ["a dog"], ["a dog"]], [.rougeL])
    #expect(result.perImage[.rougeL] == [1, 0, 1])
  }

  @Test func rougeLongestCommonSubsequence() {
    #expect(ROUGEL.longestCommonSubsequence([1, 2, 3, 4, 5], [5, 1, 3, 5]) == 3)
    #expect(ROUGEL.longestCommonSubsequence([], [1]) == 0)
  }

  /// Document frequencies come from the evaluated references: alone, an image has idf 0
  /// everywhere (tylin/coco-caption#9); two identical pairs score 10·mean(1, 1, 0, 0) = 5.
  @Test func ciderUsesTheEvaluatedReferencesOnly() throws {
    #expect(try scores(["a b"], [["a b"]], [.cider]).corpus[.cider] == 0)
    #expect(try scores(["a b", "c d"], [["a b"], ["c d"]], [.cider]).perImage[.cider] == [5, 5])
  }

  @Test func ciderMatchesTheToolkitOnASmallCorpus() throws {
    let result = try scores(["the dog", "birds fly high"], [["the dog runs", "a cat"], ["two birds fly"]], [.cider])
    assertClose([result.corpus[.cider] ?? 0], [2.3974511325908674], atol: 1e-15)
    assertClose(result.perImage[.cider] ?? [], [1.8782355985150683, 2.916666666666667], atol: 1e-15)
  }

  @Test func emptyCandidatesScoreZero() throws {
    let result = try scores(["", "a dog"], [["a dog runs"], ["a dog"]], [.bleu4, .cider])
    #expect(result.perImage[.bleu4]?[0] == 0)
    #expect(result.perImage[.cider]?[0] == 0)
  }

  /// NumPy's pairwise summation differs from a running sum in the last bits; the toolkit's
  /// means are NumPy means.
  @Test func meanIsNumPysPairwiseSum() {
    let values = (0..<1000).map { 1 / Double($0 + 1) }
    var running = 0.0
    for value in values { running += value }
    let mean = Mean.numpy(values)
    #expect(abs(mean - running / 1000) < 1e-15)
    #expect(Mean.numpy([1, 2, 3]) == 2)
  }

  @Test func pythonSplitsOnUnicodeWhiteSpace() {
    let text = "3\u{A0}1/2  a\u{2009}b\u{3000}c"
    #expect(PythonString.whitespaceFields(Array(text.utf8)).count == 5)
    #expect(PythonString.whitespaceSplit(text) == ["3", "1/2", "a", "b", "c"])
    #expect(PythonString.spaceSplit("a  b") == ["a", "", "b"])
  }
}
