/// The affine map from a data domain to pixels.
struct LinearScale {
  /// Data values mapped to `start`...`end`.
  var domain: ClosedRange<Double>
  /// Pixel position of `domain.lowerBound`.
  var start: Double
  /// Pixel position of `domain.upperBound`; smaller than `start` for a y axis.
  var end: Double

  /// The pixel position of `value`; values outside the domain extrapolate linearly.
  func callAsFunction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    return start + (value - domain.lowerBound) / span * (end - start)
  }
}
