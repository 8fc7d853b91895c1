/// Cosine similarities between the rows of `a: [n, d]` and `b: [m, d]`: `[n, m]`, one GEMM
/// of the row-normalised matrices (a zero row has similarity 0 with everything).
///
/// - Complexity: O((n + m)·d) to normalise, 2·n·m·d flops in `cblas_sgemm`.
public func pairwiseCosineSimilarity(_ a: Tensor, _ b: Tensor) -> Tensor {
  precondition(a.rank == 2 && b.rank == 2 && a.shape[1] == b.shape[1], "cosine: \(a.shape) vs \(b.shape)")
  return matmul(a.l2NormalizedRows(), b.l2NormalizedRows(), transposeB: true)
}

/// Euclidean distances between the rows of `a: [n, d]` and `b: [m, d]`: `[n, m]`, by
/// `‖aᵢ‖² + ‖bⱼ‖² − 2aᵢ·bⱼ` with the cross term in one GEMM (scikit-learn's
/// `euclidean_distances`), clamped at 0 before the square root. The expansion loses
/// relative accuracy for nearly identical rows (cancellation), as scikit-learn's does.
///
/// - Parameter squared: return squared distances.
/// - Complexity: 2·n·m·d flops in `cblas_sgemm` plus O(n·m).
public func pairwiseEuclideanDistances(_ a: Tensor, _ b: Tensor, squared: Bool = false) -> Tensor {
  precondition(a.rank == 2 && b.rank == 2 && a.shape[1] == b.shape[1], "euclidean: \(a.shape) vs \(b.shape)")
  let (n, m) = (a.shape[0], b.shape[0])
  func squaredNorms(_ x: Tensor, _ rows: Int) -> [Float] {
    (0..<rows).map { i in x[row: i].reduce(0) { $0 + $1 * $1 } }
  }
  let (na, nb) = (squaredNorms(a, n), squaredNorms(b, m))
  var distances = matmul(a, b, transposeB: true)
  distances.storage.withUnsafeMutableBufferPointer { p in
    for i in 0..<n {
      for j in 0..<m {
        let value = max(0, na[i] + nb[j] - 2 * p[i * m + j])
        p[i * m + j] = squared ? value : value.squareRoot()
      }
    }
  }
  return distances
}
