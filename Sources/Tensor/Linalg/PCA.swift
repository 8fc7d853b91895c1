/// Principal component analysis fitted by the SVD of the centred data (scikit-learn's
/// `PCA(svd_solver="full")`).
///
/// With `X − μ = U·diag(s)·Vᵀ`, the components are the first `k` rows of `Vᵀ`, the
/// explained variances `sᵢ²/(n − 1)`, and `transform(x) = (x − μ)·componentsᵀ`.
/// Components follow the SVD's sign convention (largest-magnitude entry positive), so
/// results are reproducible across LAPACK builds; scikit-learn flips by a related rule,
/// so individual components may differ from it in sign.
public struct PCA: Sendable {
  /// The feature means `μ`, `[d]`.
  public var mean: Tensor
  /// `[k, d]`, orthonormal rows.
  public var components: Tensor
  /// Variance along each component, descending.
  public var explainedVariance: [Double]
  /// `explainedVariance` over the total variance of the data.
  public var explainedVarianceRatio: [Double]

  /// Fits `k` components to `x: [n, d]`, `1 ≤ k ≤ min(n, d)`, `n ≥ 2`.
  ///
  /// - Complexity: O(n·d·min(n, d)).
  public init(fitting x: Tensor, components k: Int) throws(TensorError) {
    precondition(x.rank == 2, "PCA needs an [n, d] matrix, got \(x.shape)")
    let (n, d) = (x.shape[0], x.shape[1])
    try require(n >= 2, "samples", "≥ 2", n)
    try require((1...min(n, d)).contains(k), "components", "in 1...\(min(n, d))", k)
    var sums = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { sums[j] += Double(x.storage[i * d + j]) } }
    let mean = sums.map { Float($0 / Double(n)) }
    var centred = x
    for i in 0..<n { for j in 0..<d { centred.storage[i * d + j] -= mean[j] } }
    let svd = try singularValueDecomposition(centred)
    let variances = svd.singularValues.map { $0 * $0 / Double(n - 1) }
    let total = variances.reduce(0, +)
    self.mean = Tensor(shape: [d], storage: mean)
    components = svd.vt.rows(0..<k)
    explainedVariance = Array(variances.prefix(k))
    explainedVarianceRatio = explainedVariance.map { total > 0 ? $0 / total : 0 }
  }

  /// Projects `x: [m, d]` onto the components: `[m, k]`.
  public func transform(_ x: Tensor) -> Tensor {
    precondition(x.rank == 2 && x.shape[1] == mean.count, "PCA.transform: \(x.shape) for \(mean.count) features")
    let d = mean.count
    var centred = x
    for i in centred.storage.indices { centred.storage[i] -= mean.storage[i % d] }
    return matmul(centred, components, transposeB: true)
  }
}
