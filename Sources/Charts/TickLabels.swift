import Foundation

/// Labels under a horizontal axis, rotated by −30° when neighbours would overlap.
struct TickLabels {
  /// One label centred (or, rotated, ending) at a horizontal pixel position.
  struct Tick {
    /// Pixel position of the tick.
    var x: Double
    /// The full label.
    var label: String
  }

  static let fontSize = 11.0
  private static let gap = 6.0
  private static let angle = 30.0 * Double.pi / 180

  private let ticks: [Tick]
  private let shown: [String]
  /// Whether the labels are drawn rotated.
  let rotated: Bool
  /// Vertical space the labels take below the axis line, gap included.
  let height: Double
  /// The leftmost pixel any label reaches.
  let minX: Double

  /// Pixel positions of the ticks.
  var positions: [Double] { ticks.map(\.x) }

  /// Lays out labels, truncating each to `maxWidth` pixels.
  ///
  /// - Parameters:
  ///   - ticks: Labels at increasing pixel positions.
  ///   - maxWidth: Longest label, in pixels, before it is truncated with "…".
  ///   - forcingRotation: Rotates even when horizontal labels would not overlap.
  init(_ ticks: [Tick], maxWidth: Double, forcingRotation: Bool = false) {
    let font = Self.fontSize
    self.ticks = ticks
    shown = ticks.map {
      TextMetrics.truncate(TextMetrics.singleLine($0.label), maxWidth: maxWidth, fontSize: font)
    }
    let widths = shown.map { TextMetrics.width($0, fontSize: font) }
    let overlaps = ticks.indices.dropFirst().contains { i in
      (widths[i - 1] + widths[i]) / 2 + 4 > ticks[i].x - ticks[i - 1].x
    }
    rotated = forcingRotation || overlaps
    let widest = widths.max() ?? 0
    height = Self.gap + (rotated ? widest * sin(Self.angle) + font * cos(Self.angle) : font) + 2
    let reach = rotated ? cos(Self.angle) : 0.5
    minX = zip(ticks, widths).map { $0.x - $1 * reach }.min() ?? 0
  }

  /// Writes the labels with their top at `top`; a truncated label keeps its full text
  /// as a tooltip.
  func draw(into writer: inout SVGWriter, top: Double) {
    writer.group(
      "g",
      [
        "class": "x-ticks", "fill": "#333333", "text-anchor": rotated ? "end" : "middle",
      ]
    ) { writer in
      for (tick, text) in zip(ticks, shown) {
        let y = top + Self.gap + Self.fontSize * 0.8
        let tooltip = text == tick.label ? nil : tick.label
        if rotated {
          let transform = SVGWriter.rotation(-30, x: tick.x + 3, y: y)
          writer.element("text", ["transform": transform], text: text, tooltip: tooltip)
        } else {
          writer.element(
            "text", ["x": tick.x.svgNumber, "y": y.svgNumber], text: text, tooltip: tooltip)
        }
      }
    }
  }
}
