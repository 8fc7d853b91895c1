import Foundation
import Media
import TestSupport
import Testing

@Suite struct ResampleTests {
  @Test(arguments: [
    ("bilinear", 40, 25), ("bicubic", 40, 25), ("bicubic", 200, 130), ("bilinear", 123, 30),
    ("bicubic", 50, 77), ("bilinear", 7, 5),
  ])
  func resizeMatchesPillow(filter: String, width: Int, height: Int) throws {
    let photo = try FixtureImages.rgb("photo.png")
    let kernel = try #require(ResampleFilter(rawValue: filter))
    let resized = try Resample.resize(photo, width: width, height: height, filter: kernel)
    let expected = try FixtureImages.rgb("photo.\(filter).\(width)x\(height).png")
    #expect(resized.width == width && resized.height == height)
    // The bar is 1 grey level; the fixed-point arithmetic is Pillow's own, so the
    // pixels are identical.
    assertPixelsClose(resized.pixels, expected.pixels, tolerance: 0, "\(filter) \(width)×\(height)")
  }

  @Test func sameSizeIsACopy() throws {
    let photo = try FixtureImages.rgb("photo.png")
    #expect(try Resample.resize(photo, width: 123, height: 77, filter: .bicubic) == photo)
    #expect(throws: MediaError.self) {
      try Resample.resize(photo, width: 0, height: 3, filter: .bilinear)
    }
  }

  struct ClipReference: Decodable {
    var resized: [Int]
    var crop: [Int]
    var channel_means: [Double]
    var first: [Float]
  }

  @Test func clipPipelineMatchesTorchvisionOnPillow() throws {
    let reference = try Fixtures.decode(ClipReference.self, named: "media_images/clip224.json")
    let photo = try FixtureImages.rgb("photo.png")
    let pipeline = Preprocessing.clip224
    let size = pipeline.resizedSize(width: photo.width, height: photo.height)
    #expect([size.width, size.height] == reference.resized)
    let cropped = try pipeline.resizedAndCropped(photo)
    assertPixelsClose(cropped.pixels, try FixtureImages.rgb("photo.clip224.png").pixels, "crop")
    let tensor = try pipeline.apply(photo)
    #expect(tensor.count == 3 * 224 * 224)
    assertClose(Array(tensor.prefix(8)), reference.first, atol: 1e-6, "first values")
    let plane = 224 * 224
    let means = (0..<3).map { c in
      tensor[(c * plane)..<((c + 1) * plane)].reduce(0.0) { $0 + Double($1) } / Double(plane)
    }
    assertClose(means, reference.channel_means, atol: 1e-5, "channel means")
  }

  @Test func centerCropRoundsHalfToEven() throws {
    // A 5-wide strip cropped to 2: (5 − 2) / 2 = 1.5 → 2 under Python's round.
    let image = try Image(width: 5, height: 1, gray: [0, 1, 2, 3, 4])
    let cropped = try image.centerCropped(width: 2, height: 1)
    #expect(cropped.pixels == [2, 2, 2, 3, 3, 3])
    #expect(throws: MediaError.self) { try image.centerCropped(width: 6, height: 1) }
  }

  @Test func configurationIsValidated() {
    #expect(throws: MediaError.self) {
      try Preprocessing(shortSide: 100, crop: 120, filter: .bicubic, normalization: .clip)
    }
    #expect(throws: MediaError.self) { try Normalization(mean: [0, 0, 0], std: [1, 0, 1]) }
    #expect(throws: MediaError.self) { try Normalization(mean: [0, 0], std: [1, 1, 1]) }
  }
}
