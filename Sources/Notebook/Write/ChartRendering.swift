import Charts

/// Draws a graphic output as SVG, with ids prefixed by the block's id so several charts can
/// share one page.
enum ChartRendering {
  static func svg(_ content: OutputContent, id: String) throws -> String {
    switch content {
    case .bars(let chart): try chart.svg(idPrefix: id)
    case .lines(let chart): try chart.svg(idPrefix: id)
    case .heatmap(let chart): try chart.svg(idPrefix: id)
    case .gallery(let gallery): try gallery.svg(idPrefix: id)
    case .table, .facts: ""
    }
  }
}
