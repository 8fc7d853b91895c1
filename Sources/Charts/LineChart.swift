/// Lines with markers over a numeric x axis, one line per series, with optional ± error
/// bars; each series has its own colour and marker shape.
///
/// A NaN value leaves a gap: no marker, and the line is broken there.
///
/// ```swift
/// let chart = LineChart(
///   x: [1, 5, 10],
///   series: [Series(name: "CLIP", values: [0.52, 0.71, 0.78], errors: [0.03, 0.02, 0.01])],
///   xLabel: "examples per class", yLabel: "accuracy", xTickValues: [1, 5, 10])
/// let svg = try chart.svg()
/// ```
public struct LineChart: Sendable, Codable, Equatable {
  /// x positions of the values, in data units, in drawing order.
  public var x: [Double]
  /// The series; `series[i].values[j]` is plotted at `x[j]` in colour and marker `i`.
  public var series: [Series]
  /// Title under the x axis.
  public var xLabel: String?
  /// Title left of the y axis.
  public var yLabel: String?
  /// The x ticks, e.g. `[1, 5, 10]` for shots; nil: nice ticks covering `x`.
  public var xTickValues: [Double]?
  /// The y range drawn; nil: smallest value − error to largest value + error, widened to
  /// nice ticks (not forced to include 0).
  public var yDomain: ClosedRange<Double>?
  /// A dashed horizontal line such as chance level; nil: none.
  public var referenceLine: ReferenceLine?
  /// Heading drawn above the chart and used as its accessible name; nil: no heading.
  public var title: String?

  /// Creates a line chart.
  ///
  /// - Parameters:
  ///   - x: `N` finite x positions.
  ///   - series: `S` series of `N` values each (NaN: missing), with optional errors.
  ///   - xLabel: Title under the x axis.
  ///   - yLabel: Title left of the y axis.
  ///   - xTickValues: Exactly these x ticks; nil: nice ticks.
  ///   - yDomain: The y range drawn; nil derives it from the data.
  ///   - referenceLine: A dashed horizontal line with a label.
  ///   - title: Heading and accessible name.
  public init(
    x: [Double], series: [Series], xLabel: String? = nil, yLabel: String? = nil,
    xTickValues: [Double]? = nil, yDomain: ClosedRange<Double>? = nil,
    referenceLine: ReferenceLine? = nil, title: String? = nil
  ) {
    self.x = x
    self.series = series
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xTickValues = xTickValues
    self.yDomain = yDomain
    self.referenceLine = referenceLine
    self.title = title
  }

  /// Renders the chart as a standalone SVG document.
  ///
  /// - Parameters:
  ///   - size: Outer size in pixels.
  ///   - idPrefix: Prefix of every id in the output, so several charts can share a page;
  ///     an ASCII letter or "_" followed by letters, digits, "_" or "-".
  /// - Returns: The SVG text, identical for identical input.
  /// - Throws: ``ChartError`` when `x` or `series` is empty, a series' length differs
  ///   from `x`, an x value or tick is not finite, a value is infinite, an error is
  ///   negative, no value is finite, or a parameter is out of range.
  /// - Complexity: O(S × N).
  public func svg(size: ChartSize = ChartSize(), idPrefix: String = "c") throws(ChartError)
    -> String
  {
    let yExtent = try validatedExtent(idPrefix: idPrefix)
    let xExtent = (x.min() ?? 0)...(x.max() ?? 0)
    let xAxis =
      xTickValues.map { NumericAxis(explicit: $0, extent: xExtent) }
      ?? NumericAxis(covering: xExtent, fixed: nil)
    let yAxis = NumericAxis(covering: yExtent, fixed: yDomain)
    let labels = CartesianFrame.Labels(
      title: title,
      summary: "Line chart of \(yLabel ?? "values") against \(xLabel ?? "x"): "
        + series.map(\.name).joined(separator: ", "),
      x: xLabel, y: yLabel, legend: series.map(\.name), swatch: .line(markerPrefix: idPrefix))
    let frame = try CartesianFrame(
      size: size, idPrefix: idPrefix, labels: labels, yAxis: yAxis, dataExtent: yExtent
    ) { columns in
      let scale = Self.xScale(xAxis.domain, columns: columns)
      return xAxis.ticks.map { TickLabels.Tick(x: scale($0), label: xAxis.label($0)) }
    }
    let xScale = Self.xScale(xAxis.domain, columns: frame.plot.x...frame.plot.maxX)
    var writer = SVGWriter()
    frame.open(&writer) { writer in
      Marker.writeDefinitions(seriesCount: series.count, prefix: idPrefix, into: &writer)
    }
    writer.group("g", ["class": "series", "clip-path": frame.clipPath]) { writer in
      for index in series.indices {
        let points = zip(x, series[index].values).map { (x: xScale($0), y: frame.y($1)) }
        drawSeries(
          index, points: points, frame: frame, yAxis: yAxis, idPrefix: idPrefix, into: &writer)
      }
    }
    frame.close(
      &writer, baseline: yAxis.domain.lowerBound, tickMarks: true, reference: referenceLine)
    return writer.document
  }

  /// Maps the x domain into `columns`, inset by 8 px so markers clear the axes.
  private static func xScale(_ domain: ClosedRange<Double>, columns: ClosedRange<Double>)
    -> LinearScale
  {
    let inset = min(8, (columns.upperBound - columns.lowerBound) / 4)
    return LinearScale(
      domain: domain, start: columns.lowerBound + inset, end: columns.upperBound - inset)
  }

  /// Validates the data and returns the range of value ± error.
  private func validatedExtent(idPrefix: String) throws(ChartError) -> ClosedRange<Double> {
    try Check.idPrefix(idPrefix)
    try Check.nonEmpty(x.count, "x")
    try Check.finite(x, "x", allowingNaN: false)
    if let xTickValues {
      try Check.nonEmpty(xTickValues.count, "xTickValues")
      try Check.finite(xTickValues, "xTickValues", allowingNaN: false)
    }
    return try CartesianFrame.validatedExtent(
      of: series, count: x.count, matching: "x value", yDomain: yDomain,
      referenceLine: referenceLine)
  }

  /// Writes one series: its line broken at missing values, error bars, then markers.
  ///
  /// - Parameters:
  ///   - index: The series' index, which picks its colour and marker.
  ///   - points: Pixel position of each value; y is NaN for missing values.
  ///   - frame: The chart's frame, which maps y values to pixels.
  ///   - yAxis: The y axis, which formats values for tooltips.
  ///   - idPrefix: Prefix of the marker ids.
  ///   - writer: The writer to append to.
  private func drawSeries(
    _ index: Int, points: [(x: Double, y: Double)], frame: CartesianFrame, yAxis: NumericAxis,
    idPrefix: String, into writer: inout SVGWriter
  ) {
    let item = series[index]
    let colour = Palette.colour(index)
    writer.group("g", ["class": "line", "fill": "none", "stroke": colour]) { writer in
      for run in points.split(whereSeparator: { $0.y.isNaN }) where run.count > 1 {
        writer.element(
          "polyline",
          [
            "points": run.map { "\($0.x.svgNumber),\($0.y.svgNumber)" }.joined(separator: " "),
            "stroke-width": "2", "stroke-linejoin": "round",
          ])
      }
      writer.group("g", ["class": "error-bars", "stroke-width": "1.2"]) { writer in
        for (position, point) in points.enumerated() where !point.y.isNaN {
          guard let error = item.error(at: position) else { continue }
          let value = item.values[position]
          ErrorBar.draw(
            x: point.x, low: frame.y(value - error), high: frame.y(value + error),
            capHalfWidth: 4, into: &writer)
        }
      }
    }
    writer.group("g", ["class": "markers", "fill": colour, "stroke": "#ffffff"]) { writer in
      for (position, point) in points.enumerated() where !point.y.isNaN {
        let value = yAxis.preciseLabel(item.values[position])
        let error = item.error(at: position).map { " ± " + yAxis.preciseLabel($0) } ?? ""
        let x = FixedPoint.format(x[position], decimals: 6, trimmingZeros: true)
        Marker.place(
          series: index, prefix: idPrefix, x: point.x, y: point.y,
          tooltip: "\(item.name) · x = \(x): \(value)\(error)", into: &writer)
      }
    }
  }
}
