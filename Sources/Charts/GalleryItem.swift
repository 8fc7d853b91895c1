/// One image of a ``Gallery`` with its caption, e.g. a dataset sample and its text.
public struct GalleryItem: Sendable, Codable, Equatable {
  /// The image as PNG file bytes.
  public var png: [UInt8]
  /// Image width in pixels, as in the PNG header.
  public var pixelWidth: Int
  /// Image height in pixels, as in the PNG header.
  public var pixelHeight: Int
  /// Text shown under the image (shortened to fit) and in full as its tooltip.
  public var caption: String

  /// Creates a gallery item.
  ///
  /// - Parameters:
  ///   - png: PNG file bytes.
  ///   - pixelWidth: Image width in pixels; must match the PNG.
  ///   - pixelHeight: Image height in pixels; must match the PNG.
  ///   - caption: Text shown under the image; any length, any characters.
  public init(png: [UInt8], pixelWidth: Int, pixelHeight: Int, caption: String) {
    self.png = png
    self.pixelWidth = pixelWidth
    self.pixelHeight = pixelHeight
    self.caption = caption
  }

  private static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

  /// Throws unless `png` starts with the PNG signature and an IHDR chunk whose size
  /// matches ``pixelWidth`` × ``pixelHeight``.
  ///
  /// - Parameter index: The item's position, for messages.
  /// - Throws: ``ChartError`` naming `items[index]` and the field.
  func validate(index: Int) throws(ChartError) {
    let field = "items[\(index)]"
    try Check.range(
      png.count >= 24 && png.starts(with: Self.signature)
        && png[12..<16].elementsEqual("IHDR".utf8),
      "\(field).png", "\(png.count) bytes", "PNG file bytes (signature and IHDR chunk)")
    func bigEndian(_ offset: Int) -> Int {
      png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }
    let (width, height) = (bigEndian(16), bigEndian(20))
    try Check.range(
      pixelWidth == width, "\(field).pixelWidth", "\(pixelWidth)", "the PNG's width, \(width)")
    try Check.range(
      pixelHeight == height, "\(field).pixelHeight", "\(pixelHeight)", "the PNG's height, \(height)"
    )
    try Check.range(
      width > 0 && height > 0, "\(field).png", "\(width) × \(height) px", "at least 1 × 1 px")
  }
}
