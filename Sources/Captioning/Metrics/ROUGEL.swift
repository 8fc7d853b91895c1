/// ROUGE-L as the COCO caption toolkit computes it (`pycocoevalcap/rouge/rouge.py`).
///
/// Tokens come from `str.split(" ")` (L58, L62), so an empty caption is one empty token.
/// For each reference r: `P_r = LCS/|cand|`, `R_r = LCS/|r|` (L64-66); then **the best
/// precision and the best recall are taken independently** over the references (L68-69) and
/// `F = (1 + β²)·P·R / (R + β²·P)` with β = 1.2, or 0 if P or R is 0 (L43, L71-74).
/// The corpus score is the mean over images (L101).
enum ROUGEL {
  static let beta = 1.2

  /// ROUGE-L of the corpus and of each image.
  ///
  /// - Complexity: O(Σ |cand|·|ref|) for the longest common subsequences.
  static func score(
    candidates: [String], references: [[String]], vocabulary: inout TokenVocabulary
  ) -> (corpus: Double, perImage: [Double]) {
    var perImage: [Double] = []
    for (candidate, refs) in zip(candidates, references) {
      let tokens = vocabulary.spaceTokens(candidate)
      var bestPrecision = 0.0
      var bestRecall = 0.0
      for (index, reference) in refs.enumerated() {
        let referenceTokens = vocabulary.spaceTokens(reference)
        let lcs = Double(longestCommonSubsequence(referenceTokens, tokens))
        let precision = lcs / Double(tokens.count)
        let recall = lcs / Double(referenceTokens.count)
        // `max(prec)`, `max(rec)`: Python's max keeps the first of equal values.
        bestPrecision = index == 0 ? precision : max(bestPrecision, precision)
        bestRecall = index == 0 ? recall : max(bestRecall, recall)
      }
      let betaSquared = beta * beta
      perImage.append(
        bestPrecision != 0 && bestRecall != 0
          ? ((1 + betaSquared) * bestPrecision * bestRecall) / (bestRecall + betaSquared * bestPrecision) : 0)
    }
    return (Mean.numpy(perImage), perImage)
  }

  /// The length of the longest common subsequence (`my_lcs`, L13-34), one DP row at a time.
  static func longestCommonSubsequence(_ a: [Int32], _ b: [Int32]) -> Int {
    let (long, short) = a.count < b.count ? (b, a) : (a, b)
    var previous = [Int](repeating: 0, count: short.count + 1)
    var current = previous
    for token in long {
      for j in 1...max(short.count, 1) where j <= short.count {
        current[j] = token == short[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
    }
    return previous[short.count]
  }
}
