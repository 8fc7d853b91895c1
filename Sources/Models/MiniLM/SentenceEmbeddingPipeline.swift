import Foundation

/// What sentence-transformers does around the BERT encoder, from the model's
/// `modules.json`, `sentence_bert_config.json` and the pooling module's `config.json`.
///
/// Supported: `Transformer` → `Pooling` with mean pooling only → optional `Normalize`
/// (L2 normalisation of each embedding). Any other module or pooling mode is an error
/// naming the file and the key.
///
/// Reference: sentence-transformers `SentenceTransformer._load_sbert_model`,
/// `models/Transformer.py`, `models/Pooling.py`, `models/Normalize.py`.
public struct SentenceEmbeddingPipeline: Sendable, Equatable {
  /// Tokens per text at most, `[CLS]` and `[SEP]` included (`max_seq_length`).
  public var maxSequenceLength: Int
  /// Whether texts are lower-cased before tokenisation (`do_lower_case`).
  public var lowercasesInput: Bool
  /// The pooled embedding width (`word_embedding_dimension`).
  public var embeddingDimension: Int
  /// Whether embeddings are divided by their L2 norm (a `Normalize` module is listed).
  public var normalizes: Bool
  /// The pooling module's folder inside the model directory, e.g. `1_Pooling`.
  public var poolingPath: String

  /// A pipeline from its values.
  public init(maxSequenceLength: Int, lowercasesInput: Bool, embeddingDimension: Int, normalizes: Bool, poolingPath: String) {
    self.maxSequenceLength = maxSequenceLength
    self.lowercasesInput = lowercasesInput
    self.embeddingDimension = embeddingDimension
    self.normalizes = normalizes
    self.poolingPath = poolingPath
  }

  /// One entry of `modules.json`.
  struct Module: Decodable {
    var path: String
    var type: String
  }

  /// `sentence_bert_config.json`.
  struct TransformerSettings: Decodable {
    var maxSequenceLength: Int
    var doLowerCase: Bool?
    enum CodingKeys: String, CodingKey {
      case maxSequenceLength = "max_seq_length", doLowerCase = "do_lower_case"
    }
  }

  /// The pooling module's `config.json`: the embedding width and every `pooling_mode_*`
  /// flag present.
  struct PoolingSettings: Decodable {
    var dimension: Int
    var modes: [String: Bool]

    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: Key.self)
      dimension = try c.decode(Int.self, forKey: Key(stringValue: "word_embedding_dimension"))
      var modes: [String: Bool] = [:]
      for key in c.allKeys where key.stringValue.hasPrefix("pooling_mode_") {
        modes[key.stringValue] = try c.decode(Bool.self, forKey: key)
      }
      self.modes = modes
    }
  }

  static let transformerType = "sentence_transformers.models.Transformer"
  static let poolingType = "sentence_transformers.models.Pooling"
  static let normalizeType = "sentence_transformers.models.Normalize"

  /// Reads and validates the three files under `directory`.
  ///
  /// - Parameter hiddenSize: the encoder's width, which the pooling dimension must equal.
  /// - Parameter maxPositions: the encoder's position table, which bounds `max_seq_length`.
  /// - Throws: `ModelError` naming the file and key at fault (an unsupported module type, a
  ///   pooling mode other than mean, a dimension that is not `hiddenSize`, …).
  public static func load(directory: URL, hiddenSize: Int, maxPositions: Int) throws(ModelError) -> SentenceEmbeddingPipeline {
    let modules = try JSONConfigFile.decode([Module].self, from: directory.appendingPathComponent("modules.json"), name: "modules.json")
    let types = modules.map(\.type)
    let expected = [transformerType, poolingType, normalizeType]
    guard types == Array(expected.prefix(2)) || types == expected else {
      let position = types.indices.first { $0 >= expected.count || types[$0] != expected[$0] } ?? types.count
      throw JSONConfigFile.invalid(
        "modules.json", key: "[\(position)].type",
        "expected the modules Transformer, Pooling and optionally Normalize, got [\(types.joined(separator: ", "))]")
    }
    let settingsName = "sentence_bert_config.json"
    let settings = try JSONConfigFile.decode(
      TransformerSettings.self, from: directory.appendingPathComponent(settingsName), name: settingsName)
    guard (2...maxPositions).contains(settings.maxSequenceLength) else {
      throw JSONConfigFile.invalid(settingsName, key: "max_seq_length", "\(settings.maxSequenceLength) is outside 2...\(maxPositions)")
    }
    let poolingPath = modules[1].path
    let poolingName = poolingPath + "/config.json"
    let pooling = try JSONConfigFile.decode(
      PoolingSettings.self, from: directory.appendingPathComponent(poolingName), name: poolingName)
    guard pooling.dimension == hiddenSize else {
      throw JSONConfigFile.invalid(poolingName, key: "word_embedding_dimension", "\(pooling.dimension), but the encoder's hidden_size is \(hiddenSize)")
    }
    let meanKey = "pooling_mode_mean_tokens"
    guard pooling.modes[meanKey] == true else { throw JSONConfigFile.invalid(poolingName, key: meanKey, "only mean pooling is supported; it must be true") }
    if let other = pooling.modes.filter({ $0.key != meanKey && $0.value }).keys.sorted().first {
      throw JSONConfigFile.invalid(poolingName, key: other, "only mean pooling is supported; it must be false")
    }
    return SentenceEmbeddingPipeline(
      maxSequenceLength: settings.maxSequenceLength, lowercasesInput: settings.doLowerCase ?? false,
      embeddingDimension: pooling.dimension, normalizes: types.count == 3, poolingPath: poolingPath)
  }
}
