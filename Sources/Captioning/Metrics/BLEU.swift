import Foundation

/// BLEU-1…4 as the COCO caption toolkit computes it (`pycocoevalcap/bleu/bleu_scorer.py`,
/// David Chiang's implementation, called with `option='closest'` from `bleu.py:40`).
///
/// Per image, with the hypothesis split on white space (`str.split()`, L23):
/// - clipped matches `correct_k = Σ_g min(c_hyp(g), max_r c_r(g))` over the k-grams `g` of
///   the hypothesis (L35-58, L80-81), and `guess_k = max(0, len − k + 1)`;
/// - reference length: the one closest to the hypothesis length, **ties to the shorter**
///   (`min((abs(l − testlen), l))`, L181-192, from L220).
///
/// Score for counts summed over the images (corpus) or of one image (per image, L230-244):
/// `BLEU_n = Π_{k≤n} ((correct_k + 1e-15) / (guess_k + 1e-9))^{1/n}`, times
/// `exp(1 − 1/ratio)` when `ratio = (testlen + 1e-15) / (reflen + 1e-9) < 1`. The corpus score
/// is not the mean of the per-image scores.
enum BLEU {
  static let maxOrder = 4

  /// The sufficient statistics of one image or of the corpus.
  struct Statistics {
    var testLength = 0
    var referenceLength = 0
    var guess = [Int](repeating: 0, count: BLEU.maxOrder)
    var correct = [Int](repeating: 0, count: BLEU.maxOrder)
  }

  /// BLEU-1…4 of the corpus and of each image.
  ///
  /// - Returns: `corpus[k−1]` = BLEU-k; `perImage[k−1][i]` = BLEU-k of image `i`.
  /// - Complexity: O(total n-grams).
  static func score(_ ngrams: CaptionNGrams) -> (corpus: [Double], perImage: [[Double]]) {
    var total = Statistics()
    var perImage = [[Double]](repeating: [], count: maxOrder)
    var maxCounts = [Int](repeating: 0, count: ngrams.ngramCount)  // scratch, reset per image
    for (candidate, references) in zip(ngrams.candidates, ngrams.references) {
      var image = Statistics()
      for reference in references {
        for (id, count) in zip(reference.ids, reference.counts) { maxCounts[Int(id)] = max(maxCounts[Int(id)], count) }
      }
      let testLength = candidate.tokenCount
      image.testLength = testLength
      // `min((abs(l - testlen), l) for l in reflen)[1]`: nearest length, ties to the shorter.
      image.referenceLength =
        references.map(\.tokenCount).min { (abs($0 - testLength), $0) < (abs($1 - testLength), $1) } ?? 0
      for k in 1...maxOrder { image.guess[k - 1] = max(0, testLength - k + 1) }
      for (index, id) in candidate.ids.enumerated() {
        image.correct[candidate.orders[index] - 1] += min(maxCounts[Int(id)], candidate.counts[index])
      }
      for reference in references { for id in reference.ids { maxCounts[Int(id)] = 0 } }
      total.testLength += image.testLength
      total.referenceLength += image.referenceLength
      for k in 0..<maxOrder {
        total.guess[k] += image.guess[k]
        total.correct[k] += image.correct[k]
      }
      for (k, value) in scores(image).enumerated() { perImage[k].append(value) }
    }
    return (scores(total), perImage)
  }

  /// BLEU-1…4 from sufficient statistics (`bleu_scorer.py:246-304`), with the toolkit's
  /// operation order: a running product, then the k-th root.
  static func scores(_ statistics: Statistics) -> [Double] {
    let small = 1e-9
    let tiny = 1e-15
    var product = 1.0
    var scores: [Double] = []
    for k in 0..<maxOrder {
      product *= (Double(statistics.correct[k]) + tiny) / (Double(statistics.guess[k]) + small)
      scores.append(pow(product, 1.0 / Double(k + 1)))
    }
    let ratio = (Double(statistics.testLength) + tiny) / (Double(statistics.referenceLength) + small)
    if ratio < 1 {
      let brevity = exp(1 - 1 / ratio)
      scores = scores.map { $0 * brevity }
    }
    return scores
  }
}
