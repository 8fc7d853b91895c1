import Foundation

/// The architecture of a BERT encoder, from a Hugging Face `config.json`.
///
/// Only what `BertModel` needs for inference with absolute position embeddings and the exact
/// (erf) GELU; anything else is an error naming the key.
///
/// Reference: transformers `models/bert/configuration_bert.py` (`BertConfig`).
public struct BertConfiguration: Sendable, Equatable, Decodable {
  /// Width of every token state `D` (`hidden_size`).
  public var hiddenSize: Int
  /// Transformer layers (`num_hidden_layers`).
  public var layerCount: Int
  /// Attention heads `H`; `D` must be a multiple of `H` (`num_attention_heads`).
  public var headCount: Int
  /// Width of the feed-forward block (`intermediate_size`).
  public var intermediateSize: Int
  /// The ε of every layer norm (`layer_norm_eps`).
  public var layerNormEpsilon: Float
  /// Rows of the position embedding table, the longest sequence (`max_position_embeddings`).
  public var maxPositions: Int
  /// Rows of the token-type embedding table (`type_vocab_size`).
  public var typeVocabularySize: Int
  /// Rows of the word embedding table (`vocab_size`).
  public var vocabularySize: Int

  /// The width of one head, `D / H`.
  public var headWidth: Int { hiddenSize / headCount }

  enum CodingKeys: String, CodingKey {
    case hiddenSize = "hidden_size", layerCount = "num_hidden_layers", headCount = "num_attention_heads"
    case intermediateSize = "intermediate_size", layerNormEpsilon = "layer_norm_eps"
    case maxPositions = "max_position_embeddings", typeVocabularySize = "type_vocab_size"
    case vocabularySize = "vocab_size", hiddenAct = "hidden_act", modelType = "model_type"
    case positionEmbeddingType = "position_embedding_type"
  }

  /// A configuration from its values (checked by `validate()` in `load`).
  public init(
    hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, layerNormEpsilon: Float,
    maxPositions: Int, typeVocabularySize: Int, vocabularySize: Int
  ) {
    self.hiddenSize = hiddenSize
    self.layerCount = layerCount
    self.headCount = headCount
    self.intermediateSize = intermediateSize
    self.layerNormEpsilon = layerNormEpsilon
    self.maxPositions = maxPositions
    self.typeVocabularySize = typeVocabularySize
    self.vocabularySize = vocabularySize
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
    layerCount = try c.decode(Int.self, forKey: .layerCount)
    headCount = try c.decode(Int.self, forKey: .headCount)
    intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
    layerNormEpsilon = try c.decode(Float.self, forKey: .layerNormEpsilon)
    maxPositions = try c.decode(Int.self, forKey: .maxPositions)
    typeVocabularySize = try c.decode(Int.self, forKey: .typeVocabularySize)
    vocabularySize = try c.decode(Int.self, forKey: .vocabularySize)
    try Self.require(c, .hiddenAct, ["gelu"], required: true)
    try Self.require(c, .modelType, ["bert"], required: false)
    try Self.require(c, .positionEmbeddingType, ["absolute"], required: false)
  }

  /// Reads and validates `config.json` at `url`.
  ///
  /// - Throws: `ModelError.malformedFile` naming `config.json` and the key that is missing,
  ///   mistyped or unsupported (`hidden_act` other than `gelu`, a non-absolute
  ///   `position_embedding_type`, a `hidden_size` not divisible by the head count, …).
  public static func load(contentsOf url: URL, name: String = "config.json") throws(ModelError) -> BertConfiguration {
    let configuration = try JSONConfigFile.decode(BertConfiguration.self, from: url, name: name)
    try configuration.validate(file: name)
    return configuration
  }

  /// Checks that every size is positive, `D` divides into heads and ε is positive and finite.
  public func validate(file: String = "config.json") throws(ModelError) {
    let sizes: [(CodingKeys, Int)] = [
      (.hiddenSize, hiddenSize), (.layerCount, layerCount), (.headCount, headCount),
      (.intermediateSize, intermediateSize), (.maxPositions, maxPositions),
      (.typeVocabularySize, typeVocabularySize), (.vocabularySize, vocabularySize),
    ]
    for (key, value) in sizes where value < 1 {
      throw JSONConfigFile.invalid(file, key: key.rawValue, "\(value) is not positive")
    }
    guard hiddenSize % headCount == 0 else {
      throw JSONConfigFile.invalid(
        file, key: CodingKeys.headCount.rawValue, "\(headCount) heads do not divide hidden_size \(hiddenSize)")
    }
    guard layerNormEpsilon > 0, layerNormEpsilon.isFinite else {
      throw JSONConfigFile.invalid(file, key: CodingKeys.layerNormEpsilon.rawValue, "\(layerNormEpsilon) is not a positive number")
    }
  }

  /// Throws a decoding error naming `key` unless its string value is in `allowed` (or it is
  /// absent and not `required`).
  private static func require(
    _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ allowed: Set<String>, required: Bool
  ) throws {
    guard required || c.contains(key) else { return }
    let value = try c.decode(String.self, forKey: key)
    guard allowed.contains(value) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: c, debugDescription: "\"\(value)\" is not supported (expected \(allowed.sorted().joined(separator: ", ")))")
    }
  }
}
