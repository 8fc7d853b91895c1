import CPNG

/// PNG encoding and decoding of 8-bit images through libpng 1.6's simplified API
/// (`png_image_*`), which reports errors in `png_image.message` instead of `longjmp`.
public enum PNG {
  /// Encodes a grayscale image.
  ///
  /// - Parameters:
  ///   - width: columns, at least 1.
  ///   - height: rows, at least 1.
  ///   - pixels: `width·height` bytes, row-major, 0 = black.
  /// - Returns: the bytes of a PNG file.
  /// - Throws: `MediaError.invalidImage` if the sizes disagree, `.png` if libpng fails.
  public static func encodeGray(width: Int, height: Int, pixels: [UInt8]) throws(MediaError)
    -> [UInt8]
  {
    try encode(width: width, height: height, pixels: pixels, format: .gray)
  }

  /// Encodes an image with red, green, blue and alpha channels (straight, not premultiplied).
  ///
  /// - Parameters:
  ///   - width: columns, at least 1.
  ///   - height: rows, at least 1.
  ///   - pixels: `4·width·height` bytes, row-major, channels interleaved `RGBA`.
  /// - Returns: the bytes of a PNG file.
  /// - Throws: `MediaError.invalidImage` if the sizes disagree, `.png` if libpng fails.
  public static func encodeRGBA(width: Int, height: Int, pixels: [UInt8]) throws(MediaError)
    -> [UInt8]
  {
    try encode(width: width, height: height, pixels: pixels, format: .rgba)
  }

  /// Decodes a PNG file of any colour type and bit depth to 8-bit RGBA.
  ///
  /// - Returns: the size and `4·width·height` bytes, row-major, channels `RGBA`.
  /// - Throws: `MediaError.png` with libpng's message if the bytes are not a valid PNG.
  public static func decode(_ png: [UInt8]) throws(MediaError) -> (
    width: Int, height: Int, rgba: [UInt8]
  ) {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    defer { png_image_free(&image) }
    let started = png.withUnsafeBytes { bytes in
      png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count)
    }
    guard started != 0 else { throw .png(operation: "decode", message: message(of: &image)) }
    image.format = PixelFormat.rgba.rawValue
    let (width, height) = (Int(image.width), Int(image.height))
    var rgba = [UInt8](repeating: 0, count: width * height * 4)
    let finished = rgba.withUnsafeMutableBytes { buffer in
      png_image_finish_read(&image, nil, buffer.baseAddress, Int32(width * 4), nil)
    }
    guard finished != 0 else { throw .png(operation: "decode", message: message(of: &image)) }
    return (width, height, rgba)
  }

  /// Decodes a PNG file to RGB, compositing any transparency over white (`OnWhite`).
  ///
  /// - Parameters:
  ///   - png: the file's bytes.
  ///   - file: the name used in error messages.
  /// - Throws: `MediaError.corruptImage` naming `file` if libpng rejects the bytes.
  public static func decodeOnWhite(_ png: [UInt8], file: String) throws(MediaError) -> Image {
    let decoded: (width: Int, height: Int, rgba: [UInt8])
    do {
      decoded = try decode(png)
    } catch {
      throw .corruptImage(file: file, format: "PNG", reason: error.description)
    }
    return Image(
      checkedWidth: decoded.width, height: decoded.height, pixels: OnWhite.composite(decoded.rgba))
  }

  /// The simplified-API pixel layouts used here (`PNG_FORMAT_GRAY`, `PNG_FORMAT_RGBA`).
  enum PixelFormat: UInt32 {
    case gray = 0
    case rgba = 3  // PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA

    var channels: Int { self == .gray ? 1 : 4 }
  }

  static func encode(width: Int, height: Int, pixels: [UInt8], format: PixelFormat)
    throws(MediaError) -> [UInt8]
  {
    guard width > 0, height > 0, width <= Int(Int32.max) / 4, height <= Int(Int32.max) else {
      throw .invalidImage(reason: "size \(width)×\(height) must be positive")
    }
    guard pixels.count == width * height * format.channels else {
      throw .invalidImage(
        reason: "\(width)×\(height) with \(format.channels) channel(s) needs "
          + "\(width * height * format.channels) bytes, got \(pixels.count)")
    }
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    image.width = UInt32(width)
    image.height = UInt32(height)
    image.format = format.rawValue
    defer { png_image_free(&image) }
    let stride = Int32(width * format.channels)
    let encoded: [UInt8]? = pixels.withUnsafeBytes { source in
      var size = 0
      guard png_image_write_to_memory(&image, nil, &size, 0, source.baseAddress, stride, nil) != 0
      else { return nil }
      var output = [UInt8](repeating: 0, count: size)
      let written = output.withUnsafeMutableBytes { target in
        png_image_write_to_memory(
          &image, target.baseAddress, &size, 0, source.baseAddress, stride, nil)
      }
      return written != 0 ? Array(output[0..<size]) : nil
    }
    guard let encoded else { throw .png(operation: "encode", message: message(of: &image)) }
    return encoded
  }

  /// The error or warning text libpng left in `image.message`.
  static func message(of image: inout png_image) -> String {
    withUnsafeBytes(of: &image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }
}
