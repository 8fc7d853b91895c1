/// Seeded draws built on `SplitMix64` with fixed, documented algorithms.
///
/// Swift's own `shuffled(using:)` and `Int.random(in:using:)` may change their algorithms
/// between releases; these do not.
extension SplitMix64 {
  /// A uniform double in `[0, 1)`: the top 53 bits of `next()` times 2⁻⁵³.
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method (unbiased).
  ///
  /// Draws `x = next()`, forms the 128-bit product `x·bound`, and accepts its high word
  /// unless the low word is below `(2⁶⁴ − bound) mod bound`, in which case it draws again.
  ///
  /// Reference: D. Lemire, "Fast random integer generation in an interval",
  /// ACM TOMACS 29(1), 2019, algorithm 5.
  public mutating func integer(below bound: Int) -> Int {
    precondition(bound > 0, "integer(below:) needs a positive bound, got \(bound)")
    let n = UInt64(bound)
    var product = next().multipliedFullWidth(by: n)
    if product.low < n {
      let threshold = (0 &- n) % n
      while product.low < threshold {
        product = next().multipliedFullWidth(by: n)
      }
    }
    return Int(product.high)
  }

  /// Shuffles `a` in place by Durstenfeld's Fisher–Yates: for `i` from `a.count − 1` down to
  /// 1, swap `a[i]` with `a[integer(below: i + 1)]`.
  ///
  /// - Complexity: O(n), `n − 1` bounded draws.
  public mutating func shuffle<T>(_ a: inout [T]) {
    guard a.count > 1 else { return }
    for i in stride(from: a.count - 1, through: 1, by: -1) {
      a.swapAt(i, integer(below: i + 1))
    }
  }

  /// `k` distinct indices from `0..<n`, in draw order, by a partial Fisher–Yates shuffle.
  ///
  /// Starting from the identity `p = [0, 1, …, n − 1]`, for `i` in `0..<k` swap `p[i]` with
  /// `p[i + integer(below: n − i)]`, and return `p[0..<k]`. Each k-permutation is equally
  /// likely; a draw of `k` is a prefix-consistent continuation of a draw of `k − 1` from
  /// the same generator state.
  ///
  /// - Complexity: O(n) time and memory, `k` bounded draws.
  public mutating func sample(_ k: Int, from n: Int) -> [Int] {
    precondition(k >= 0 && k <= n, "cannot sample \(k) distinct indices from \(n)")
    var pool = Array(0..<n)
    for i in 0..<k {
      pool.swapAt(i, i + integer(below: n - i))
    }
    return Array(pool[0..<k])
  }
}
