/// An axis-aligned rectangle in SVG user units (y grows downwards).
struct Rect: Equatable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var maxX: Double { x + width }
  var maxY: Double { y + height }
  var midX: Double { x + width / 2 }
  var midY: Double { y + height / 2 }

  /// This rectangle as the position attributes of an SVG `<rect>` or `<image>`.
  var attributes: (x: String, y: String, width: String, height: String) {
    (x.svgNumber, y.svgNumber, width.svgNumber, height.svgNumber)
  }
}
