import CBLAS

/// `C = alpha·op(A)·op(B) + beta·C` on row-major buffers through `cblas_sgemm`.
///
/// `op(A)` is `[m, k]` (stored `[k, m]` when `transposeA`), `op(B)` is `[k, n]` (stored
/// `[n, k]` when `transposeB`), `C` is `[m, n]`. With `beta = 1` the product is *added* to
/// `C`, which is how backward passes accumulate gradients without temporaries. The leading
/// dimensions (row strides) default to dense storage; larger ones address a block of
/// columns inside a wider matrix (an attention head inside a packed projection).
/// Does nothing when `m`, `n` or `k` is 0.
///
/// - Complexity: 2·m·n·k flops; OpenBLAS may use `BLAS.threadCount` threads.
func gemm(
  transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
  alpha: Float = 1, a: UnsafePointer<Float>, lda: Int? = nil, b: UnsafePointer<Float>, ldb: Int? = nil,
  beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int? = nil
) {
  guard m > 0, n > 0, k > 0 else { return }
  cblas_sgemm(
    CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda ?? (transposeA ? m : k)),
    b, Int32(ldb ?? (transposeB ? k : n)), beta, c, Int32(ldc ?? n))
}

/// The `[m, k]·[k, n]` extents of `op(A)·op(B)` for two matrices or two stacks of matrices
/// (the last two axes), checked to agree.
func productExtents(_ a: [Int], _ b: [Int], transposeA: Bool, transposeB: Bool)
  -> (m: Int, n: Int, k: Int)
{
  precondition(a.count >= 2 && b.count >= 2, "matmul needs matrices, got \(a) and \(b)")
  let (ra, ca) = (a[a.count - 2], a[a.count - 1])
  let (rb, cb) = (b[b.count - 2], b[b.count - 1])
  let (m, k) = transposeA ? (ca, ra) : (ra, ca)
  let (kb, n) = transposeB ? (cb, rb) : (rb, cb)
  precondition(
    k == kb, "matmul inner dimensions differ: op(A) is [\(m), \(k)], op(B) is [\(kb), \(n)]")
  return (m, n, k)
}

/// Matrix product `C = op(A)·op(B)` in single precision, through `cblas_sgemm`.
///
/// - Parameters:
///   - a: `[m, k]`, or `[k, m]` when `transposeA` is set.
///   - b: `[k, n]`, or `[n, k]` when `transposeB` is set.
///   - transposeA: use `op(A) = Aᵀ`.
///   - transposeB: use `op(B) = Bᵀ`.
/// - Returns: `C`, shape `[m, n]`.
/// - Complexity: O(m·n·k) multiply-adds; OpenBLAS may use `BLAS.threadCount` threads, and the
///   summation order (hence the last bits of the result) can depend on that count.
public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false)
  -> Tensor
{
  precondition(a.rank == 2 && b.rank == 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
  return batchedMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
}

/// Batched matrix product: `C[i] = op(A[i])·op(B[i])` for every leading index `i`.
///
/// - Parameters:
///   - a: `[…, m, k]` (or `[…, k, m]` with `transposeA`).
///   - b: `[…, k, n]` (or `[…, n, k]` with `transposeB`), with the same leading axes as `a`.
/// - Returns: `[…, m, n]`.
/// - Complexity: one `cblas_sgemm` per matrix, 2·batch·m·n·k flops.
public func batchedMatmul(
  _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
) -> Tensor {
  let (m, n, k) = productExtents(a.shape, b.shape, transposeA: transposeA, transposeB: transposeB)
  let batchShape = Array(a.shape.dropLast(2))
  precondition(
    batchShape == Array(b.shape.dropLast(2)),
    "batched matmul needs equal leading axes, got \(a.shape) and \(b.shape)")
  var c = Tensor(zeros: batchShape + [m, n])
  a.storage.withUnsafeBufferPointer { pa in
    b.storage.withUnsafeBufferPointer { pb in
      c.storage.withUnsafeMutableBufferPointer { pc in
        gemm(
          transposeA: transposeA, transposeB: transposeB, batch: Tensor.elementCount(batchShape),
          m: m, n: n, k: k, a: pa, b: pb, beta: 0, c: pc)
      }
    }
  }
  return c
}

/// `gemm` over `batch` consecutive matrices of each operand, on buffers (which may be
/// empty when an extent is 0).
func gemm(
  transposeA: Bool = false, transposeB: Bool = false, batch: Int = 1, m: Int, n: Int, k: Int,
  a: UnsafeBufferPointer<Float>, b: UnsafeBufferPointer<Float>,
  beta: Float, c: UnsafeMutableBufferPointer<Float>
) {
  guard m > 0, n > 0, k > 0, batch > 0,
    let pa = a.baseAddress, let pb = b.baseAddress, let pc = c.baseAddress
  else { return }
  for i in 0..<batch {
    gemm(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
      a: pa + i * m * k, b: pb + i * k * n, beta: beta, c: pc + i * m * n)
  }
}
