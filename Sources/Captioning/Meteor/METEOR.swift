import Datasets
import Foundation

/// METEOR 1.5 as the COCO caption toolkit runs it (`pycocoevalcap/meteor/meteor.py`:
/// `java -jar meteor-1.5.jar - - -stdio -l en -norm`), without Java.
///
/// Per image the toolkit sends `SCORE ||| ref₁ ||| … ||| hypothesis` (the hypothesis with
/// `|||` removed and double spaces halved, L41-42); the jar splits the line on `|||`, trims
/// the parts, normalises and lower-cases each sentence, aligns the hypothesis with every
/// reference and keeps the statistics of the best-scoring one (`MeteorScorer.getMeteorStats`,
/// ties to the first). The per-image scores and the corpus score come from the `EVAL` line:
/// each image's statistics scored alone, and all statistics summed then scored (L28-46) —
/// the corpus METEOR is not the mean of the image scores.
enum METEOR {
  /// Corpus and per-image METEOR.
  ///
  /// - Parameters:
  ///   - candidates: one tokenized caption per image.
  ///   - references: the tokenized references of each image.
  ///   - data: the loaded lexicon and paraphrase index.
  /// - Complexity: one alignment per (image, reference); a beam search of width 40 each.
  static func score(
    candidates: [String], references: [[String]], data: MeteorData
  ) -> (corpus: Double, perImage: [Double]) {
    // The distinct sentences, normalised in parallel, their words interned in order.
    var sentenceIndex: [String: Int] = [:]
    var texts: [String] = []
    func sentence(_ text: String) -> Int {
      if let known = sentenceIndex[text] { return known }
      texts.append(text)
      sentenceIndex[text] = texts.count - 1
      return texts.count - 1
    }
    let segments = zip(candidates, references).map { candidate, refs in
      let parts = stdioParts(candidate: candidate, references: refs)
      return Segment(test: sentence(parts.test), references: parts.references.map(sentence))
    }
    let normalizer = data.lexicon.normalizer
    var table = MeteorWordTable()
    let sentenceWords = ParallelMap.map(texts) { normalizer.normalize($0) }.map { table.indices(of: $0) }
    let paraphrases = ParaphraseTable(index: data.paraphrases, words: table.utf8, sentences: sentenceWords)
    let aligner = MeteorAligner(words: table.words(lexicon: data.lexicon, paraphrases: paraphrases), paraphrases: paraphrases)
    let sentences = ParallelMap.map(sentenceWords) { aligner.sentence($0) }
    // Images are independent: align them on all cores, then pool in image order.
    let best = ParallelMap.map(segments) { segment in
      var best = MeteorStatistics()
      var bestScore = -1.0
      for reference in segment.references {
        let statistics = MeteorStatistics(aligner.align(test: sentences[segment.test], reference: sentences[reference]))
        let score = statistics.score
        if score > bestScore {
          best = statistics
          bestScore = score
        }
      }
      return best
    }
    var total = MeteorStatistics()
    for statistics in best { total.add(statistics) }
    return (total.score, best.map(\.score))
  }

  /// One image: its test sentence and references, as indices of distinct sentences.
  private struct Segment: Sendable {
    let test: Int
    let references: [Int]
  }

  /// The test and reference strings the jar reads from the toolkit's `SCORE` line: the line
  /// built as `meteor.py` builds it, split as `line.split("\\|\\|\\|")` (trailing empty
  /// parts dropped), each part trimmed (`Meteor.scoreStdio`). A reference containing `|||`
  /// thus becomes several references, as in the toolkit.
  static func stdioParts(candidate: String, references: [String]) -> (test: String, references: [String]) {
    func trim(_ text: String) -> String { String(JavaString.trimmed(Substring(text))) }
    if !candidate.utf8.contains(0x7C) && !references.contains(where: { $0.utf8.contains(0x7C) }) {
      // No `|` anywhere: the split gives back the references and the hypothesis.
      return (trim(PythonString.replacing("  ", with: " ", in: candidate)), references.map(trim))
    }
    let hypothesis = PythonString.replacing("  ", with: " ", in: PythonString.replacing("|||", with: "", in: candidate))
    let line = (["SCORE"] + references + [hypothesis]).joined(separator: " ||| ")
    var parts = PythonString.replacing("|||", with: "\u{0}", in: line)
      .split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
    while parts.last == "" { parts.removeLast() }
    let trimmed = parts.map { String(JavaString.trimmed(Substring($0))) }
    return (trimmed.last ?? "", Array(trimmed.dropFirst().dropLast()))
  }
}
