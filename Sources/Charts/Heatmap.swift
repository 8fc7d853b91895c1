/// A matrix of coloured cells with row and column labels and a colour legend, e.g. a
/// representational dissimilarity matrix or a correlation matrix.
///
/// Rows run top to bottom and columns left to right, in the order given. Cells are
/// square, as large as the size allows, and the document is trimmed to the space the
/// grid, labels and legend take. NaN cells are missing and drawn hatched grey.
///
/// ```swift
/// let rdm = Heatmap(
///   rows: ["cat", "dog"], columns: ["cat", "dog"], values: [[0, 0.4], [0.4, 0]],
///   showValues: true, colourLabel: "1 − Pearson r")
/// let svg = try rdm.svg()
/// ```
public struct Heatmap: Sendable, Codable, Equatable {
  /// Row labels, top to bottom, `R` of them.
  public var rows: [String]
  /// Column labels, left to right, `C` of them.
  public var columns: [String]
  /// `R` rows of `C` values; NaN marks a missing cell.
  public var values: [[Double]]
  /// The values mapped to the ends of the colour scale (values outside are clamped);
  /// nil: minimum...maximum of the finite values (±0.5 around a constant). Pass -1...1
  /// for correlations with the diverging scale, so white means 0.
  public var domain: ClosedRange<Double>?
  /// The colour scale; ``ColourScale/diverging`` is white at the domain midpoint.
  public var scale: ColourScale
  /// Whether to print each value in its cell, in black or white for contrast; printed
  /// only when the cells are large enough for 11 px text.
  public var showValues: Bool
  /// Title of the colour legend; nil for none.
  public var colourLabel: String?
  /// Heading drawn above the chart and used as its accessible name; nil: no heading.
  public var title: String?

  /// Creates a heatmap.
  ///
  /// - Parameters:
  ///   - rows: `R` row labels.
  ///   - columns: `C` column labels.
  ///   - values: `R × C` values, row-major; NaN: missing.
  ///   - domain: The value range of the colour scale; nil: the data's.
  ///   - scale: Sequential (viridis) or diverging (blue–white–red).
  ///   - showValues: Print values in the cells.
  ///   - colourLabel: Title of the colour legend.
  ///   - title: Heading and accessible name.
  public init(
    rows: [String], columns: [String], values: [[Double]], domain: ClosedRange<Double>? = nil,
    scale: ColourScale = .sequential, showValues: Bool = false, colourLabel: String? = nil,
    title: String? = nil
  ) {
    self.rows = rows
    self.columns = columns
    self.values = values
    self.domain = domain
    self.scale = scale
    self.showValues = showValues
    self.colourLabel = colourLabel
    self.title = title
  }

  private enum CodingKeys: String, CodingKey {
    case rows, columns, values, domain, scale, showValues, colourLabel, title
  }

  /// Decodes a heatmap; `null` values decode as NaN (missing).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    rows = try container.decode([String].self, forKey: .rows)
    columns = try container.decode([String].self, forKey: .columns)
    values = try container.decode([[Double?]].self, forKey: .values).map(MissingValues.decoded)
    domain = try container.decodeIfPresent(ClosedRange<Double>.self, forKey: .domain)
    scale = try container.decode(ColourScale.self, forKey: .scale)
    showValues = try container.decode(Bool.self, forKey: .showValues)
    colourLabel = try container.decodeIfPresent(String.self, forKey: .colourLabel)
    title = try container.decodeIfPresent(String.self, forKey: .title)
  }

  /// Encodes the heatmap; NaN values encode as `null`, so plain JSON works.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rows, forKey: .rows)
    try container.encode(columns, forKey: .columns)
    try container.encode(values.map(MissingValues.encoded), forKey: .values)
    try container.encodeIfPresent(domain, forKey: .domain)
    try container.encode(scale, forKey: .scale)
    try container.encode(showValues, forKey: .showValues)
    try container.encodeIfPresent(colourLabel, forKey: .colourLabel)
    try container.encodeIfPresent(title, forKey: .title)
  }

  /// Whether two heatmaps draw the same; missing (NaN) values compare equal.
  public static func == (lhs: Heatmap, rhs: Heatmap) -> Bool {
    lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.domain == rhs.domain
      && lhs.values.count == rhs.values.count
      && zip(lhs.values, rhs.values).allSatisfy { MissingValues.same($0, $1) }
      && lhs.scale == rhs.scale && lhs.showValues == rhs.showValues
      && lhs.colourLabel == rhs.colourLabel && lhs.title == rhs.title
  }

  /// Renders the heatmap as a standalone SVG document.
  ///
  /// - Parameters:
  ///   - size: Largest outer size in pixels; the document shrinks to fit square cells.
  ///   - idPrefix: Prefix of every id in the output, so several charts can share a page;
  ///     an ASCII letter or "_" followed by letters, digits, "_" or "-".
  /// - Returns: The SVG text, identical for identical input.
  /// - Throws: ``ChartError`` when rows or columns are empty, `values` is not `R × C`, a
  ///   value is infinite, no value is finite, or a parameter is out of range.
  /// - Complexity: O(R × C).
  public func svg(
    size: ChartSize = ChartSize(width: 560, height: 480), idPrefix: String = "c"
  ) throws(ChartError) -> String {
    let domain = try validatedDomain(idPrefix: idPrefix, size: size)
    let axis = NumericAxis(covering: domain, fixed: domain)
    let legend = ColourBar(
      axis: axis, scale: scale, label: colourLabel,
      showsMissing: values.contains { $0.contains { $0.isNaN } }, idPrefix: idPrefix)
    let layout = try Layout(heatmap: self, size: size, legend: legend)
    var writer = SVGWriter()
    writer.openDocument(
      size: layout.documentSize,
      title: title ?? "Heatmap of \(rows.count) × \(columns.count) values"
        + (colourLabel.map { ": \($0)" } ?? ""), heading: title)
    writer.group("defs") { legend.drawDefinitions(into: &$0) }
    drawCells(layout: layout, axis: axis, missingFill: legend.missingFill, into: &writer)
    drawRowLabels(layout: layout, into: &writer)
    layout.columnLabels.draw(into: &writer, top: layout.grid.maxY)
    legend.draw(
      into: &writer, x: layout.legendX, top: layout.grid.y, height: layout.legendHeight)
    writer.close()
    return writer.document
  }

  /// Validates the data and returns the colour domain.
  private func validatedDomain(idPrefix: String, size: ChartSize) throws(ChartError) -> ClosedRange<
    Double
  > {
    try Check.idPrefix(idPrefix)
    try Check.size(size)
    try Check.nonEmpty(rows.count, "rows")
    try Check.nonEmpty(columns.count, "columns")
    try Check.count(values.count, "values (one row per row label)", expected: rows.count)
    for (index, row) in values.enumerated() {
      try Check.count(row.count, "values[\(index)] (one per column)", expected: columns.count)
      try Check.finite(row, "values[\(index)]", allowingNaN: true)
    }
    try Check.domain(domain, "domain")
    if let domain { return domain }
    let finite = values.joined().filter { !$0.isNaN }
    guard let low = finite.min(), let high = finite.max() else {
      throw .empty(field: "finite values")
    }
    return low < high ? low...high : (low - 0.5)...(high + 0.5)
  }

  /// Writes the cells, with a tooltip each, and their values if asked for and legible.
  private func drawCells(
    layout: Layout, axis: NumericAxis, missingFill: String, into writer: inout SVGWriter
  ) {
    let (low, high) = (axis.domain.lowerBound, axis.domain.upperBound)
    let cell = layout.cell
    func box(_ row: Int, _ column: Int) -> Rect {
      Rect(
        x: layout.grid.x + Double(column) * cell, y: layout.grid.y + Double(row) * cell,
        width: cell, height: cell)
    }
    writer.group("g", ["class": "cells", "shape-rendering": "crispEdges"]) { writer in
      for (row, rowValues) in values.enumerated() {
        for (column, value) in rowValues.enumerated() {
          let (x, y, width, height) = box(row, column).attributes
          let fill = value.isNaN ? missingFill : scale.colour(at: (value - low) / (high - low))
          let shown = value.isNaN ? "missing" : axis.preciseLabel(value)
          writer.element(
            "rect", ["x": x, "y": y, "width": width, "height": height, "fill": fill],
            tooltip: "\(rows[row]) · \(columns[column]): \(shown)")
        }
      }
    }
    let labels = values.map { $0.map { $0.isNaN ? "" : axis.preciseLabel($0, extraDecimals: 1) } }
    let widest = labels.joined().map { TextMetrics.width($0, fontSize: 11) }.max() ?? 0
    guard showValues, cell >= 15, widest + 4 <= cell else { return }
    writer.group("g", ["class": "values", "text-anchor": "middle"]) { writer in
      for (row, rowValues) in values.enumerated() {
        for (column, value) in rowValues.enumerated() where !value.isNaN {
          let centre = box(row, column)
          let colour = scale.rgb(at: (value - low) / (high - low)).contrastingText
          writer.element(
            "text",
            ["x": centre.midX.svgNumber, "y": (centre.midY + 4).svgNumber, "fill": colour],
            text: labels[row][column])
        }
      }
    }
  }

  /// Writes the row labels right-aligned left of the grid, thinned when rows are dense.
  private func drawRowLabels(layout: Layout, into writer: inout SVGWriter) {
    writer.group("g", ["class": "row-labels", "fill": "#333333", "text-anchor": "end"]) { writer in
      for row in stride(from: 0, to: rows.count, by: layout.labelStride) {
        let label = TextMetrics.singleLine(rows[row])
        let shown = TextMetrics.truncate(label, maxWidth: layout.rowLabelWidth, fontSize: 11)
        writer.element(
          "text",
          [
            "x": (layout.grid.x - 6).svgNumber,
            "y": (layout.grid.y + (Double(row) + 0.5) * layout.cell + 4).svgNumber,
          ], text: shown, tooltip: shown == rows[row] ? nil : rows[row])
      }
    }
  }
}
