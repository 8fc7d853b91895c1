import Foundation
import Media
import TestSupport
import Testing

@Suite struct DecoderTests {
  @Test(arguments: ["gradient", "progressive", "gray"])
  func jpegDecodeEqualsPillowAndDjpeg(name: String) throws {
    let decoded = try JPEG.decode(try FixtureImages.bytes("\(name).jpg"), file: name)
    let expected = try FixtureImages.rgb("\(name).pillow.png")
    #expect(decoded.width == expected.width && decoded.height == expected.height)
    assertPixelsClose(decoded.pixels, expected.pixels, tolerance: 0, "\(name).jpg")
  }

  @Test func pngAlphaIsCompositedOnWhiteAsPillowPastes() throws {
    let decoded = try PNG.decodeOnWhite(try FixtureImages.bytes("alpha.png"), file: "alpha.png")
    let expected = try FixtureImages.rgb("alpha.onwhite.png")
    assertPixelsClose(decoded.pixels, expected.pixels, tolerance: 0, "alpha on white")
    // The first five columns are fully transparent: white.
    #expect(decoded.pixels[0..<15].allSatisfy { $0 == 255 })
  }

  @Test(arguments: [("drawing", 64, 43), ("drawing", 224, 149), ("viewbox", 35, 56)])
  func svgMatchesRsvgConvert(name: String, width: Int, height: Int) throws {
    let svg = try FixtureImages.bytes("\(name).svg")
    let image = try SVG.rasterize(svg, width: width, height: height, file: name)
    let expected = try FixtureImages.rgb("\(name).rsvg.\(width)x\(height).png")
    #expect(image.width == expected.width && image.height == expected.height)
    assertPixelsClose(image.pixels, expected.pixels, tolerance: 0, "\(name) \(width)×\(height)")
  }

  @Test func svgKeepsItsAspectWhenFitted() throws {
    let drawing = try FixtureImages.bytes("drawing.svg")
    let natural = try SVG.naturalSize(drawing, file: "drawing.svg")
    #expect(abs(natural.width - 400) < 1e-9 && abs(natural.height - 800.0 / 3) < 1e-9)
    let fitted = try SVG.rasterize(drawing, fitting: 64, file: "drawing.svg")
    #expect(fitted.width == 64 && fitted.height == 43)
    let tall = try SVG.rasterize(try FixtureImages.bytes("viewbox.svg"), fitting: 56, file: "v")
    #expect(tall.width == 35 && tall.height == 56)
    let square = try fitted.paddedOnWhite(side: 64)
    #expect(square.width == 64 && square.height == 64)
    #expect(square.pixels[0..<(3 * 64 * 10)].allSatisfy { $0 == 255 }, "top padding is white")
  }

  @Test func decoderRecognisesFormatsByContent() throws {
    #expect(ImageDecoder.format(of: try FixtureImages.bytes("gray.jpg")) == .jpeg)
    #expect(ImageDecoder.format(of: try FixtureImages.bytes("alpha.png")) == .png)
    #expect(ImageDecoder.format(of: try FixtureImages.bytes("viewbox.svg")) == .svg)
    let error = #expect(throws: MediaError.self) {
      try ImageDecoder.decode([0, 1, 2, 3], file: "mystery.bin")
    }
    #expect(error == .unknownImageFormat(file: "mystery.bin"))
  }

  /// How a fixture is damaged: cut to its first `n` bytes, or bytes overwritten.
  enum Damage: Sendable {
    case keep(Int)
    case overwrite(Range<Int>)

    func apply(_ bytes: inout [UInt8]) {
      switch self {
      case .keep(let n): bytes = Array(bytes.prefix(n))
      case .overwrite(let range):
        bytes.replaceSubrange(range, with: [UInt8](repeating: 7, count: range.count))
      }
    }
  }

  /// Damaged files of each format, and a phrase the error must contain besides the name.
  static let damaged: [(name: String, damage: Damage, phrase: String)] = [
    ("gradient.jpg", .keep(1400), "JPEG"),
    ("gradient.jpg", .overwrite(2..<40), "JPEG"),
    ("alpha.png", .keep(1800), "PNG"),
    ("drawing.svg", .keep(200), "SVG"),
  ]

  @Test(arguments: damaged)
  func damagedImagesAreErrorsNamingTheFile(name: String, damage: Damage, phrase: String) throws {
    var bytes = try FixtureImages.bytes(name)
    damage.apply(&bytes)
    let error = #expect(throws: MediaError.self) {
      try ImageDecoder.decode(bytes, file: "/data/\(name)")
    }
    #expect(error?.description.contains("/data/\(name)") == true)
    #expect(error?.description.contains(phrase) == true, "\(String(describing: error))")
  }
}
