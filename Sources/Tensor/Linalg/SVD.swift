import CLAPACKE

/// A thin singular value decomposition `A = U·diag(s)·Vᵀ`.
public struct SingularValueDecomposition: Sendable {
  /// `[m, r]`, orthonormal columns, `r = min(m, n)`.
  public var u: Tensor
  /// `r` singular values, descending.
  public var singularValues: [Double]
  /// `[r, n]`, orthonormal rows; each row signed so that its largest-magnitude component
  /// is positive, with the matching column of `u` flipped too.
  public var vt: Tensor
}

/// The thin SVD of a matrix by LAPACK's divide-and-conquer `dgesdd` on a `Double` copy.
///
/// Double precision sidesteps the single-precision workspace-size rounding of Debian's
/// OpenBLAS 0.3.21 and gives singular vectors accurate well beyond `Float`.
///
/// - Parameter a: `[m, n]`.
/// - Complexity: O(m·n·min(m, n)).
/// - Throws: `.lapack` if `dgesdd` fails to converge.
public func singularValueDecomposition(_ a: Tensor) throws(TensorError) -> SingularValueDecomposition {
  precondition(a.rank == 2 && a.count > 0, "SVD needs a non-empty matrix, got \(a.shape)")
  let (m, n) = (a.shape[0], a.shape[1])
  let r = min(m, n)
  var matrix = a.storage.map(Double.init)
  var s = [Double](repeating: 0, count: r)
  var u = [Double](repeating: 0, count: m * r)
  var vt = [Double](repeating: 0, count: r * n)
  let info = LAPACKE_dgesdd(
    LAPACK_ROW_MAJOR, CChar(bitPattern: UInt8(ascii: "S")), Int32(m), Int32(n), &matrix, Int32(n), &s, &u, Int32(r),
    &vt, Int32(n))
  guard info == 0 else { throw .lapack(routine: "dgesdd", info: Int(info)) }
  for j in 0..<r {
    let sign = signOfLargestMagnitude(Array(vt[(j * n)..<((j + 1) * n)]))
    for i in 0..<n { vt[j * n + i] *= sign }
    for i in 0..<m { u[i * r + j] *= sign }
  }
  return SingularValueDecomposition(
    u: Tensor(shape: [m, r], storage: u.map { Float($0) }), singularValues: s,
    vt: Tensor(shape: [r, n], storage: vt.map { Float($0) }))
}
