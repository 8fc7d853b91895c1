/// Layout and decoration shared by ``BarChart`` and ``LineChart``: title, legend above the
/// plot, y axis with grid lines and tick labels, x tick labels, axis titles, clip path
/// and reference line.
///
/// A chart builds the frame, calls ``open(_:definitions:)``, draws its data inside
/// ``plot`` (clipped with ``clipPath`` if set), then calls
/// ``close(_:baseline:tickMarks:reference:)``.
struct CartesianFrame {
  /// The chart's texts, all from user data.
  struct Labels {
    /// Visible heading, also the accessible name; nil: no heading.
    var title: String?
    /// Accessible name used when `title` is nil.
    var summary: String
    /// Title under the x axis.
    var x: String?
    /// Title left of the y axis, rotated.
    var y: String?
    /// Series names; the legend is drawn only for two or more.
    var legend: [String]
    /// Swatch of each legend entry.
    var swatch: Legend.Swatch
  }

  private static let padding = 10.0
  private static let minimumPlotSize = 20.0

  /// The plot area in pixels.
  let plot: Rect
  /// Maps y data values to pixel rows.
  let y: LinearScale
  /// `clip-path` attribute value restricting data marks to ``plot``; nil when the data
  /// fits the y domain, so simple renderers without clipping support draw the chart too.
  let clipPath: String?

  private let size: ChartSize
  private let idPrefix: String
  private let labels: Labels
  private let yAxis: NumericAxis
  private let legend: Legend
  private let xTicks: TickLabels

  /// Lays out a chart of `size`.
  ///
  /// - Parameters:
  ///   - size: Outer size in pixels.
  ///   - idPrefix: Prefix of every id the chart emits.
  ///   - labels: Texts and legend.
  ///   - yAxis: The y domain and ticks.
  ///   - dataExtent: The y range data marks span; data is clipped if it leaves the domain.
  ///   - xTicks: The x tick labels for a plot spanning the given pixel columns.
  /// - Throws: ``ChartError/outOfRange(field:value:allowed:)`` for `size` when the plot
  ///   area would be smaller than 20 × 20 px.
  init(
    size: ChartSize, idPrefix: String, labels: Labels, yAxis: NumericAxis,
    dataExtent: ClosedRange<Double>,
    xTicks: (ClosedRange<Double>) -> [TickLabels.Tick]
  ) throws(ChartError) {
    try Check.size(size)
    let padding = Self.padding
    let tickLabelWidth =
      yAxis.ticks.map {
        TextMetrics.width(yAxis.label($0), fontSize: TickLabels.fontSize)
      }.max() ?? 0
    var left = padding + (labels.y == nil ? 0 : 18) + tickLabelWidth + 8
    let right = size.width - padding - 8
    let maxLabelWidth = max(40, (0.3 * size.height - TickLabels.fontSize) * 2)
    var ticks = TickLabels(xTicks(left...max(left, right)), maxWidth: maxLabelWidth)
    if ticks.minX < padding {
      left += padding - ticks.minX
      ticks = TickLabels(
        xTicks(left...max(left, right)), maxWidth: maxLabelWidth, forcingRotation: ticks.rotated)
    }
    legend = Legend(
      names: labels.legend.count > 1 ? labels.legend : [], swatch: labels.swatch, left: left,
      width: right - left)
    let top =
      (labels.title == nil ? padding : SVGWriter.headingHeight)
      + (legend.height > 0 ? legend.height + 6 : 0) + 6
    let bottom = size.height - padding - (labels.x == nil ? 0 : 18) - ticks.height
    plot = Rect(x: left, y: top, width: right - left, height: bottom - top)
    try Check.range(
      plot.width >= Self.minimumPlotSize && plot.height >= Self.minimumPlotSize, "size",
      "\(size.width) × \(size.height)", "large enough for a plot area of at least 20 × 20 px")
    y = LinearScale(domain: yAxis.domain, start: plot.maxY, end: plot.y)
    let fits =
      yAxis.domain.contains(dataExtent.lowerBound) && yAxis.domain.contains(dataExtent.upperBound)
    clipPath = fits ? nil : "url(#\(idPrefix)-plot)"
    (self.size, self.idPrefix, self.labels, self.yAxis) = (size, idPrefix, labels, yAxis)
    self.xTicks = ticks
  }

  /// Validates what bar and line charts share and returns the range of value ± error.
  ///
  /// - Parameters:
  ///   - series: The series, each needing `count` values.
  ///   - count: Number of categories or x values.
  ///   - matching: What `count` counts, for messages, e.g. "category".
  ///   - yDomain: A user-chosen y domain, if any.
  ///   - referenceLine: A reference line, if any; its value must be finite.
  /// - Returns: The smallest value − error through the largest value + error.
  /// - Throws: ``ChartError`` for empty or misshapen series, bad values, a bad domain, or
  ///   when no value is finite.
  static func validatedExtent(
    of series: [Series], count: Int, matching: String, yDomain: ClosedRange<Double>?,
    referenceLine: ReferenceLine?
  ) throws(ChartError) -> ClosedRange<Double> {
    try Check.nonEmpty(series.count, "series")
    for item in series { try item.validate(count: count, matching: matching) }
    try Check.domain(yDomain, "yDomain")
    if let referenceLine {
      try Check.finite([referenceLine.value], "referenceLine.value", allowingNaN: false)
    }
    guard let extent = series.extent else { throw .empty(field: "finite values of series") }
    return extent
  }

  /// Opens the document and draws everything that goes under the data: definitions,
  /// heading, legend, grid lines, y tick labels and the y axis title.
  ///
  /// - Parameters:
  ///   - writer: The writer; ``close(_:baseline:tickMarks:reference:)`` closes the root.
  ///   - definitions: Writes the chart's own `<defs>` children.
  func open(_ writer: inout SVGWriter, definitions: (inout SVGWriter) -> Void = { _ in }) {
    writer.openDocument(size: size, title: labels.title ?? labels.summary, heading: labels.title)
    writer.group("defs") { writer in
      if clipPath != nil {
        writer.group("clipPath", ["id": "\(idPrefix)-plot"]) { writer in
          let (x, y, width, height) = plot.attributes
          writer.element("rect", ["x": x, "y": y, "width": width, "height": height])
        }
      }
      definitions(&writer)
    }
    legend.draw(
      into: &writer, top: labels.title == nil ? Self.padding : SVGWriter.headingHeight)
    writer.group("g", ["class": "grid", "stroke": "#dddddd", "stroke-width": "1"]) { writer in
      for tick in yAxis.ticks {
        let row = y(tick).svgNumber
        writer.element(
          "line",
          [
            "x1": plot.x.svgNumber, "y1": row, "x2": plot.maxX.svgNumber, "y2": row,
          ])
      }
    }
    writer.group("g", ["class": "y-ticks", "fill": "#333333", "text-anchor": "end"]) { writer in
      for tick in yAxis.ticks {
        writer.element(
          "text", ["x": (plot.x - 6).svgNumber, "y": (y(tick) + 4).svgNumber],
          text: yAxis.label(tick))
      }
    }
    if let title = labels.y {
      writer.axisTitle(
        title, className: "y-label", x: Self.padding + 12, y: plot.midY, vertical: true,
        maxWidth: plot.height)
    }
  }

  /// Draws everything that goes over the data, then closes the document.
  ///
  /// - Parameters:
  ///   - writer: The writer opened by ``open(_:definitions:)``.
  ///   - baseline: y value of the x axis line (0 for bars).
  ///   - tickMarks: Whether to draw short marks at the x ticks (numeric axes).
  ///   - reference: A dashed line with its label, drawn if inside the y domain.
  func close(
    _ writer: inout SVGWriter, baseline: Double, tickMarks: Bool, reference: ReferenceLine?
  ) {
    if let reference, yAxis.domain.contains(reference.value) {
      drawReference(reference, into: &writer)
    }
    writer.group("g", ["class": "axes", "stroke": "#333333", "stroke-width": "1"]) { writer in
      let (left, right) = (plot.x.svgNumber, plot.maxX.svgNumber)
      writer.element(
        "line",
        [
          "x1": left, "y1": plot.y.svgNumber, "x2": left, "y2": plot.maxY.svgNumber,
        ])
      let row = y(baseline).svgNumber
      writer.element("line", ["x1": left, "y1": row, "x2": right, "y2": row])
      for tick in tickMarks ? xTicks.positions : [] {
        writer.element(
          "line",
          [
            "x1": tick.svgNumber, "y1": plot.maxY.svgNumber, "x2": tick.svgNumber,
            "y2": (plot.maxY + 4).svgNumber,
          ])
      }
    }
    xTicks.draw(into: &writer, top: plot.maxY)
    if let title = labels.x {
      writer.axisTitle(
        title, className: "x-label", x: plot.midX, y: size.height - Self.padding - 3,
        vertical: false, maxWidth: plot.width)
    }
    writer.close()
  }

  private func drawReference(_ reference: ReferenceLine, into writer: inout SVGWriter) {
    let row = y(reference.value)
    writer.group("g", ["class": "reference-line", "fill": "#444444"]) { writer in
      writer.element(
        "line",
        [
          "x1": plot.x.svgNumber, "y1": row.svgNumber, "x2": plot.maxX.svgNumber,
          "y2": row.svgNumber, "stroke": "#444444", "stroke-width": "1.2",
          "stroke-dasharray": "6 4",
        ])
      let label = TextMetrics.truncate(
        TextMetrics.singleLine(reference.label), maxWidth: plot.width - 8, fontSize: 11)
      let (x, y) = ((plot.maxX - 4).svgNumber, (row - 5).svgNumber)
      writer.element(
        "text",
        [
          "class": "halo", "x": x, "y": y, "text-anchor": "end", "fill": "#ffffff",
          "stroke": "#ffffff", "stroke-width": "3", "stroke-linejoin": "round",
        ], text: label)
      writer.element("text", ["x": x, "y": y, "text-anchor": "end"], text: label)
    }
  }
}
