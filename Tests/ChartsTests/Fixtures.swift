@testable import Charts

/// Data shared by the chart tests.
enum Fixture {
  /// Text that breaks SVG unless escaped.
  static let hostile = #"<script>alert("x & 'y'")</script>"#

  /// A PNG header (signature, IHDR, IEND) for an image of the given size. The image data
  /// is absent: the charts only read the header.
  static func png(width: Int, height: Int) -> [UInt8] {
    func bigEndian(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xff) } }
    let ihdr =
      bigEndian(13) + Array("IHDR".utf8) + bigEndian(width) + bigEndian(height)
      + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
    let iend = bigEndian(0) + Array("IEND".utf8) + [0xae, 0x42, 0x60, 0x82]
    return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] + ihdr + iend
  }

  static let bars = BarChart(
    categories: ["MNIST", "Fashion-MNIST", "CIFAR-10"],
    series: [
      Series(name: "CLIP", values: [0.9, 0.7, 0.6], errors: [0.02, 0.03, 0.05]),
      Series(name: "pixels", values: [0.8, 0.5, 0.3], errors: [0.01, 0.04, 0.02]),
    ],
    xLabel: "dataset", yLabel: "accuracy", referenceLine: ReferenceLine(value: 0.1, label: "chance")
  )

  /// ``bars`` with a y domain that cuts off the tallest bars, so they are clipped.
  static var clippedBars: BarChart {
    var chart = bars
    chart.yDomain = 0.2...0.8
    return chart
  }

  static let lines = LineChart(
    x: [1, 5, 10],
    series: [
      Series(name: "CLIP", values: [0.5, 0.7, 0.8], errors: [0.05, 0.03, 0.02]),
      Series(name: "pixels", values: [0.3, 0.4, 0.45]),
    ],
    xLabel: "examples per class", yLabel: "accuracy", xTickValues: [1, 5, 10],
    referenceLine: ReferenceLine(value: 0.1, label: "chance"))

  static let heatmap = Heatmap(
    rows: ["cat", "dog", "car"], columns: ["cat", "dog", "car"],
    values: [[0, 0.3, 0.9], [0.3, 0, .nan], [0.9, 0.8, 0]], showValues: true,
    colourLabel: "dissimilarity")

  static let gallery = Gallery(
    items: [
      GalleryItem(
        png: png(width: 28, height: 28), pixelWidth: 28, pixelHeight: 28, caption: "seven"),
      GalleryItem(
        png: png(width: 200, height: 100), pixelWidth: 200, pixelHeight: 100,
        caption: "a wide photo"),
    ],
    columns: 2)

  /// Every kind of chart rendered with `idPrefix`.
  static func allSVGs(idPrefix: String = "c") throws -> [String] {
    [
      try bars.svg(idPrefix: idPrefix), try clippedBars.svg(idPrefix: idPrefix),
      try lines.svg(idPrefix: idPrefix),
      try heatmap.svg(idPrefix: idPrefix), try gallery.svg(idPrefix: idPrefix),
    ]
  }
}
