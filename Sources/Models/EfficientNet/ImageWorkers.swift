import Dispatch
import Foundation
import Tensor

/// Runs EfficientNet on a set of images with one worker per thread, each owning a workspace
/// and taking images `w, w + workers, …`, with OpenBLAS single-threaded meanwhile (its own
/// threads would contend with the workers'); the previous OpenBLAS thread count is restored
/// afterwards. Runs are serialised, since the OpenBLAS setting is process-wide.
enum ImageWorkers {
  private static let lock = NSLock()

  /// Calls `body(i, workspace)` for every `i` in `0..<count` on `min(threads, count)`
  /// workers; the error of the lowest failing `i` is rethrown after all finish.
  static func run<E: Error>(
    count: Int, threads: Int, _ body: @Sendable (Int, EfficientNetWorkspace) throws(E) -> Void
  ) throws(E) {
    let workers = min(threads, count)
    guard workers > 0 else { return }
    let errors = ErrorSlots<E>()
    lock.withLock {
      let previous = BLAS.threadCount
      BLAS.setThreadCount(workers > 1 ? 1 : threads)
      defer { BLAS.setThreadCount(previous) }
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let workspace = EfficientNetWorkspace()
        for i in stride(from: worker, to: count, by: workers) {
          do throws(E) {
            try body(i, workspace)
          } catch {
            errors.record(error, at: i)
          }
        }
      }
    }
    if let error = errors.first { throw error }
  }
}

/// The errors of parallel workers, one slot per item, written under a lock.
private final class ErrorSlots<E: Error>: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [Int: E] = [:]

  func record(_ error: E, at index: Int) {
    lock.withLock { errors[index] = error }
  }

  /// The error of the lowest index, if any.
  var first: E? {
    lock.withLock { errors.keys.min().flatMap { errors[$0] } }
  }
}

/// Rows of an output buffer that parallel workers write at disjoint offsets.
struct DisjointRows: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  let width: Int

  /// The start of row `i`.
  func row(_ i: Int) -> UnsafeMutablePointer<Float> { base + i * width }
}
