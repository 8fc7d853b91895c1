import Tensor

/// Deterministic, seeded, stratified train/test assignment.
///
/// For each class in label order, its item indices (in dataset order) are shuffled with one
/// `SplitMix64(seed:)` stream shared across classes (Fisher–Yates, `SeededDraws.shuffle`),
/// and the first `round(testFraction · n)` (half to even) become test, the rest train. The
/// same labels, fraction and seed give the same split on every machine.
public enum StratifiedSplit {
  /// The split of each item.
  ///
  /// - Parameters:
  ///   - labels: class index per item (any non-negative integers).
  ///   - testFraction: share of each class held out, in [0, 1].
  ///   - seed: the seed.
  /// - Returns: `labels.count` splits.
  /// - Complexity: O(n).
  public static func assign(labels: [Int], testFraction: Double, seed: UInt64) -> [Split] {
    precondition((0...1).contains(testFraction), "testFraction must be in [0, 1]")
    var rng = SplitMix64(seed: seed)
    var result = [Split](repeating: .train, count: labels.count)
    let byClass = Dictionary(grouping: labels.indices, by: { labels[$0] })
    for label in byClass.keys.sorted() {
      var members = byClass[label] ?? []
      rng.shuffle(&members)
      let held = Int((testFraction * Double(members.count)).rounded(.toNearestOrEven))
      for index in members.prefix(held) { result[index] = .test }
    }
    return result
  }
}
