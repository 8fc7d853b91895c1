import CLAPACKE

/// The arithmetic LAPACK works in.
public enum LinearAlgebraPrecision: Sendable {
  /// `ssyevr` on the `Float` matrix.
  case single
  /// `dsyevr` on a `Double` copy: slower, about 9 more correct digits.
  case double
}

/// Eigenvalues in descending order and the matching unit eigenvectors.
public struct SymmetricEigendecomposition: Sendable {
  /// `λ₀ ≥ λ₁ ≥ …`.
  public var values: [Double]
  /// `[n, k]`: column `j` is the eigenvector of `values[j]`, signed so that its
  /// largest-magnitude component is positive (scikit-learn's deterministic sign flip).
  public var vectors: Tensor
}

/// Eigenpairs of a real symmetric matrix by LAPACK's MRRR driver `?syevr` (only the lower
/// triangle is read). With `largest: k` only the top `k` are computed (`range = 'I'`).
///
/// `?syevr` rather than `?syevd`: Debian 12's OpenBLAS 0.3.21 returns `info = −9` from
/// `ssyevd` for n ≳ 2,894 because its workspace size is passed back through a `Float`
/// (Reference-LAPACK#605); `?syevr` needs only `26n` reals and `10n` integers.
///
/// Reference: I. S. Dhillon, B. N. Parlett, C. Vömel, "The design and implementation of
/// the MRRR algorithm", ACM TOMS 32(4), 2006.
/// - Parameters:
///   - a: `[n, n]`, symmetric.
///   - k: how many of the largest eigenpairs to return, `1...n`; `nil` for all.
///   - precision: `.single` (`ssyevr`) or `.double` (`dsyevr`).
/// - Complexity: O(n³) for the tridiagonal reduction plus O(n·k) per eigenvector.
/// - Throws: `.lapack` if the routine fails.
public func symmetricEigen(_ a: Tensor, largest k: Int? = nil, precision: LinearAlgebraPrecision = .single)
  throws(TensorError) -> SymmetricEigendecomposition
{
  precondition(a.rank == 2 && a.shape[0] == a.shape[1], "symmetricEigen needs a square matrix, got \(a.shape)")
  let n = a.shape[0]
  let k = k ?? n
  precondition((1...max(n, 1)).contains(k) && n > 0, "largest \(k) of an \(n)×\(n) matrix")
  switch precision {
  case .single:
    let (values, vectors) = try syevr(a.storage, n: n, k: k, routine: "ssyevr", LAPACKE_ssyevr)
    return orderedPairs(values.map(Double.init), vectors: vectors.map { Float($0) }, n: n)
  case .double:
    let (values, vectors) = try syevr(a.storage.map(Double.init), n: n, k: k, routine: "dsyevr", LAPACKE_dsyevr)
    return orderedPairs(values, vectors: vectors.map { Float($0) }, n: n)
  }
}

/// The signature shared by `LAPACKE_ssyevr` and `LAPACKE_dsyevr`.
private typealias SyevrRoutine<T> = (
  Int32, CChar, CChar, CChar, Int32, UnsafeMutablePointer<T>?, Int32, T, T, Int32, Int32, T,
  UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<T>?, UnsafeMutablePointer<T>?, Int32, UnsafeMutablePointer<Int32>?
) -> Int32

/// Runs `?syevr` for the top `k` eigenpairs: ascending values and `[n, k]` row-major vectors.
private func syevr<T: BinaryFloatingPoint>(
  _ matrix: [T], n: Int, k: Int, routine name: String, _ routine: SyevrRoutine<T>
) throws(TensorError) -> (values: [T], vectors: [T]) {
  var a = matrix
  var values = [T](repeating: 0, count: n)
  var vectors = [T](repeating: 0, count: n * k)
  var support = [Int32](repeating: 0, count: 2 * n)
  var found: Int32 = 0
  let ascii = { (c: Character) in CChar(bitPattern: c.asciiValue ?? 0) }
  let info = routine(
    LAPACK_ROW_MAJOR, ascii("V"), ascii(k == n ? "A" : "I"), ascii("L"), Int32(n), &a, Int32(n), 0, 0,
    Int32(n - k + 1), Int32(n), 0, &found, &values, &vectors, Int32(k), &support)
  guard info == 0, found == k else { throw .lapack(routine: name, info: Int(info == 0 ? -1 : info)) }
  return (Array(values.prefix(k)), vectors)
}

/// Reverses LAPACK's ascending order and applies the sign convention.
private func orderedPairs(_ ascending: [Double], vectors: [Float], n: Int) -> SymmetricEigendecomposition {
  let k = ascending.count
  var columns = Tensor(zeros: [n, k])
  for j in 0..<k {
    let source = k - 1 - j
    let column = (0..<n).map { vectors[$0 * k + source] }
    let sign: Float = signOfLargestMagnitude(column)
    for i in 0..<n { columns.storage[i * k + j] = sign * column[i] }
  }
  return SymmetricEigendecomposition(values: ascending.reversed(), vectors: columns)
}

/// `+1` or `−1`: the sign of the component with the largest magnitude (the first of ties).
func signOfLargestMagnitude<T: BinaryFloatingPoint>(_ v: [T]) -> T {
  var best: T = 0
  for x in v where Swift.abs(x) > Swift.abs(best) { best = x }
  return best < 0 ? -1 : 1
}
