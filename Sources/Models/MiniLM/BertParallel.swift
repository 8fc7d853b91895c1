import Dispatch

/// Splits the row-wise steps of a forward pass (attention per sequence, layer norm, GELU)
/// over workers, so the whole pass uses the cores the sgemms use. Each worker gets disjoint
/// rows, so results do not depend on the split.
enum BertParallel {
  /// Calls `body(worker, range)` for `workers` contiguous, near-equal parts of `0..<count`
  /// (in parallel when there are several).
  static func forEachPart(of count: Int, workers: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
    let parts = max(1, min(workers, count))
    guard parts > 1 else {
      body(0, 0..<count)
      return
    }
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      body(part, (count * part / parts)..<(count * (part + 1) / parts))
    }
  }

  /// Calls `body(worker, item)` for every item of `0..<count`, worker `w` taking items
  /// `w, w + workers, …` (which balances unsorted sequence lengths).
  static func forEachItem(of count: Int, workers: Int, _ body: @Sendable (Int, Int) -> Void) {
    forEachPart(of: min(workers, count), workers: workers) { worker, _ in
      for item in stride(from: worker, to: count, by: max(1, min(workers, count))) { body(worker, item) }
    }
  }
}
