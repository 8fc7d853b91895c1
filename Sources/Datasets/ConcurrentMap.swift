import Foundation

/// Runs independent per-item work (reading and parsing files) on all cores.
enum ConcurrentMap {
  /// `transform(i)` for every `i` in `0..<count`, on up to as many threads as there are
  /// cores, as an array in index order.
  ///
  /// - Throws: the error of the lowest index that failed; the results are then discarded.
  static func map<T>(_ count: Int, _ transform: (Int) throws(DatasetError) -> T) throws(DatasetError) -> [T] {
    let results = Results<T>(count: count)
    withoutActuallyEscaping(transform) { transform in
      let work = UncheckedSendable(transform)
      DispatchQueue.concurrentPerform(iterations: count) { i in
        let result = Result { () throws(DatasetError) in try work.value(i) }
        results.set(i, result)
      }
    }
    return try results.values()
  }

  /// Results written by the worker threads, one slot each.
  private final class Results<T>: @unchecked Sendable {
    private var slots: [Result<T, DatasetError>?]
    private let lock = NSLock()

    init(count: Int) {
      slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<T, DatasetError>) {
      lock.withLock { slots[index] = result }
    }

    func values() throws(DatasetError) -> [T] {
      var values: [T] = []
      values.reserveCapacity(slots.count)
      for slot in slots {
        guard let slot else { continue }
        values.append(try slot.get())
      }
      return values
    }
  }

  /// A value handed to worker threads that only read it.
  private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
