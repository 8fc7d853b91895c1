/// The colour legend of a ``Heatmap``: a vertical gradient with ticks, a title, and a
/// hatched "missing" swatch when some cells are NaN.
struct ColourBar {
  private static let barWidth = 14.0
  private static let fontSize = 11.0

  private let axis: NumericAxis
  private let scale: ColourScale
  private let label: String?
  private let showsMissing: Bool
  private let idPrefix: String

  /// Creates the legend of `axis.domain` in `scale`.
  ///
  /// - Parameters:
  ///   - axis: The heatmap's domain and the ticks to label.
  ///   - scale: The colour scale.
  ///   - label: Title drawn rotated to the right of the bar; nil for none.
  ///   - showsMissing: Whether to draw the hatched swatch for missing values.
  ///   - idPrefix: Prefix of the gradient and pattern ids.
  init(axis: NumericAxis, scale: ColourScale, label: String?, showsMissing: Bool, idPrefix: String)
  {
    (self.axis, self.scale, self.label) = (axis, scale, label)
    (self.showsMissing, self.idPrefix) = (showsMissing, idPrefix)
  }

  /// `fill` value of a missing cell: the hatch pattern.
  var missingFill: String { "url(#\(idPrefix)-missing)" }

  /// Pixels the legend takes horizontally.
  var width: Double {
    let tickWidth =
      axis.ticks.map {
        TextMetrics.width(axis.label($0), fontSize: Self.fontSize)
      }.max() ?? 0
    let missingWidth = showsMissing ? TextMetrics.width("missing", fontSize: Self.fontSize) : 0
    return Self.barWidth + 10 + max(tickWidth, missingWidth) + (label == nil ? 0 : 20)
  }

  /// Pixels the missing swatch takes below the bar.
  var missingHeight: Double { showsMissing ? 24 : 0 }

  /// Writes the gradient and, if needed, the hatch pattern for missing values.
  func drawDefinitions(into writer: inout SVGWriter) {
    writer.group(
      "linearGradient",
      [
        "id": "\(idPrefix)-scale", "x1": "0", "y1": "1", "x2": "0", "y2": "0",
      ]
    ) { writer in
      for stop in 0..<ColourScale.stopCount {
        let offset = Double(stop) / Double(ColourScale.stopCount - 1)
        writer.element(
          "stop", ["offset": offset.svgNumber, "stop-color": scale.colour(at: offset)])
      }
    }
    guard showsMissing else { return }
    writer.group(
      "pattern",
      [
        "id": "\(idPrefix)-missing", "width": "6", "height": "6",
        "patternUnits": "userSpaceOnUse", "patternTransform": "rotate(45)",
      ]
    ) { writer in
      writer.element("rect", ["width": "6", "height": "6", "fill": "#e0e0e0"])
      writer.element(
        "line",
        [
          "x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": "#9e9e9e", "stroke-width": "2",
        ])
    }
  }

  /// Writes the legend with the bar's top-left corner at (`x`, `top`).
  func draw(into writer: inout SVGWriter, x: Double, top: Double, height: Double) {
    let y = LinearScale(domain: axis.domain, start: top + height, end: top)
    writer.group("g", ["class": "colour-legend", "fill": "#333333"]) { writer in
      func swatch(top: Double, height: Double, fill: String) {
        let (x, y, width, height) = Rect(x: x, y: top, width: Self.barWidth, height: height)
          .attributes
        writer.element(
          "rect",
          [
            "x": x, "y": y, "width": width, "height": height, "fill": fill, "stroke": "#333333",
            "stroke-width": "0.5",
          ])
      }
      swatch(top: top, height: height, fill: "url(#\(idPrefix)-scale)")
      let tickRight = x + Self.barWidth + 4
      for tick in axis.ticks {
        let row = y(tick).svgNumber
        writer.element(
          "line",
          [
            "x1": (x + Self.barWidth).svgNumber, "y1": row, "x2": tickRight.svgNumber, "y2": row,
            "stroke": "#333333",
          ])
        writer.element(
          "text", ["x": (tickRight + 2).svgNumber, "y": (y(tick) + 4).svgNumber],
          text: axis.label(tick))
      }
      if let label {
        writer.axisTitle(
          label, className: "colour-label", x: x + width - 6, y: top + height / 2,
          vertical: true, maxWidth: height)
      }
      if showsMissing {
        let swatchTop = top + height + 10
        swatch(top: swatchTop, height: Self.barWidth, fill: missingFill)
        writer.element(
          "text", ["x": (tickRight + 2).svgNumber, "y": (swatchTop + 11).svgNumber],
          text: "missing")
      }
    }
  }
}
