import CBLAS

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
  let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
  let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
  precondition(
    k == kb,
    "matmul inner dimensions differ: op(A) is [\(m), \(k)], op(B) is [\(kb), \(n)]")
  var c = Tensor(zeros: [m, n])
  guard m > 0, n > 0, k > 0 else { return c }
  a.storage.withUnsafeBufferPointer { pa in
    b.storage.withUnsafeBufferPointer { pb in
      c.storage.withUnsafeMutableBufferPointer { pc in
        cblas_sgemm(
          CblasRowMajor,
          transposeA ? CblasTrans : CblasNoTrans,
          transposeB ? CblasTrans : CblasNoTrans,
          Int32(m), Int32(n), Int32(k),
          1, pa.baseAddress, Int32(a.shape[1]),
          pb.baseAddress, Int32(b.shape[1]),
          0, pc.baseAddress, Int32(n))
      }
    }
  }
  return c
}
