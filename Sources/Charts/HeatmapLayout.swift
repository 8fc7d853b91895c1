extension Heatmap {
  /// Where a heatmap's grid, labels and legend go: square cells as large as fit beside
  /// the row labels and colour legend and above the column labels.
  struct Layout {
    private static let padding = 10.0

    /// The grid of cells.
    let grid: Rect
    /// Side of one cell in pixels.
    let cell: Double
    /// Widest row label before truncation.
    let rowLabelWidth: Double
    /// Only every `labelStride`-th row and column is labelled, so labels keep ≥ 12 px apart.
    let labelStride: Int
    /// The column labels under the grid.
    let columnLabels: TickLabels
    /// Left edge of the colour legend.
    let legendX: Double
    /// Height of the colour legend's bar: the grid's, but at least 120 px if room allows.
    let legendHeight: Double
    /// The size of the document: `size` trimmed to the content.
    let documentSize: ChartSize

    /// Lays out `heatmap` in `size` with `legend` on the right.
    ///
    /// - Throws: ``ChartError/outOfRange(field:value:allowed:)`` for `size` when a cell
    ///   would be smaller than 1 px.
    init(heatmap: Heatmap, size: ChartSize, legend: ColourBar) throws(ChartError) {
      let padding = Self.padding
      let widest =
        heatmap.rows.map {
          TextMetrics.width(TextMetrics.singleLine($0), fontSize: TickLabels.fontSize)
        }.max() ?? 0
      rowLabelWidth = min(widest, size.width * 0.3)
      var left = padding + rowLabelWidth + 6
      let right = size.width - padding - legend.width - 16
      let top = (heatmap.title == nil ? padding : SVGWriter.headingHeight) + 6
      let bottom = size.height - padding
      let (rowCount, columnCount) = (Double(heatmap.rows.count), Double(heatmap.columns.count))
      let maxLabelWidth = max(40, (0.3 * size.height - TickLabels.fontSize) * 2)

      func labels(cell: Double, stride: Int, rotated: Bool) -> TickLabels {
        let ticks = Swift.stride(from: 0, to: heatmap.columns.count, by: stride).map {
          TickLabels.Tick(x: left + (Double($0) + 0.5) * cell, label: heatmap.columns[$0])
        }
        return TickLabels(ticks, maxWidth: maxLabelWidth, forcingRotation: rotated)
      }
      func layout(rotated: Bool) -> (cell: Double, stride: Int, labels: TickLabels) {
        let widestCell = (right - left) / columnCount
        let probe = labels(cell: widestCell, stride: 1, rotated: rotated)
        let cell = min(widestCell, (bottom - probe.height - top) / rowCount)
        let stride = cell >= 12 ? 1 : Int((12 / max(cell, 0.01)).rounded(.up))
        return (cell, stride, labels(cell: cell, stride: stride, rotated: rotated))
      }
      var chosen = layout(rotated: false)
      if chosen.labels.rotated { chosen = layout(rotated: true) }
      if chosen.labels.minX < padding {
        left += padding - chosen.labels.minX
        chosen = layout(rotated: true)
      }
      try Check.range(
        chosen.cell >= 1, "size", "\(size.width) × \(size.height)",
        "large enough for cells of at least 1 px")
      (cell, labelStride, columnLabels) = chosen
      grid = Rect(x: left, y: top, width: cell * columnCount, height: cell * rowCount)
      legendX = grid.maxX + 16
      legendHeight = min(max(grid.height, 120), bottom - top - legend.missingHeight)
      documentSize = ChartSize(
        width: min(size.width, legendX + legend.width + padding),
        height: min(
          size.height,
          max(grid.maxY + columnLabels.height, top + legendHeight + legend.missingHeight) + padding)
      )
    }
  }
}
