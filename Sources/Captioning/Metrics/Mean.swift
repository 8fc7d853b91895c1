/// `numpy.mean` of a float64 array, with NumPy's pairwise summation (`pairwise_sum` in
/// `numpy/core/src/umath/loops_utils.h.src`): blocks of up to 8 elements summed with 8
/// partial accumulators, larger ranges split in halves at a multiple of 8. The toolkit's
/// corpus ROUGE-L and CIDEr are such means; matching the summation order makes them equal to
/// the last bit, not just within rounding.
enum Mean {
  static func numpy(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    return values.withUnsafeBufferPointer { pairwiseSum($0[...]) } / Double(values.count)
  }

  private static func pairwiseSum(_ values: Slice<UnsafeBufferPointer<Double>>) -> Double {
    let n = values.count
    let start = values.startIndex
    if n < 8 {
      var sum = 0.0
      for value in values { sum += value }
      return sum
    }
    if n <= 128 {
      var partial = (0..<8).map { values[start + $0] }
      var i = 8
      while i < n - n % 8 {
        for j in 0..<8 { partial[j] += values[start + i + j] }
        i += 8
      }
      var sum = ((partial[0] + partial[1]) + (partial[2] + partial[3]))
        + ((partial[4] + partial[5]) + (partial[6] + partial[7]))
      while i < n {
        sum += values[start + i]
        i += 1
      }
      return sum
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(values[start..<start + half]) + pairwiseSum(values[(start + half)...])
  }
}
