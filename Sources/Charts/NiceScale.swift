import Foundation

/// Axis ticks at "nice numbers" and their labels.
///
/// Ticks are multiples of a step 1, 2 or 5 × 10^k (Heckbert, "Nice numbers for graph
/// labels", Graphics Gems, 1990), with loose labelling: the first tick is at or below
/// `lo` and the last at or above `hi`. Of the candidate steps, the finest one giving at
/// most `maxCount` intervals (`maxCount + 1` ticks) is chosen, which wastes less of the
/// axis than Heckbert's rounding of the whole range (0...1.05 gets 0...1.2, not 0...1.5).
public enum NiceScale {
  /// Nice ticks covering `lo...hi`, in increasing order.
  ///
  /// - Parameters:
  ///   - lo: Lower end of the data range. The bounds may be given in either order.
  ///   - hi: Upper end of the data range. When `lo == hi`, the range is widened by 10 %
  ///     of the value on each side (by 1 around 0).
  ///   - maxCount: Largest number of intervals between ticks; values below 2 count as 2.
  /// - Returns: Two to `maxCount + 1` ticks `t₀ < t₁ < … < tₙ` with `t₀ ≤ lo`, `hi ≤ tₙ`
  ///   and a constant step `s = m × 10^k`, `m ∈ {1, 2, 5}`; empty if a bound is not
  ///   finite. For ranges too narrow for `Double` to resolve (`max(|lo|, |hi|) / s > 10¹²`)
  ///   it is `[lo, hi]`.
  /// - Complexity: O(number of ticks).
  public static func ticks(lo: Double, hi: Double, maxCount: Int = 6) -> [Double] {
    guard lo.isFinite, hi.isFinite else { return [] }
    var (lo, hi) = (min(lo, hi), max(lo, hi))
    if lo == hi {
      let pad = lo == 0 ? 1 : lo.magnitude / 10
      (lo, hi) = (lo - pad, hi + pad)
    }
    let count = max(maxCount, 2)
    var step = Step(atLeast: (hi - lo) / Double(count))
    guard max(lo.magnitude, hi.magnitude) / step.value <= 1e12 else { return [lo, hi] }
    while step.indices(lo: lo, hi: hi).count > count + 1 { step = step.next }
    return step.indices(lo: lo, hi: hi).map(step.tick)
  }

  /// Formats a tick value with as many decimals as `step` needs, without "-0".
  ///
  /// - Parameters:
  ///   - v: The value, usually a tick.
  ///   - step: Distance between neighbouring ticks; 0.2 gives one decimal, 0.25 two and
  ///     5 none. A step that is not positive and finite gives two decimals.
  /// - Returns: A locale-independent string such as "0.4", "-1.25" or "1000".
  public static func format(_ v: Double, step: Double) -> String {
    FixedPoint.format(v, decimals: decimals(for: step))
  }

  /// The fewest decimals (at most 12) that write `step` exactly, up to 1 ppm.
  static func decimals(for step: Double) -> Int {
    guard step.isFinite, step > 0 else { return 2 }
    return (0...12).first { digits in
      let scaled = step * FixedPoint.pow10(digits)
      return (scaled - scaled.rounded()).magnitude <= 1e-6 * max(1, scaled)
    } ?? 12
  }

  /// A tick step `mantissa × 10^exponent` with `mantissa` ∈ {1, 2, 5}.
  private struct Step {
    var mantissa: Int
    var exponent: Int

    init(mantissa: Int, exponent: Int) {
      self.mantissa = mantissa
      self.exponent = exponent
    }

    /// The smallest nice step that is at least `raw` (raw > 0).
    init(atLeast raw: Double) {
      let exponent = Int((log10(raw)).rounded(.down))
      let scaled = raw / pow(10, Double(exponent))
      let mantissa = [1, 2, 5].first { Double($0) >= scaled * (1 - 1e-12) }
      (self.mantissa, self.exponent) = mantissa.map { ($0, exponent) } ?? (1, exponent + 1)
    }

    /// The next coarser nice step: 1 → 2 → 5 → 10.
    var next: Step {
      switch mantissa {
      case 1: Step(mantissa: 2, exponent: exponent)
      case 2: Step(mantissa: 5, exponent: exponent)
      default: Step(mantissa: 1, exponent: exponent + 1)
      }
    }

    var value: Double { tick(1) }

    /// The multiples `i` of the step with `tick(i)` covering `lo...hi` loosely.
    func indices(lo: Double, hi: Double) -> ClosedRange<Int> {
      Int((lo / value + 1e-9).rounded(.down))...Int((hi / value - 1e-9).rounded(.up))
    }

    /// `i × step`, computed as an integer over a power of ten so 3 × 0.1 is exactly 0.3.
    func tick(_ i: Int) -> Double {
      let multiple = Double(i * mantissa)
      return exponent < 0
        ? multiple / FixedPoint.pow10(-exponent) : multiple * FixedPoint.pow10(exponent)
    }
  }
}
