import CBLAS
import CLAPACKE

/// Settings of the Lanczos top-k eigensolver, validated by `validate(dimension:)`.
public struct LanczosConfiguration: Sendable, Equatable {
  /// Eigenpairs wanted, `1 ≤ k < n`.
  public var count: Int
  /// Largest Krylov subspace before giving up, `≥ count + 1` (capped at `n`).
  public var maximumSubspace: Int
  /// Convergence when every wanted Ritz pair has residual `‖A·v − θ·v‖ ≤ tolerance·|θ₀|`,
  /// in `(0, 1)`.
  public var tolerance: Double
  /// Seed of the start vector.
  public var seed: UInt64

  /// A configuration; defaults suit affinity and Gram matrices.
  public init(count: Int, maximumSubspace: Int = 400, tolerance: Double = 1e-6, seed: UInt64 = 0) {
    self.count = count
    self.maximumSubspace = maximumSubspace
    self.tolerance = tolerance
    self.seed = seed
  }

  /// Checks every parameter against its allowed range for an `n × n` matrix.
  public func validate(dimension n: Int) throws(TensorError) {
    try require((1..<max(n, 2)).contains(count), "count", "in 1..<\(n)", count)
    try require(maximumSubspace > count, "maximumSubspace", "> count (\(count))", maximumSubspace)
    try require(tolerance > 0 && tolerance < 1, "tolerance", "in (0, 1)", tolerance)
  }
}

/// The `k` largest eigenpairs of a large symmetric matrix without a full decomposition:
/// Lanczos iteration with full reorthogonalisation.
///
/// Builds an orthonormal Krylov basis `Q = [q₁ … q_m]` of `A` from a seeded random start,
/// with `A·Q = Q·T + β_m q_{m+1} e_mᵀ` for a tridiagonal `T`; each new vector is
/// orthogonalised twice against all previous ones ("twice is enough"), which keeps the
/// basis orthogonal to working precision and rules out ghost eigenvalues. Every 10 steps
/// the eigenpairs `(θ, s)` of `T` (`dstev`) give Ritz pairs `(θ, Q·s)` with residual
/// `|β_m·s_m|`; iteration stops when the top `k` all pass the tolerance. The basis is
/// kept in `Double`; products with `A` go through `cblas_ssymv`.
///
/// Reference: G. H. Golub, C. F. Van Loan, "Matrix Computations", 4th ed., §10.1
/// (algorithm 10.1.1) and §10.3 (complete reorthogonalisation); Y. Saad, "Numerical
/// Methods for Large Eigenvalue Problems", 2nd ed., §6.6.
/// - Parameters:
///   - a: `[n, n]`, symmetric (lower triangle read).
///   - configuration: `k`, subspace limit, tolerance and seed.
/// - Returns: values in descending order, vectors `[n, k]` with the sign convention of
///   `symmetricEigen`.
/// - Complexity: per step one `n²` product and O(n·m) reorthogonalisation; O(n·m) memory.
/// - Throws: `.invalidConfiguration`, or `.notConverged` if the subspace limit is reached.
public func lanczosEigen(_ a: Tensor, configuration: LanczosConfiguration) throws(TensorError)
  -> SymmetricEigendecomposition
{
  precondition(a.rank == 2 && a.shape[0] == a.shape[1], "lanczosEigen needs a square matrix, got \(a.shape)")
  let n = a.shape[0]
  try configuration.validate(dimension: n)
  let k = configuration.count
  let limit = min(configuration.maximumSubspace, n)
  var basis = LanczosBasis(dimension: n, capacity: limit + 1, seed: configuration.seed)
  var alphas: [Double] = []
  var betas: [Double] = []
  var product = [Float](repeating: 0, count: n)
  while alphas.count < limit {
    let q = basis.last.map(Float.init)
    a.storage.withUnsafeBufferPointer { pa in
      cblas_ssymv(CblasRowMajor, CblasLower, Int32(n), 1, pa.baseAddress, Int32(n), q, 1, 0, &product, 1)
    }
    var w = product.map(Double.init)
    alphas.append(basis.dotLast(w))
    basis.orthogonalize(&w)
    basis.orthogonalize(&w)
    let beta = norm(w)
    let steps = alphas.count
    let exhausted = beta <= 1e-12 * max(Swift.abs(alphas[0]), 1) || steps == limit
    if steps >= k && (steps % 10 == 0 || exhausted) {
      let ritz = try tridiagonalEigen(alphas, betas)
      let top = (0..<k).map { steps - 1 - $0 }  // dstev sorts ascending
      let scale = max(Swift.abs(ritz.values[steps - 1]), 1e-300)
      let residuals = top.map { Swift.abs(beta * ritz.vectors[(steps - 1) * steps + $0]) }
      if residuals.allSatisfy({ $0 <= configuration.tolerance * scale }) || (exhausted && steps == n) {
        return basis.ritzPairs(ritz, columns: top, steps: steps)
      }
      if exhausted {
        throw .notConverged(
          "Lanczos: \(k) eigenpairs not within tolerance \(configuration.tolerance) after \(steps) steps "
            + "(largest residual \(residuals.max() ?? 0)); raise maximumSubspace")
      }
    }
    guard beta > 0 else { break }
    betas.append(beta)
    basis.append(w.map { $0 / beta })
  }
  throw .notConverged("Lanczos: invariant subspace of size \(alphas.count) < \(k)")
}

/// The orthonormal Lanczos vectors, stored as rows of one `Double` array.
private struct LanczosBasis {
  let n: Int
  private(set) var rows: [Double]
  private(set) var count = 0

  init(dimension n: Int, capacity: Int, seed: UInt64) {
    self.n = n
    rows = []
    rows.reserveCapacity(n * capacity)
    var generator = SplitMix64(seed: seed)
    let start = (0..<n).map { _ in generator.normal() }
    let length = norm(start)
    append(start.map { $0 / length })
  }

  var last: ArraySlice<Double> { rows[((count - 1) * n)...] }

  mutating func append(_ v: [Double]) {
    rows += v
    count += 1
  }

  func dotLast(_ w: [Double]) -> Double {
    zip(last, w).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// `w ← w − Q·(Qᵀ·w)` with two `dgemv`.
  func orthogonalize(_ w: inout [Double]) {
    var coefficients = [Double](repeating: 0, count: count)
    rows.withUnsafeBufferPointer { q in
      cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(count), Int32(n), 1, q.baseAddress, Int32(n), w, 1, 0, &coefficients, 1)
      cblas_dgemv(CblasRowMajor, CblasTrans, Int32(count), Int32(n), -1, q.baseAddress, Int32(n), coefficients, 1, 1, &w, 1)
    }
  }

  /// Ritz pairs `(θ_c, Q·s_c)` for the given columns of the tridiagonal eigenvectors.
  func ritzPairs(_ ritz: (values: [Double], vectors: [Double]), columns: [Int], steps: Int) -> SymmetricEigendecomposition {
    var vectors = Tensor(zeros: [n, columns.count])
    for (j, c) in columns.enumerated() {
      let s = (0..<steps).map { ritz.vectors[$0 * steps + c] }
      var v = [Double](repeating: 0, count: n)
      rows.withUnsafeBufferPointer { q in
        cblas_dgemv(CblasRowMajor, CblasTrans, Int32(steps), Int32(n), 1, q.baseAddress, Int32(n), s, 1, 0, &v, 1)
      }
      let sign = signOfLargestMagnitude(v)
      for i in 0..<n { vectors.storage[i * columns.count + j] = Float(sign * v[i]) }
    }
    return SymmetricEigendecomposition(values: columns.map { ritz.values[$0] }, vectors: vectors)
  }
}

/// Eigenpairs of the symmetric tridiagonal matrix with diagonal `alphas` and off-diagonal
/// `betas` (`dstev`): ascending values, row-major eigenvectors (column `j` ↔ value `j`).
private func tridiagonalEigen(_ alphas: [Double], _ betas: [Double]) throws(TensorError) -> (values: [Double], vectors: [Double]) {
  let m = alphas.count
  var d = alphas
  var e = Array(betas.prefix(m - 1)) + [0]
  var z = [Double](repeating: 0, count: m * m)
  let info = LAPACKE_dstev(LAPACK_ROW_MAJOR, CChar(bitPattern: UInt8(ascii: "V")), Int32(m), &d, &e, &z, Int32(m))
  guard info == 0 else { throw .lapack(routine: "dstev", info: Int(info)) }
  return (d, z)
}

private func norm(_ v: [Double]) -> Double {
  v.reduce(0) { $0 + $1 * $1 }.squareRoot()
}
