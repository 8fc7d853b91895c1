import Foundation

/// CIDEr as the COCO caption toolkit computes it, which is CIDEr-D
/// (`pycocoevalcap/cider/cider_scorer.py`, called with n = 4, σ = 6 from `cider.py:18`).
///
/// - Document frequency `df(g)` = number of images whose references contain the n-gram `g`,
///   over the evaluated images only (L93-104); idf = `log(N) − log(max(1, df(g)))` with N the
///   number of images (L120, L162). So one image alone scores 0 (tylin/coco-caption#9).
/// - Vectors `v_n(g) = tf(g)·idf(g)` with raw counts, no length normalisation (L124).
/// - Per order n and reference: `Σ_{g∈hyp} min(v_hyp(g), v_ref(g))·v_ref(g) / (‖v_hyp‖‖v_ref‖)`
///   (the clipping, L149-154; no division when a norm is 0), times the Gaussian length
///   penalty `e^{−δ²/(2σ²)}` (L158).
/// - Quirk, kept: δ is the difference of "lengths" counted only for `n == 1` where
///   `n = len(ngram) − 1` (L128-129), i.e. the numbers of **bigrams** (words − 1).
/// - Image score: summed over references, mean over n = 1…4, divided by the number of
///   references, ×10 (L170-178). Corpus score: mean over images (L192).
enum CIDErD {
  static let maxOrder = 4
  static let sigma = 6.0

  /// The tf-idf vector of one caption: weights parallel to the counts' n-grams (first
  /// occurrence order), a norm per order, and the toolkit's "length" (bigram count).
  private struct Vector {
    var weights: [Double]
    var norms: [Double]
    var bigramCount: Int
  }

  /// CIDEr-D of the corpus and of each image.
  ///
  /// - Complexity: O(total n-grams).
  static func score(_ ngrams: CaptionNGrams) -> (corpus: Double, perImage: [Double]) {
    // df: images whose references contain the n-gram; `lastImage` counts an image once.
    var documentFrequency = [Double](repeating: 0, count: ngrams.ngramCount)
    var lastImage = [Int](repeating: -1, count: ngrams.ngramCount)
    for (image, references) in ngrams.references.enumerated() {
      for reference in references {
        for id in reference.ids where lastImage[Int(id)] != image {
          lastImage[Int(id)] = image
          documentFrequency[Int(id)] += 1
        }
      }
    }
    let logImageCount = log(Double(ngrams.references.count))
    let idf = documentFrequency.map { logImageCount - log(max(1.0, $0)) }
    func vector(_ counts: NGramCounts) -> Vector {
      var result = Vector(weights: [], norms: Array(repeating: 0, count: maxOrder), bigramCount: 0)
      for (index, id) in counts.ids.enumerated() {
        let weight = Double(counts.counts[index]) * idf[Int(id)]
        result.weights.append(weight)
        result.norms[counts.orders[index] - 1] += pow(weight, 2)
        if counts.orders[index] == 2 { result.bigramCount += counts.counts[index] }
      }
      result.norms = result.norms.map { $0.squareRoot() }
      return result
    }
    var referenceWeight = [Double](repeating: 0, count: ngrams.ngramCount)  // scratch, one reference at a time
    var perImage: [Double] = []
    for (candidate, references) in zip(ngrams.candidates, ngrams.references) {
      let hypothesis = vector(candidate)
      var sums = [Double](repeating: 0, count: maxOrder)
      for counts in references {
        let reference = vector(counts)
        for (id, weight) in zip(counts.ids, reference.weights) { referenceWeight[Int(id)] = weight }
        var values = [Double](repeating: 0, count: maxOrder)
        for (index, id) in candidate.ids.enumerated() {
          let theirs = referenceWeight[Int(id)]
          values[candidate.orders[index] - 1] += min(hypothesis.weights[index], theirs) * theirs
        }
        for id in counts.ids { referenceWeight[Int(id)] = 0 }
        let delta = Double(hypothesis.bigramCount - reference.bigramCount)
        for n in 0..<maxOrder {
          if hypothesis.norms[n] != 0 && reference.norms[n] != 0 { values[n] /= hypothesis.norms[n] * reference.norms[n] }
          // `np.e**(-(delta**2)/(2*self.sigma**2))`: a power of e, not `exp`.
          values[n] *= pow(M_E, -(pow(delta, 2)) / (2 * pow(sigma, 2)))
          sums[n] += values[n]
        }
      }
      var average = Mean.numpy(sums)
      average /= Double(references.count)
      average *= 10
      perImage.append(average)
    }
    return (Mean.numpy(perImage), perImage)
  }
}
