/// A numeric axis: its domain, the ticks drawn inside it, and their label format.
struct NumericAxis {
  /// The data interval the axis spans.
  let domain: ClosedRange<Double>
  /// Tick values, all inside ``domain``, increasing.
  let ticks: [Double]
  /// The step that decides how many decimals labels get.
  private let labelStep: Double

  /// An axis with nice ticks: `fixed` exactly when given (ticks inside it), otherwise
  /// `extent` widened outwards to the nearest ticks.
  ///
  /// - Parameters:
  ///   - extent: The data range, used when `fixed` is nil.
  ///   - fixed: A domain chosen by the user, finite with lower < upper.
  ///   - maxIntervals: See `maxCount` of ``NiceScale/ticks(lo:hi:maxCount:)``.
  init(covering extent: ClosedRange<Double>, fixed: ClosedRange<Double>?, maxIntervals: Int = 6) {
    let range = fixed ?? extent
    let nice = NiceScale.ticks(lo: range.lowerBound, hi: range.upperBound, maxCount: maxIntervals)
    labelStep = nice.count > 1 ? nice[1] - nice[0] : 1
    if let fixed {
      let tolerance = (fixed.upperBound - fixed.lowerBound) * 1e-9
      domain = fixed
      ticks = nice.filter {
        fixed.lowerBound - tolerance <= $0 && $0 <= fixed.upperBound + tolerance
      }
    } else {
      domain = (nice.first ?? extent.lowerBound)...(nice.last ?? extent.upperBound)
      ticks = nice
    }
  }

  /// An axis with exactly `ticks`, spanning both the ticks and `extent`.
  ///
  /// - Parameters:
  ///   - ticks: Finite tick values, at least one, in any order.
  ///   - extent: The data range the domain must also cover.
  init(explicit ticks: [Double], extent: ClosedRange<Double>) {
    let sorted = ticks.sorted()
    let low = min(sorted.first ?? extent.lowerBound, extent.lowerBound)
    let high = max(sorted.last ?? extent.upperBound, extent.upperBound)
    let pad = low < high ? 0 : max(low.magnitude / 10, 1)
    domain = (low - pad)...(high + pad)
    self.ticks = sorted
    let gaps = zip(sorted.dropFirst(), sorted).map { $0 - $1 }.filter { $0 > 0 }
    labelStep = gaps.min() ?? (sorted.first.map { $0 == 0 ? 1 : $0.magnitude } ?? 1)
  }

  /// The label of tick `value`, with the decimals the tick step needs.
  func label(_ value: Double) -> String { NiceScale.format(value, step: labelStep) }

  /// `value` with `extraDecimals` more decimals than the tick labels, for tooltips and
  /// cell values.
  func preciseLabel(_ value: Double, extraDecimals: Int = 2) -> String {
    NiceScale.format(value, step: labelStep / FixedPoint.pow10(extraDecimals))
  }
}
