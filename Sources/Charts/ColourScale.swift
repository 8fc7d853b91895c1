/// A continuous colour scale for ``Heatmap`` cells, mapping 0...1 to a colour.
public enum ColourScale: String, Sendable, Codable {
  /// Viridis (van der Walt and Smith, matplotlib 1.5, 2015): dark purple → blue → green →
  /// yellow, perceptually uniform, luminance rising with the value, colour-blind safe and
  /// legible in greyscale print.
  case sequential
  /// Blue → white → red (ColorBrewer RdBu, reversed), white at the domain midpoint; for
  /// signed data such as correlations, with a domain symmetric about 0.
  case diverging

  /// The colour at position `t` of the scale.
  ///
  /// - Parameter t: Position in 0...1 (0: domain minimum, 1: maximum); values outside are
  ///   clamped and NaN counts as 0.
  /// - Returns: Lowercase "#rrggbb", interpolated linearly between 11 equally spaced stops.
  public func colour(at t: Double) -> String { rgb(at: t).hex }

  /// The colour at position `t` (clamped to 0...1; NaN counts as 0).
  func rgb(at t: Double) -> RGB {
    let stops = self.stops
    let position = (t.isNaN ? 0 : min(max(t, 0), 1)) * Double(stops.count - 1)
    let index = min(Int(position), stops.count - 2)
    return stops[index].mixed(with: stops[index + 1], by: position - Double(index))
  }

  /// Number of equally spaced stops; gradients with this many stops reproduce the scale.
  static let stopCount = 11

  private var stops: [RGB] {
    switch self {
    case .sequential:
      [
        0x440154, 0x482576, 0x414487, 0x35608d, 0x2a788e, 0x21908c,
        0x22a884, 0x43bf71, 0x7ad151, 0xbbdf27, 0xfde725,
      ].map(RGB.init)
    case .diverging:
      [
        0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
        0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f,
      ].map(RGB.init)
    }
  }
}
