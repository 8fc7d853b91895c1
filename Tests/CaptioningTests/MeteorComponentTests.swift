import Foundation
import TestSupport
import Testing

@testable import Captioning

/// METEOR's text processing against what `meteor-1.5.jar` itself prints
/// (`Tests/Fixtures/caption_ptb_cases.json`), and the scoring arithmetic by hand.
@Suite struct MeteorComponentTests {
  static let prefixes = """
    # comment
    Mr
    No #NUMERIC_ONLY#
    St
    """

  /// Needs METEOR's data for the jar's nonbreaking-prefix list (see `CaptionTestData`).
  @Test func normalizerMatchesTheJar() throws {
    let cases = try TokenizerCases.load()
    let normalizer = try MeteorLexicon(jar: CaptionTestData.meteorResources().jar).normalizer
    for (line, expected) in zip(cases.meteor_normalizer_lines, cases.meteor_normalizer_expected) {
      #expect(normalizer.normalize(line) == JavaString.lowercased(expected), "line: \(line)")
    }
  }

  @Test func normalizerSplitsPeriodsAndContractions() {
    let normalizer = MeteorNormalizer(prefixFile: Self.prefixes)
    #expect(normalizer.normalize("The U.S. Army") == "the us army")
    #expect(normalizer.normalize("  two  dogs run ") == "two dogs run")
    #expect(normalizer.normalize("two dogs run") == "two dogs run")
    #expect(normalizer.normalize("mr. smith 's dog") == "mr. smith ' s dog")
    #expect(normalizer.normalize("a...b, c-d") == "a ... b , c d")
    // Prefixes are case-sensitive; `No` stays whole only before a number.
    #expect(normalizer.normalize("No. 5 No. X no. y end.") == "no. 5 no . x no. y end .")
    #expect(normalizer.normalize("  two  dogs ") == "two dogs")
  }

  @Test func stemmerMatchesTheJar() throws {
    let cases = try TokenizerCases.load()
    #expect(cases.stemmer_words.count > 100)
    for (word, stem) in zip(cases.stemmer_words, cases.stemmer_expected) {
      #expect(SnowballEnglishStemmer.stem(word) == stem, "word: \(word)")
    }
  }

  @Test func javaHashCodeMatchesJava() {
    #expect(JavaString.hashCode("") == 0)
    #expect(JavaString.hashCode("a") == 97)
    #expect(JavaString.hashCode("hello") == 99_162_322)
    #expect(JavaString.hashCode("Aa") == JavaString.hashCode("BB"))  // a real Java collision
  }

  @Test func synonymsUseExceptionsThenMorphology() {
    let synonyms = SynonymDictionary(
      synsets: "child\n1 2\nchildren\n3\nrun\n7\nbox\n9\nhope\n4\n", exceptions: "child\nchildren kids\n")
    #expect(synonyms.synsets(of: "kids") == [1, 2])
    #expect(synonyms.synsets(of: "children") == [1, 2, 3])
    #expect(synonyms.synsets(of: "boxes") == [9])  // "xes" → "x"
    #expect(synonyms.synsets(of: "hoped") == [4])  // "ed" → "e"
    #expect(synonyms.morph("ss") == "ss")
    #expect(synonyms.morph("unknownly") == "")
  }

  /// `MeteorStats`: a perfect one-chunk match scores Fmean with no fragmentation, and when
  /// pooled such a segment adds no chunk.
  @Test func statisticsScoreAndPool() {
    var perfect = MeteorStatistics()
    perfect.testLength = 3
    perfect.referenceLength = 3
    perfect.testContent[0] = 3
    perfect.referenceContent[0] = 3
    perfect.chunks = 1
    #expect(perfect.score == 1)
    var split = perfect
    split.chunks = 2
    // frag = 2/3, penalty = 0.6·(2/3)^0.2
    assertClose([split.score], [1 - 0.6 * pow(2.0 / 3.0, 0.2)], atol: 1e-15)
    var total = MeteorStatistics()
    total.add(perfect)
    total.add(split)
    #expect(total.chunks == 2)
  }

  @Test func stdioLineSplitsLikeTheJar() {
    let parts = METEOR.stdioParts(candidate: "a  dog|||x", references: ["r1", "r2 ||| r3"])
    #expect(parts.test == "a dogx")
    #expect(parts.references == ["r1", "r2", "r3"])
    #expect(METEOR.stdioParts(candidate: "", references: ["a"]).test == "")
  }
}
