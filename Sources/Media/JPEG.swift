import CJPEG

/// JPEG decoding through libjpeg-turbo's TurboJPEG API, which reports errors as return
/// codes (the classic libjpeg API needs `longjmp` out of its error handler, which Swift
/// cannot do safely).
///
/// The decoder uses the accurate integer IDCT and "fancy" (smooth) chroma upsampling, the
/// libjpeg defaults that Pillow also uses, so pixels equal `djpeg`'s and Pillow's for the
/// same libjpeg-turbo build.
public enum JPEG {
  /// Whether `bytes` starts with the JPEG SOI marker `FF D8 FF`.
  static func isJPEG(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
  }

  /// Decodes a baseline or progressive JPEG (greyscale, YCbCr or RGB) to RGB.
  ///
  /// - Parameters:
  ///   - jpeg: the file's bytes.
  ///   - file: the name used in error messages.
  /// - Returns: the decoded image.
  /// - Throws: `MediaError.corruptImage` naming `file` for damaged or truncated data (a
  ///   libjpeg warning such as "premature end of data" counts as damage, as in Pillow), or
  ///   an unsupported colour space (CMYK).
  /// - Complexity: O(width·height).
  public static func decode(_ jpeg: [UInt8], file: String) throws(MediaError) -> Image {
    guard let handle = tjInitDecompress() else {
      throw .corruptImage(file: file, format: "JPEG", reason: "cannot start libjpeg-turbo")
    }
    defer { tjDestroy(handle) }
    var width: Int32 = 0
    var height: Int32 = 0
    var subsampling: Int32 = 0
    var colorspace: Int32 = 0
    let size = UInt(jpeg.count)
    let header = jpeg.withUnsafeBufferPointer { source in
      tjDecompressHeader3(
        handle, source.baseAddress, size, &width, &height, &subsampling, &colorspace)
    }
    guard header == 0 else { throw failure(handle, file: file) }
    guard colorspace != Int32(TJCS_CMYK.rawValue), colorspace != Int32(TJCS_YCCK.rawValue) else {
      throw .corruptImage(file: file, format: "JPEG", reason: "CMYK JPEGs are not supported")
    }
    guard width > 0, height > 0, Int(width) * Int(height) <= 1 << 28 else {
      throw .corruptImage(file: file, format: "JPEG", reason: "implausible size \(width)×\(height)")
    }
    var pixels = [UInt8](repeating: 0, count: 3 * Int(width) * Int(height))
    let status = jpeg.withUnsafeBufferPointer { source in
      pixels.withUnsafeMutableBufferPointer { target in
        tjDecompress2(
          handle, source.baseAddress, size, target.baseAddress, width, 0, height,
          Int32(TJPF_RGB.rawValue), TJFLAG_ACCURATEDCT)
      }
    }
    guard status == 0 else { throw failure(handle, file: file) }
    return Image(checkedWidth: Int(width), height: Int(height), pixels: pixels)
  }

  /// libjpeg-turbo's message for the last failure on `handle`.
  static func failure(_ handle: tjhandle, file: String) -> MediaError {
    let message = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
    return .corruptImage(file: file, format: "JPEG", reason: message)
  }
}
