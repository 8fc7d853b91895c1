import CBLAS
import Foundation

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

  /// The measured throughput of `cblas_sgemm` on this machine: the fastest of `runs`
  /// products of two `n × n` matrices (after one warm-up) on preallocated buffers, in
  /// GFLOPS (`2n³` flops per product) at the current `threadCount`. The best run, not the
  /// median, because the rate is a ceiling and other load only ever lowers it.
  ///
  /// The reference rate for "fraction of sgemm" figures (an MFU analogue, as nanoGPT's
  /// `estimate_mfu`).
  public static func measuredSgemmGFLOPS(size n: Int = 1024, runs: Int = 5) -> Double {
    precondition(n >= 1 && runs >= 1, "size and runs must be positive")
    var generator = SplitMix64(seed: 1)
    let a = Tensor(uniform: [n, n], in: -1..<1, generator: &generator)
    var c = [Float](repeating: 0, count: n * n)
    let clock = ContinuousClock()
    var seconds: [Double] = []
    for run in 0...runs {
      let elapsed = clock.measure {
        a.storage.withUnsafeBufferPointer { pa in
          c.withUnsafeMutableBufferPointer { pc in gemm(m: n, n: n, k: n, a: pa, b: pa, beta: 0, c: pc) }
        }
      }
      if run > 0 { seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) }
    }
    return 2 * pow(Double(n), 3) / (seconds.min() ?? 1) / 1e9
  }

  /// The OpenBLAS build description (`openblas_get_config`), e.g.
  /// `"OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"`.
  public static var configuration: String {
    guard let text = openblas_get_config() else { return "unknown" }
    return String(cString: text)
  }
}
