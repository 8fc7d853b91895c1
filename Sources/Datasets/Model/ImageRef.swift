import Foundation
import Media

/// Where an item's image is: a file (JPEG, PNG, SVG; decoded on demand) or grey pixels
/// already in memory (IDX datasets; a slice sharing the dataset's buffer).
public enum ImageRef: Sendable, Equatable {
  case file(URL)
  case gray(width: Int, height: Int, pixels: ArraySlice<UInt8>)

  /// The decoded image (SVGs rasterised so that the longer side is `svgSide`).
  ///
  /// - Throws: `MediaError` naming the file if it cannot be read or decoded.
  public func load(svgSide: Int = 224) throws(MediaError) -> Image {
    switch self {
    case .file(let url):
      return try ImageDecoder.decode(contentsOf: url, svgSide: svgSide)
    case let .gray(width, height, pixels):
      return try Image(width: width, height: height, gray: Array(pixels))
    }
  }
}
