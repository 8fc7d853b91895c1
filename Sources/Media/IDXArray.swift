/// An n-dimensional array of unsigned bytes read from an IDX file.
///
/// For MNIST images the dimensions are `[count, height, width]` and `bytes` holds the pixels
/// row-major (0 = background, 255 = ink); for labels they are `[count]`.
public struct IDXArray: Sendable, Equatable {
  /// The extent of each axis, outermost first.
  public let dimensions: [Int]
  /// `dimensions.reduce(1, *)` values in row-major order.
  public let bytes: [UInt8]

  /// Wraps `bytes` with the given dimensions; the counts must agree.
  public init(dimensions: [Int], bytes: [UInt8]) {
    precondition(bytes.count == dimensions.reduce(1, *), "IDX payload does not match \(dimensions)")
    self.dimensions = dimensions
    self.bytes = bytes
  }
}
