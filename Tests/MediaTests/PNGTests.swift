import Media
import Testing

@Suite struct PNGTests {
  static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

  @Test func grayRoundTrip() throws {
    let (width, height) = (5, 3)
    let pixels = (0..<(width * height)).map { UInt8($0 * 17) }
    let png = try PNG.encodeGray(width: width, height: height, pixels: pixels)
    #expect(Array(png.prefix(8)) == Self.signature)
    let decoded = try PNG.decode(png)
    #expect(decoded.width == width && decoded.height == height)
    let expected = pixels.flatMap { gray -> [UInt8] in [gray, gray, gray, 255] }
    #expect(decoded.rgba == expected)
  }

  @Test func rgbaRoundTrip() throws {
    let (width, height) = (4, 2)
    let pixels = (0..<(width * height * 4)).map { UInt8(($0 * 37) % 256) }
    let png = try PNG.encodeRGBA(width: width, height: height, pixels: pixels)
    #expect(Array(png.prefix(8)) == Self.signature)
    let decoded = try PNG.decode(png)
    #expect(decoded.width == width && decoded.height == height)
    #expect(decoded.rgba == pixels)
  }

  @Test func rejectsMismatchedPixelBuffers() {
    #expect(throws: MediaError.self) { try PNG.encodeGray(width: 2, height: 2, pixels: [0, 0, 0]) }
    #expect(throws: MediaError.self) { try PNG.encodeRGBA(width: 0, height: 2, pixels: []) }
  }

  @Test func rejectsBytesThatAreNotPNG() {
    let error = #expect(throws: MediaError.self) { try PNG.decode([1, 2, 3, 4, 5, 6, 7, 8, 9]) }
    guard case .png(operation: "decode", _) = error else {
      Issue.record("expected a PNG decode error, got \(String(describing: error))")
      return
    }
  }
}
