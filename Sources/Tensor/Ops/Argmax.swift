extension Tensor {
  /// The column index of the largest value in each row of a `[n, c]` matrix.
  ///
  /// Ties go to the lowest index (as `np.argmax`); NaN is never selected over a number.
  ///
  /// - Returns: `n` indices in `0..<c`.
  /// - Complexity: O(n·c).
  public func argmaxPerRow() -> [Int] {
    precondition(rank == 2 && shape[1] > 0, "argmaxPerRow needs a [n, c ≥ 1] matrix, got \(shape)")
    let (n, c) = (shape[0], shape[1])
    return storage.withUnsafeBufferPointer { values in
      (0..<n).map { i in
        let row = values[(i * c)..<((i + 1) * c)]
        var best = row.startIndex
        for j in row.indices where row[j] > row[best] || (row[best].isNaN && !row[j].isNaN) {
          best = j
        }
        return best - row.startIndex
      }
    }
  }
}
