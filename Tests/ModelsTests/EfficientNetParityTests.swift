import Foundation
import Media
import Models
import Tensor
import TestSupport
import Testing

/// EfficientNet-Lite0 against PyTorch (`efficientnet-lite-pytorch` with the same checkpoint)
/// on 36 real images: 20 MVSA photos, 8 clipart drawings, 8 Fashion-MNIST items.
@Suite struct EfficientNetParityTests {
  /// Reprise's resize and crop give Pillow's pixels: equal channel sums over the whole
  /// 224² crop and at most one grey level apart on every sampled pixel.
  @Test func preprocessingMatchesPillow() throws {
    let fixture = try EfficientNetFixture.parity()
    let model = try EfficientNetFixture.model()
    #expect(fixture.images.count >= 32)
    for record in fixture.images {
      let crop = try model.configuration.preprocessing.resizedAndCropped(try EfficientNetFixture.image(record))
      var sums = [0, 0, 0]
      for (i, value) in crop.pixels.enumerated() { sums[i % 3] += Int(value) }
      #expect(sums == record.cropChannelSums, "\(record.path)")
      let step = fixture.sampleStep
      var samples: [UInt8] = []
      for y in stride(from: 0, to: crop.height, by: step) {
        for x in stride(from: 0, to: crop.width, by: step) { samples += crop.pixels[(3 * (y * crop.width + x))..<(3 * (y * crop.width + x) + 3)] }
      }
      let expected = try EfficientNetFixture.bytes(record.cropSamples)
      #expect(samples.count == expected.count)
      #expect(zip(samples, expected).allSatisfy { abs(Int($0) - Int($1)) <= 1 }, "\(record.path)")
    }
  }

  /// Logits within 1e-3 and the same top-1 class on every image; pooled features within
  /// 1e-4 where the fixture has them in full, and their sum, norm and top-8 elsewhere.
  @Test func logitsAndFeaturesMatchPyTorch() throws {
    let fixture = try EfficientNetFixture.parity()
    let model = try EfficientNetFixture.model()
    let images = try fixture.images.map(EfficientNetFixture.image)
    let outputs = model.outputs(preprocessed: try model.preprocess(images))
    #expect(outputs.logits.shape == [images.count, 1000])
    #expect(outputs.features.shape == [images.count, 1280])
    var largestLogitDifference: Float = 0
    for (i, record) in fixture.images.enumerated() {
      let logits = Array(outputs.logits[row: i])
      let expectedLogits = try EfficientNetFixture.floats(record.logits)
      assertClose(logits, expectedLogits, atol: 1e-3, "logits of \(record.path)")
      largestLogitDifference = max(largestLogitDifference, zip(logits, expectedLogits).map { abs($0 - $1) }.max() ?? 0)
      #expect(argmax(logits) == argmax(expectedLogits), "top-1 of \(record.path)")
      let features = Array(outputs.features[row: i])
      if let full = record.features {
        assertClose(features, try EfficientNetFixture.floats(full), atol: 1e-4, "features of \(record.path)")
      }
      let sum = features.reduce(0.0) { $0 + Double($1) }
      let norm = features.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
      #expect(abs(sum - record.featureSum) <= 1e-4 * record.featureSum, "feature sum of \(record.path)")
      #expect(abs(norm - record.featureNorm) <= 1e-4 * record.featureNorm, "feature norm of \(record.path)")
      for pair in record.featureTop {
        #expect(abs(Double(features[Int(pair[0])]) - pair[1]) <= 1e-4, "feature \(Int(pair[0])) of \(record.path)")
      }
    }
    #expect(largestLogitDifference > 0, "exact equality would mean the fixture was not computed independently")
  }

  /// `encode(images:)` (preprocessing inside the workers, two threads) gives the same rows
  /// as preprocessing first and running the network on one thread.
  @Test func encodeMatchesThePreprocessedPathOnTwoThreads() throws {
    let fixture = try EfficientNetFixture.parity()
    let records = stride(from: 0, to: fixture.images.count, by: 9).map { fixture.images[$0] }
    let images = try records.map(EfficientNetFixture.image)
    let single = try EfficientNetFixture.model()
    let two = try EfficientNetLite0.load(
      contentsOf: try EfficientNetFixture.checkpointURL(), configuration: try EfficientNetConfiguration(threads: 2))
    let encoded = try two.encode(images: images)
    #expect(encoded == single.features(preprocessed: try single.preprocess(images)))
    #expect(two.info.id == "efficientnet-lite0")
    #expect(two.info.dimension == 1280)
    #expect(two.info.parameterCount == 4_631_000)
    #expect(two.info.weightsSHA256.count == 64)
  }

  private func argmax(_ values: [Float]) -> Int {
    values.indices.max { values[$0] < values[$1] } ?? -1
  }
}
