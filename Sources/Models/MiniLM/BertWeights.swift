import Tensor

/// The parameters of one BERT layer, in the layouts the inference kernels read: every
/// matrix `[out, in]` (PyTorch's `nn.Linear`), query, key and value stacked into one.
///
/// Reference: transformers `models/bert/modeling_bert.py` (`BertLayer`: `BertAttention`,
/// `BertIntermediate`, `BertOutput`).
public struct BertLayerWeights: Sendable {
  /// `[3D, D]`: rows `0..<D` query, `D..<2D` key, `2D..<3D` value.
  public var qkvWeight: [Float]
  /// `[3D]`.
  public var qkvBias: [Float]
  /// `[D, D]` and `[D]`: `attention.output.dense`.
  public var attentionOutputWeight, attentionOutputBias: [Float]
  /// `[D]` each: `attention.output.LayerNorm`.
  public var attentionNormWeight, attentionNormBias: [Float]
  /// `[I, D]` and `[I]`: `intermediate.dense`.
  public var intermediateWeight, intermediateBias: [Float]
  /// `[D, I]` and `[D]`: `output.dense`.
  public var outputWeight, outputBias: [Float]
  /// `[D]` each: `output.LayerNorm`.
  public var outputNormWeight, outputNormBias: [Float]
}

/// The parameters of a `BertModel` (without its pooler, which sentence embeddings do not use)
/// taken from a Hugging Face state dict, every tensor checked by name and shape.
public struct BertWeights: Sendable {
  /// `[V, D]`, `[P, D]` and `[T, D]`: word, position and token-type embeddings.
  public var wordEmbeddings, positionEmbeddings, tokenTypeEmbeddings: [Float]
  /// `[D]` each: `embeddings.LayerNorm`.
  public var embeddingNormWeight, embeddingNormBias: [Float]
  /// One entry per layer.
  public var layers: [BertLayerWeights]
  /// The number of parameters loaded (pooler and buffers excluded).
  public var parameterCount: Int

  /// State-dict entries that are present in `BertModel` checkpoints but unused here.
  public static let ignoredTensors: Set<String> = ["embeddings.position_ids", "pooler.dense.weight", "pooler.dense.bias"]

  /// Takes the tensors of `checkpoint` for `configuration`.
  ///
  /// - Parameter file: the checkpoint's name in errors.
  /// - Throws: `ModelError.malformedTensor` naming the tensor when one is missing, has a shape
  ///   other than `configuration` implies, or is not a `BertModel` tensor at all.
  public init(checkpoint: Checkpoint, configuration c: BertConfiguration, file: String) throws(ModelError) {
    let (d, i) = (c.hiddenSize, c.intermediateSize)
    var expected: [String: [Int]] = [
      "embeddings.word_embeddings.weight": [c.vocabularySize, d],
      "embeddings.position_embeddings.weight": [c.maxPositions, d],
      "embeddings.token_type_embeddings.weight": [c.typeVocabularySize, d],
      "embeddings.LayerNorm.weight": [d], "embeddings.LayerNorm.bias": [d],
    ]
    for layer in 0..<c.layerCount {
      let shapes: [String: [Int]] = [
        "attention.self.query.weight": [d, d], "attention.self.query.bias": [d],
        "attention.self.key.weight": [d, d], "attention.self.key.bias": [d],
        "attention.self.value.weight": [d, d], "attention.self.value.bias": [d],
        "attention.output.dense.weight": [d, d], "attention.output.dense.bias": [d],
        "attention.output.LayerNorm.weight": [d], "attention.output.LayerNorm.bias": [d],
        "intermediate.dense.weight": [i, d], "intermediate.dense.bias": [i],
        "output.dense.weight": [d, i], "output.dense.bias": [d],
        "output.LayerNorm.weight": [d], "output.LayerNorm.bias": [d],
      ]
      for (name, shape) in shapes { expected["encoder.layer.\(layer).\(name)"] = shape }
    }
    if let stray = checkpoint.names.first(where: { expected[$0] == nil && !Self.ignoredTensors.contains($0) }) {
      throw .malformedTensor(file: file, tensor: stray, reason: "not a tensor of a \(c.layerCount)-layer BertModel")
    }
    func take(_ name: String) throws(ModelError) -> [Float] {
      guard let tensor = checkpoint[name] else { throw .malformedTensor(file: file, tensor: name, reason: "missing") }
      let shape = expected[name] ?? []
      guard tensor.shape == shape else {
        throw .malformedTensor(file: file, tensor: name, reason: "shape \(tensor.shape), but config.json implies \(shape)")
      }
      return tensor.storage
    }
    wordEmbeddings = try take("embeddings.word_embeddings.weight")
    positionEmbeddings = try take("embeddings.position_embeddings.weight")
    tokenTypeEmbeddings = try take("embeddings.token_type_embeddings.weight")
    embeddingNormWeight = try take("embeddings.LayerNorm.weight")
    embeddingNormBias = try take("embeddings.LayerNorm.bias")
    var layers: [BertLayerWeights] = []
    for layer in 0..<c.layerCount {
      let p = "encoder.layer.\(layer)."
      layers.append(
        BertLayerWeights(
          qkvWeight: try take(p + "attention.self.query.weight") + take(p + "attention.self.key.weight")
            + take(p + "attention.self.value.weight"),
          qkvBias: try take(p + "attention.self.query.bias") + take(p + "attention.self.key.bias")
            + take(p + "attention.self.value.bias"),
          attentionOutputWeight: try take(p + "attention.output.dense.weight"),
          attentionOutputBias: try take(p + "attention.output.dense.bias"),
          attentionNormWeight: try take(p + "attention.output.LayerNorm.weight"),
          attentionNormBias: try take(p + "attention.output.LayerNorm.bias"),
          intermediateWeight: try take(p + "intermediate.dense.weight"),
          intermediateBias: try take(p + "intermediate.dense.bias"),
          outputWeight: try take(p + "output.dense.weight"), outputBias: try take(p + "output.dense.bias"),
          outputNormWeight: try take(p + "output.LayerNorm.weight"), outputNormBias: try take(p + "output.LayerNorm.bias")))
    }
    self.layers = layers
    parameterCount = expected.values.reduce(0) { $0 + $1.reduce(1, *) }
  }
}
