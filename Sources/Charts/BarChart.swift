/// Grouped bars: one group per category, one bar per series, with optional ± error bars.
///
/// Bars grow from 0, or from the nearer bound of ``yDomain`` when 0 lies outside it (for
/// a domain of 0.5...1, bars start at 0.5). Values outside the y domain are clipped.
///
/// ```swift
/// let chart = BarChart(
///   categories: ["MNIST", "Fashion-MNIST"],
///   series: [Series(name: "CLIP", values: [0.91, 0.78], errors: [0.01, 0.02])],
///   yLabel: "accuracy", referenceLine: ReferenceLine(value: 0.1, label: "chance"))
/// let svg = try chart.svg()
/// ```
public struct BarChart: Sendable, Codable, Equatable {
  /// Group labels along the x axis, left to right.
  public var categories: [String]
  /// The series; `series[i].values[j]` is the bar of series `i` in category `j`, drawn in
  /// ``Palette/colour(_:)`` `i`.
  public var series: [Series]
  /// Title under the x axis.
  public var xLabel: String?
  /// Title left of the y axis.
  public var yLabel: String?
  /// The y range drawn; nil: from 0 (or the smallest value − error, if negative) to the
  /// largest value + error, widened to nice ticks.
  public var yDomain: ClosedRange<Double>?
  /// A dashed horizontal line such as chance level; nil: none.
  public var referenceLine: ReferenceLine?
  /// Heading drawn above the chart and used as its accessible name; nil: no heading.
  public var title: String?

  /// Creates a bar chart.
  ///
  /// - Parameters:
  ///   - categories: Group labels, `C` of them.
  ///   - series: `S` series of `C` values each (NaN: no bar), with optional errors.
  ///   - xLabel: Title under the x axis.
  ///   - yLabel: Title left of the y axis.
  ///   - yDomain: The y range drawn; nil derives it from the data.
  ///   - referenceLine: A dashed horizontal line with a label.
  ///   - title: Heading and accessible name.
  public init(
    categories: [String], series: [Series], xLabel: String? = nil, yLabel: String? = nil,
    yDomain: ClosedRange<Double>? = nil, referenceLine: ReferenceLine? = nil,
    title: String? = nil
  ) {
    self.categories = categories
    self.series = series
    self.xLabel = xLabel
    self.yLabel = yLabel
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
  /// - Throws: ``ChartError`` when categories or series are empty, a series' length
  ///   differs from the number of categories, a value is infinite, an error is negative,
  ///   no value is finite, or a parameter is out of range.
  /// - Complexity: O(S × C).
  public func svg(size: ChartSize = ChartSize(), idPrefix: String = "c") throws(ChartError)
    -> String
  {
    let extent = try validatedExtent(idPrefix: idPrefix)
    let axis = NumericAxis(covering: extent, fixed: yDomain)
    let baseline = min(max(0, axis.domain.lowerBound), axis.domain.upperBound)
    let labels = CartesianFrame.Labels(
      title: title,
      summary: "Bar chart of \(yLabel ?? "values") by \(xLabel ?? "category"): "
        + series.map(\.name).joined(separator: ", "),
      x: xLabel, y: yLabel, legend: series.map(\.name), swatch: .box)
    let frame = try CartesianFrame(
      size: size, idPrefix: idPrefix, labels: labels, yAxis: axis, dataExtent: extent
    ) { columns in
      let band = (columns.upperBound - columns.lowerBound) / Double(categories.count)
      return categories.enumerated().map { index, category in
        TickLabels.Tick(x: columns.lowerBound + band * (Double(index) + 0.5), label: category)
      }
    }
    var writer = SVGWriter()
    frame.open(&writer)
    drawBars(frame: frame, axis: axis, baseline: baseline, into: &writer)
    frame.close(&writer, baseline: baseline, tickMarks: false, reference: referenceLine)
    return writer.document
  }

  /// Validates the data and returns the range of value ± error.
  private func validatedExtent(idPrefix: String) throws(ChartError) -> ClosedRange<Double> {
    try Check.idPrefix(idPrefix)
    try Check.nonEmpty(categories.count, "categories")
    let extent = try CartesianFrame.validatedExtent(
      of: series, count: categories.count, matching: "category", yDomain: yDomain,
      referenceLine: referenceLine)
    return min(extent.lowerBound, 0)...max(extent.upperBound, 0)
  }

  /// Writes the bars (inside the plot's clip path), then the error bars over them.
  private func drawBars(
    frame: CartesianFrame, axis: NumericAxis, baseline: Double, into writer: inout SVGWriter
  ) {
    let band = frame.plot.width / Double(categories.count)
    let barWidth = band * 0.8 / Double(series.count)
    func left(series index: Int, category: Int) -> Double {
      frame.plot.x + band * (Double(category) + 0.1) + barWidth * Double(index)
    }
    writer.group("g", ["class": "bars", "clip-path": frame.clipPath]) { writer in
      for (index, item) in series.enumerated() {
        writer.group(
          "g",
          [
            "fill": Palette.colour(index), "stroke": "#222222", "stroke-width": "0.5",
          ]
        ) { writer in
          for (category, value) in item.values.enumerated() where !value.isNaN {
            let (top, bottom) = (frame.y(max(value, baseline)), frame.y(min(value, baseline)))
            let bar = Rect(
              x: left(series: index, category: category), y: top, width: barWidth,
              height: bottom - top)
            let (x, y, width, height) = bar.attributes
            let error = item.error(at: category).map { " ± " + axis.preciseLabel($0) } ?? ""
            writer.element(
              "rect", ["x": x, "y": y, "width": width, "height": height],
              tooltip: "\(item.name) · \(categories[category]): \(axis.preciseLabel(value))\(error)"
            )
          }
        }
      }
    }
    writer.group(
      "g",
      [
        "class": "error-bars", "clip-path": frame.clipPath, "stroke": "#222222",
        "stroke-width": "1.2", "fill": "none",
      ]
    ) { writer in
      for (index, item) in series.enumerated() {
        for (category, value) in item.values.enumerated() where !value.isNaN {
          guard let error = item.error(at: category) else { continue }
          ErrorBar.draw(
            x: left(series: index, category: category) + barWidth / 2,
            low: frame.y(value - error), high: frame.y(value + error),
            capHalfWidth: min(barWidth * 0.25, 6), into: &writer)
        }
      }
    }
  }
}
