extension Tensor {
  /// Each row of a `[n, d]` matrix divided by its Euclidean norm.
  ///
  /// A row of zeros stays zeros (NumPy's `x / np.linalg.norm(x)` would give NaN there).
  /// The norm is accumulated in `Double`.
  ///
  /// - Returns: a `[n, d]` matrix whose non-zero rows have unit L2 norm.
  /// - Complexity: O(n·d).
  public func l2NormalizedRows() -> Tensor {
    precondition(rank == 2, "l2NormalizedRows needs a [n, d] matrix, got \(shape)")
    let (n, d) = (shape[0], shape[1])
    var result = self
    result.storage.withUnsafeMutableBufferPointer { out in
      guard let base = out.baseAddress else { return }
      for i in 0..<n {
        let row = base + i * d
        var sumOfSquares = 0.0
        for j in 0..<d {
          sumOfSquares += Double(row[j]) * Double(row[j])
        }
        guard sumOfSquares > 0 else { continue }
        let scale = Float(1 / sumOfSquares.squareRoot())
        for j in 0..<d {
          row[j] *= scale
        }
      }
    }
    return result
  }
}
