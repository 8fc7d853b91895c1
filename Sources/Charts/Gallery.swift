import Foundation

/// A grid of images with captions, such as dataset samples with their text.
///
/// Images are embedded as PNG data URIs, scaled to fit a square cell with their aspect
/// ratio kept; images smaller than the cell are upscaled without smoothing
/// (`image-rendering: pixelated`) so pixels stay sharp. Captions are wrapped to
/// ``captionLines`` lines under each image and shortened with "…"; the full caption is
/// the item's tooltip.
public struct Gallery: Sendable, Codable, Equatable {
  /// The images, laid out left to right, top to bottom.
  public var items: [GalleryItem]
  /// Images per row, at least 1.
  public var columns: Int
  /// Side of the square each image is fitted into, in pixels, at least 16.
  public var cellSize: Double
  /// Caption lines under each image; 0 hides captions (tooltips remain).
  public var captionLines: Int
  /// Heading drawn above the grid and used as its accessible name; nil: no heading.
  public var title: String?

  /// Creates a gallery.
  ///
  /// - Parameters:
  ///   - items: The images with captions.
  ///   - columns: Images per row (fewer rows are not padded).
  ///   - cellSize: Side of each image cell in pixels.
  ///   - captionLines: Caption lines under each image.
  ///   - title: Heading and accessible name.
  public init(
    items: [GalleryItem], columns: Int = 4, cellSize: Double = 96, captionLines: Int = 2,
    title: String? = nil
  ) {
    self.items = items
    self.columns = columns
    self.cellSize = cellSize
    self.captionLines = captionLines
    self.title = title
  }

  private static let padding = 10.0
  private static let gap = 12.0
  private static let fontSize = 11.0
  private static let lineHeight = 14.0

  /// Renders the gallery as a standalone SVG document sized to its grid.
  ///
  /// - Parameter idPrefix: Prefix of ids; a gallery emits none, but the prefix is
  ///   validated like the other charts' so callers can treat all charts alike.
  /// - Returns: The SVG text, identical for identical input.
  /// - Throws: ``ChartError`` when `items` is empty, an item is not a PNG of its stated
  ///   size, or `columns`, `cellSize` or `captionLines` is out of range.
  /// - Complexity: O(total PNG bytes + total caption length²).
  public func svg(idPrefix: String = "c") throws(ChartError) -> String {
    try validate(idPrefix: idPrefix)
    let columnCount = min(columns, items.count)
    let rowCount = (items.count + columnCount - 1) / columnCount
    let cellHeight = cellSize + (captionLines > 0 ? 4 + Double(captionLines) * Self.lineHeight : 0)
    let top = title == nil ? Self.padding : SVGWriter.headingHeight
    let size = ChartSize(
      width: 2 * Self.padding + Double(columnCount) * cellSize + Double(columnCount - 1) * Self.gap,
      height: top + Double(rowCount) * cellHeight + Double(rowCount - 1) * Self.gap + Self.padding)
    var writer = SVGWriter()
    writer.openDocument(
      size: size, title: title ?? "Gallery of \(items.count) images", heading: title)
    for (index, item) in items.enumerated() {
      let (row, column) = index.quotientAndRemainder(dividingBy: columnCount)
      let cell = Rect(
        x: Self.padding + Double(column) * (cellSize + Self.gap),
        y: top + Double(row) * (cellHeight + Self.gap), width: cellSize, height: cellSize)
      draw(item, in: cell, into: &writer)
    }
    writer.close()
    return writer.document
  }

  private func validate(idPrefix: String) throws(ChartError) {
    try Check.idPrefix(idPrefix)
    try Check.nonEmpty(items.count, "items")
    try Check.range(columns >= 1, "columns", "\(columns)", "≥ 1")
    try Check.range(cellSize.isFinite && cellSize >= 16, "cellSize", "\(cellSize)", "finite, ≥ 16")
    try Check.range(captionLines >= 0, "captionLines", "\(captionLines)", "≥ 0")
    for (index, item) in items.enumerated() { try item.validate(index: index) }
  }

  /// Writes one item: its image fitted and centred in `cell`, a frame, and the caption
  /// below, grouped under a `<title>` holding the full caption.
  private func draw(_ item: GalleryItem, in cell: Rect, into writer: inout SVGWriter) {
    let scale = min(cellSize / Double(item.pixelWidth), cellSize / Double(item.pixelHeight))
    let (width, height) = (Double(item.pixelWidth) * scale, Double(item.pixelHeight) * scale)
    let image = Rect(
      x: cell.x + (cellSize - width) / 2, y: cell.y + (cellSize - height) / 2, width: width,
      height: height)
    let (x, y, w, h) = image.attributes
    writer.group("g", ["class": "item"]) { writer in
      writer.element("title", text: item.caption)
      writer.element(
        "image",
        [
          "x": x, "y": y, "width": w, "height": h, "preserveAspectRatio": "none",
          "image-rendering": scale > 1 ? "optimizeSpeed" : nil,
          "style": scale > 1 ? "image-rendering:pixelated" : nil,
          "href": "data:image/png;base64," + Data(item.png).base64EncodedString(),
        ])
      writer.element(
        "rect",
        [
          "x": x, "y": y, "width": w, "height": h, "fill": "none", "stroke": "#cccccc",
          "stroke-width": "0.5",
        ])
      let lines = TextMetrics.wrap(
        item.caption, maxWidth: cellSize, fontSize: Self.fontSize, maxLines: captionLines)
      guard !lines.isEmpty else { return }
      writer.group("g", ["class": "caption", "text-anchor": "middle", "fill": "#222222"]) {
        writer in
        for (number, line) in lines.enumerated() {
          let baseline = cell.maxY + 4 + Self.fontSize + Double(number) * Self.lineHeight
          writer.element(
            "text", ["x": cell.midX.svgNumber, "y": baseline.svgNumber], text: line)
        }
      }
    }
  }
}
