/// The n-gram counts of every tokenized caption of an evaluation, split as BLEU and CIDEr
/// split (`str.split()`), computed once for both.
struct CaptionNGrams {
  static let maxOrder = 4

  /// Per image, the candidate's counts.
  let candidates: [NGramCounts]
  /// Per image, each reference's counts.
  let references: [[NGramCounts]]
  /// The number of distinct n-gram ids (ids are `0..<ngramCount`).
  let ngramCount: Int

  init(candidates: [String], references: [[String]], vocabulary: inout TokenVocabulary) {
    func counts(_ caption: String) -> NGramCounts {
      vocabulary.ngramCounts(vocabulary.whitespaceTokens(caption), maxOrder: Self.maxOrder)
    }
    self.references = references.map { $0.map(counts) }
    self.candidates = candidates.map(counts)
    ngramCount = vocabulary.ngramOrders.count
  }
}
