/// Vertical error bars with short horizontal caps.
enum ErrorBar {
  /// Writes one error bar as a path: cap at `low`, vertical line to `high`, cap at `high`.
  ///
  /// - Parameters:
  ///   - x: Horizontal pixel position of the bar.
  ///   - low: Pixel y of value − error.
  ///   - high: Pixel y of value + error.
  ///   - capHalfWidth: Half the cap length in pixels.
  ///   - writer: The writer to append to.
  static func draw(
    x: Double, low: Double, high: Double, capHalfWidth: Double, into writer: inout SVGWriter
  ) {
    let (left, right) = ((x - capHalfWidth).svgNumber, (x + capHalfWidth).svgNumber)
    let (low, high) = (low.svgNumber, high.svgNumber)
    writer.element(
      "path",
      [
        "d": "M\(left) \(low)H\(right)M\(x.svgNumber) \(low)V\(high)M\(left) \(high)H\(right)"
      ])
  }
}
