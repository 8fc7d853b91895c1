/// An 8-bit RGB image: `width·height` pixels, row-major, channels interleaved `RGB`.
///
/// Every decoder returns this form (alpha composited on white, grey expanded to RGB), so
/// the transforms (`Resample`, `centerCropped`, `Normalization`) have one layout to handle.
public struct Image: Sendable, Equatable {
  /// Columns.
  public let width: Int
  /// Rows.
  public let height: Int
  /// `3·width·height` bytes, row-major, `R G B` per pixel.
  public let pixels: [UInt8]

  /// Wraps RGB pixels.
  ///
  /// - Throws: `MediaError.invalidImage` if a side is not positive or the byte count is not
  ///   `3·width·height`.
  public init(width: Int, height: Int, pixels: [UInt8]) throws(MediaError) {
    guard width > 0, height > 0 else {
      throw .invalidImage(reason: "size \(width)×\(height) must be positive")
    }
    guard pixels.count == 3 * width * height else {
      throw .invalidImage(
        reason: "\(width)×\(height) RGB needs \(3 * width * height) bytes, got \(pixels.count)")
    }
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// An RGB image from grey levels (each copied to the three channels).
  ///
  /// - Throws: `MediaError.invalidImage` if the sizes disagree.
  public init(width: Int, height: Int, gray: [UInt8]) throws(MediaError) {
    guard gray.count == width * height else {
      throw .invalidImage(
        reason: "\(width)×\(height) grey needs \(width * height) bytes, got \(gray.count)")
    }
    var rgb = [UInt8](repeating: 0, count: 3 * gray.count)
    for (i, value) in gray.enumerated() {
      rgb[3 * i] = value
      rgb[3 * i + 1] = value
      rgb[3 * i + 2] = value
    }
    try self.init(width: width, height: height, pixels: rgb)
  }

  /// Unchecked construction for transforms that computed a consistent buffer themselves.
  init(checkedWidth width: Int, height: Int, pixels: [UInt8]) {
    precondition(width > 0 && height > 0 && pixels.count == 3 * width * height, "bad image buffer")
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The image encoded as a PNG file (RGBA, fully opaque), e.g. for a gallery.
  public func png() throws(MediaError) -> [UInt8] {
    var rgba = [UInt8](repeating: 255, count: 4 * width * height)
    for i in 0..<(width * height) {
      rgba[4 * i] = pixels[3 * i]
      rgba[4 * i + 1] = pixels[3 * i + 1]
      rgba[4 * i + 2] = pixels[3 * i + 2]
    }
    return try PNG.encodeRGBA(width: width, height: height, pixels: rgba)
  }
}
