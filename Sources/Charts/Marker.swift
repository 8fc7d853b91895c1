/// Marker shapes for line charts, so series differ in shape as well as colour.
///
/// Each series' marker is defined once in `<defs>` and placed with `<use x y>`.
enum Marker: CaseIterable {
  case circle, square, diamond, triangleUp, triangleDown

  /// The shape of series `index`, cycling through all shapes.
  static func forSeries(_ index: Int) -> Marker { allCases[index % allCases.count] }

  /// The id of series `index`'s marker definition.
  static func id(prefix: String, series index: Int) -> String { "\(prefix)-marker-\(index)" }

  /// Writes one `<path id=…>` per series, centred on the origin, about 10 px across.
  static func writeDefinitions(seriesCount: Int, prefix: String, into writer: inout SVGWriter) {
    for index in 0..<seriesCount {
      writer.element("path", ["id": id(prefix: prefix, series: index), "d": forSeries(index).path])
    }
  }

  /// Writes series `index`'s marker centred at (`x`, `y`), filled in the series colour.
  static func place(
    series index: Int, prefix: String, x: Double, y: Double, tooltip: String?,
    into writer: inout SVGWriter
  ) {
    writer.element(
      "use",
      ["href": "#" + id(prefix: prefix, series: index), "x": x.svgNumber, "y": y.svgNumber],
      tooltip: tooltip)
  }

  private var path: String {
    switch self {
    case .circle: "M-4.5 0a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0 -9 0Z"
    case .square: "M-4 -4H4V4H-4Z"
    case .diamond: "M0 -5.5L5.5 0L0 5.5L-5.5 0Z"
    case .triangleUp: "M0 -5.5L5 3.5H-5Z"
    case .triangleDown: "M0 5.5L5 -3.5H-5Z"
    }
  }
}
