/// A legend above the plot area: a swatch and a name per series, wrapped into rows.
struct Legend {
  /// How a series is shown next to its name.
  enum Swatch {
    /// A filled square, for bars.
    case box
    /// A line segment with the series' marker, for line charts; markers are defined
    /// under ids from `markerPrefix` (see ``Marker``).
    case line(markerPrefix: String)

    var width: Double {
      switch self {
      case .box: 12
      case .line: 24
      }
    }
  }

  private struct Entry {
    var series: Int
    var x: Double
    var row: Int
    var shown: String
    var name: String
  }

  private static let fontSize = 12.0
  private static let rowHeight = 18.0
  private let swatch: Swatch
  private let entries: [Entry]
  /// Height of all rows in pixels; 0 without entries.
  let height: Double

  /// Lays out one entry per name from `left`, starting a new row where one would pass
  /// `left + width`.
  ///
  /// - Parameters:
  ///   - names: Series names in series order; colour `i` and marker `i` go with name `i`.
  ///   - swatch: The swatch drawn before each name.
  ///   - left: Pixel x where rows start.
  ///   - width: Pixels available per row; longer names are truncated with "…".
  init(names: [String], swatch: Swatch, left: Double, width: Double) {
    self.swatch = swatch
    let spacing = 16.0
    let textStart = swatch.width + 5
    var entries: [Entry] = []
    var (x, row) = (left, 0)
    for (series, name) in names.enumerated() {
      let shown = TextMetrics.truncate(
        TextMetrics.singleLine(name), maxWidth: width - textStart, fontSize: Self.fontSize)
      let entryWidth = textStart + TextMetrics.width(shown, fontSize: Self.fontSize)
      if x > left && x + entryWidth > left + width { (x, row) = (left, row + 1) }
      entries.append(Entry(series: series, x: x, row: row, shown: shown, name: name))
      x += entryWidth + spacing
    }
    self.entries = entries
    height = entries.last.map { Double($0.row + 1) * Self.rowHeight } ?? 0
  }

  /// Writes the legend with its first row's top at `top`.
  func draw(into writer: inout SVGWriter, top: Double) {
    guard !entries.isEmpty else { return }
    writer.group("g", ["class": "legend", "font-size": "12", "fill": "#222222"]) { writer in
      for entry in entries {
        let rowTop = top + Double(entry.row) * Self.rowHeight
        drawSwatch(series: entry.series, x: entry.x, middle: rowTop + 9, into: &writer)
        writer.element(
          "text",
          ["x": (entry.x + swatch.width + 5).svgNumber, "y": (rowTop + 13).svgNumber],
          text: entry.shown, tooltip: entry.shown == entry.name ? nil : entry.name)
      }
    }
  }

  private func drawSwatch(series: Int, x: Double, middle: Double, into writer: inout SVGWriter) {
    let colour = Palette.colour(series)
    switch swatch {
    case .box:
      writer.element(
        "rect",
        [
          "x": x.svgNumber, "y": (middle - 6).svgNumber, "width": "12", "height": "12",
          "fill": colour, "stroke": "#222222", "stroke-width": "0.5",
        ])
    case .line(let prefix):
      writer.element(
        "line",
        [
          "x1": x.svgNumber, "y1": middle.svgNumber, "x2": (x + swatch.width).svgNumber,
          "y2": middle.svgNumber, "stroke": colour, "stroke-width": "2",
        ])
      writer.group("g", ["fill": colour, "stroke": "#ffffff"]) { writer in
        Marker.place(
          series: series, prefix: prefix, x: x + swatch.width / 2, y: middle, tooltip: nil,
          into: &writer)
      }
    }
  }
}
