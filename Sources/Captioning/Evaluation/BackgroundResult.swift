import Dispatch

/// Work started on another thread now and waited for later, to overlap independent steps
/// (loading METEOR's data while the captions are tokenized).
final class BackgroundResult<Value>: @unchecked Sendable {
  private let group = DispatchGroup()
  /// Written once by the worker before `group.leave()`, read after `group.wait()`.
  private var result: Result<Value, CaptionMetricsError>?

  init(_ work: @escaping @Sendable () throws(CaptionMetricsError) -> Value) {
    group.enter()
    DispatchQueue.global().async {
      self.result = Result { () throws(CaptionMetricsError) -> Value in try work() }
      self.group.leave()
    }
  }

  /// Waits for the work and returns its value or rethrows its error.
  func value() throws(CaptionMetricsError) -> Value {
    group.wait()
    guard let result else { preconditionFailure("background work finished without a result") }
    return try result.get()
  }
}
