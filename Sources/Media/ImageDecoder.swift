import Foundation

/// Decodes an image file of any supported format, recognised by its first bytes (not its
/// name): JPEG, PNG (alpha on white) or SVG (rasterised with its aspect kept so that the
/// longer side is `svgSide`).
public enum ImageDecoder {
  /// The formats `decode` recognises.
  public enum Format: String, Sendable {
    case jpeg, png, svg
  }

  /// The format of `bytes`, or `nil`.
  public static func format(of bytes: [UInt8]) -> Format? {
    if JPEG.isJPEG(bytes) { return .jpeg }
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
    if SVG.isSVG(bytes) { return .svg }
    return nil
  }

  /// Reads and decodes the file at `url`.
  ///
  /// - Parameters:
  ///   - url: the image file.
  ///   - svgSide: the longer side, in pixels, of a rasterised SVG.
  /// - Throws: `MediaError` naming the file: unreadable, unknown format or undecodable.
  public static func decode(contentsOf url: URL, svgSide: Int = 224) throws(MediaError) -> Image {
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: url))
    } catch {
      throw .unreadable(file: url.path, reason: error.localizedDescription)
    }
    return try decode(bytes, file: url.path, svgSide: svgSide)
  }

  /// Decodes the bytes of an image file (see the type's description).
  public static func decode(_ bytes: [UInt8], file: String, svgSide: Int = 224)
    throws(MediaError) -> Image
  {
    switch format(of: bytes) {
    case .jpeg: try JPEG.decode(bytes, file: file)
    case .png: try PNG.decodeOnWhite(bytes, file: file)
    case .svg: try SVG.rasterize(bytes, fitting: svgSide, file: file)
    case nil: throw .unknownImageFormat(file: file)
    }
  }
}
