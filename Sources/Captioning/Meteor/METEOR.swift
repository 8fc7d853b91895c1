import Dispatch
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
    var table = MeteorWordTable()
    var sentenceIndex: [String: Int] = [:]
    var sentenceWords: [[Int]] = []
    func sentence(_ text: String) -> Int {
      if let known = sentenceIndex[text] { return known }
      sentenceWords.append(table.indices(of: data.lexicon.normalizer.normalize(text), lexicon: data.lexicon))
      sentenceIndex[text] = sentenceWords.count - 1
      return sentenceWords.count - 1
    }
    let segments = zip(candidates, references).map { candidate, refs in
      let parts = stdioParts(candidate: candidate, references: refs)
      return (test: sentence(parts.test), references: parts.references.map(sentence))
    }
    let paraphrases = ParaphraseTable(index: data.paraphrases, restrictedTo: table.vocabulary)
    table.attach(paraphrases)
    let aligner = MeteorAligner(words: table.words, paraphrases: paraphrases)
    let sentences = sentenceWords.map(aligner.sentence)
    // Images are independent: align them on all cores, then pool in image order.
    var best = [MeteorStatistics](repeating: MeteorStatistics(), count: segments.count)
    best.withUnsafeMutableBufferPointer { results in
      let output = DisjointWrites(buffer: results)
      let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(segments.count, 1))
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for image in stride(from: worker, to: segments.count, by: workers) {
          var bestScore = -1.0
          for reference in segments[image].references {
            let statistics = MeteorStatistics(
              aligner.align(test: sentences[segments[image].test], reference: sentences[reference]))
            let score = statistics.score
            if score > bestScore {
              output.buffer[image] = statistics
              bestScore = score
            }
          }
        }
      }
    }
    var total = MeteorStatistics()
    for statistics in best { total.add(statistics) }
    return (total.score, best.map(\.score))
  }

  /// A buffer that parallel workers write at disjoint indices.
  private struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
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
