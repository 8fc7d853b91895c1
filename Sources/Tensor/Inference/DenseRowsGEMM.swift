// MARK: - pointer-level GEMM for inference   C = α·op(A)·op(B) + β·C
// op(A): [m, k]   op(B): [k, n]   C: [m, n]      (row-major; leading dimensions are row strides)

/// Matrix products on caller-owned buffers, for inference code outside this module that
/// preallocates its workspaces (no tape, no `Tensor` allocation per call): the public face
/// of the module's `gemm` over `cblas_sgemm`.
public enum DenseRowsGEMM {
  /// `C = alpha·op(A)·op(B) + beta·C` on row-major buffers.
  ///
  /// - Parameters:
  ///   - a: `[m, k]`, or `[k, m]` stored when `transposeA`; row stride `lda` (default dense).
  ///   - b: `[k, n]`, or `[n, k]` stored when `transposeB`; row stride `ldb` (default dense).
  ///   - c: `[m, n]` with row stride `ldc` (default `n`); with `beta = 1` the product is added.
  /// - Complexity: 2·m·n·k flops; OpenBLAS may use `BLAS.threadCount` threads. Does nothing
  ///   when `m`, `n` or `k` is 0.
  public static func multiply(
    transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int? = nil, b: UnsafePointer<Float>, ldb: Int? = nil,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int? = nil
  ) {
    gemm(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
      lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
  }
}
