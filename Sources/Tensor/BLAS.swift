import CBLAS

/// The OpenBLAS library behind `matmul`: thread count and build configuration.
///
/// Results of multi-threaded BLAS calls can differ in the last bits from single-threaded
/// ones, so the thread count belongs in any cache key of BLAS-computed results.
public enum BLAS {
  /// The number of threads OpenBLAS uses (`openblas_get_num_threads`).
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Sets the number of threads OpenBLAS uses (`openblas_set_num_threads`); `n ≥ 1`.
  public static func setThreadCount(_ n: Int) {
    precondition(n >= 1, "BLAS thread count must be at least 1, got \(n)")
    openblas_set_num_threads(Int32(n))
  }

  /// The OpenBLAS build description (`openblas_get_config`), e.g.
  /// `"OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"`.
  public static var configuration: String {
    guard let text = openblas_get_config() else { return "unknown" }
    return String(cString: text)
  }
}
