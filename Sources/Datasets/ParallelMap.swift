import Dispatch
import Foundation

/// `map` over all cores for independent, deterministic work: each element is transformed on
/// one thread and the results keep the input order, so the output does not depend on
/// scheduling.
public enum ParallelMap {
  /// `items.map(transform)`, with consecutive runs of elements handed out to the cores,
  /// several runs per core so that a core slowed by other work does not hold the rest back.
  public static func map<Element: Sendable, Output: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Output
  ) -> [Output] {
    guard items.count > 1 else { return items.map(transform) }
    let runs = min(items.count, 8 * ProcessInfo.processInfo.activeProcessorCount)
    var results = [Output?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
      let output = DisjointWrites(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: runs) { run in
        for index in (items.count * run / runs)..<(items.count * (run + 1) / runs) {
          output.buffer[index] = transform(items[index])
        }
      }
    }
    return results.compactMap { $0 }
  }

  /// A buffer that parallel workers write at disjoint indices.
  private struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
  }
}
