import Foundation
import Models
import Tensor
import TestSupport
import Testing

/// The packed, fused inference path against its composite twin: a small random BERT run
/// with the autodiff ops of `Tensor` on a *padded* batch with a key-padding mask and masked
/// mean pooling, as transformers' `BertModel` and sentence-transformers' `Pooling` do.
@Suite struct MiniLMCompositeTests {
  static let configuration = BertConfiguration(
    hiddenSize: 8, layerCount: 2, headCount: 2, intermediateSize: 12, layerNormEpsilon: 1e-12, maxPositions: 10,
    typeVocabularySize: 2, vocabularySize: 9)

  @Test func packedBatchesMatchPaddedMaskedComposite() throws {
    var generator = SplitMix64(seed: 7)
    let c = Self.configuration
    let checkpoint = Checkpoint(tensors: Self.shapes(c).map { name, shape in
      let values = Tensor(uniform: shape, in: -1..<1, generator: &generator)
      return NamedTensor(name: name, tensor: values, storedType: .f32)
    })
    let weights = try BertWeights(checkpoint: checkpoint, configuration: c, file: "tiny.safetensors")
    let tokenizer = try BertTokenizer(vocabulary: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "b", "c", "d", "e"], maxLength: 10)
    let pipeline = SentenceEmbeddingPipeline(
      maxSequenceLength: 10, lowercasesInput: false, embeddingDimension: 8, normalizes: true, poolingPath: "1_Pooling")
    let model = try MiniLM(configuration: c, pipeline: pipeline, tokenizer: tokenizer, weights: weights, weightsSHA256: "")
    let sequences = [[2, 4, 5, 3], [2, 3], [2, 8, 7, 6, 5, 4, 1, 3], [2, 6, 3]]

    let packed = model.encode(tokenIDs: sequences, batchSize: 3)
    let reference = Self.composite(sequences, checkpoint: checkpoint, configuration: c)
    #expect(packed.shape == [4, 8])
    let difference = zip(packed.storage, reference.storage).map { abs($0 - $1) }.max() ?? .infinity
    #expect(difference <= 2e-6, "max |Δ| \(difference)")
  }

  /// transformers `BertModel` on a batch padded to its longest sequence (token type 0,
  /// additive key mask), then masked mean pooling and L2 normalisation.
  static func composite(_ sequences: [[Int]], checkpoint: Checkpoint, configuration c: BertConfiguration) -> Tensor {
    let tape = Tape(recordsGradients: false)
    func p(_ name: String) -> Variable { tape.constant(checkpoint[name] ?? Tensor(zeros: [0])) }
    let (b, t, d) = (sequences.count, sequences.map(\.count).max() ?? 0, c.hiddenSize)
    let ids = sequences.flatMap { $0 + Array(repeating: 0, count: t - $0.count) }
    let padding = sequences.map { s in (0..<t).map { $0 >= s.count } }
    var x = embedding(p("embeddings.word_embeddings.weight"), indices: ids, shape: [b, t])
      + embedding(p("embeddings.position_embeddings.weight"), indices: Array(0..<t), shape: [1, t])
      + embedding(p("embeddings.token_type_embeddings.weight"), indices: [0], shape: [1, 1])
    x = layerNorm(x, weight: p("embeddings.LayerNorm.weight"), bias: p("embeddings.LayerNorm.bias"), epsilon: c.layerNormEpsilon)
    for layer in 0..<c.layerCount {
      func w(_ name: String) -> Variable { p("encoder.layer.\(layer).\(name)") }
      let qkv = concatenate(
        ["query", "key", "value"].map { linear(x, weight: w("attention.self.\($0).weight"), bias: w("attention.self.\($0).bias")) },
        axis: 2)
      let context = fusedSelfAttention(qkv, heads: c.headCount, mask: AttentionMask(keyPadding: padding))
      let attended = linear(context, weight: w("attention.output.dense.weight"), bias: w("attention.output.dense.bias"))
      x = layerNorm(
        attended + x, weight: w("attention.output.LayerNorm.weight"), bias: w("attention.output.LayerNorm.bias"),
        epsilon: c.layerNormEpsilon)
      let hidden = gelu(linear(x, weight: w("intermediate.dense.weight"), bias: w("intermediate.dense.bias")))
      let output = linear(hidden, weight: w("output.dense.weight"), bias: w("output.dense.bias"))
      x = layerNorm(output + x, weight: w("output.LayerNorm.weight"), bias: w("output.LayerNorm.bias"), epsilon: c.layerNormEpsilon)
    }
    let mask = tape.constant(Tensor(shape: [b, t, 1], storage: padding.flatMap { $0.map { $0 ? 0 : 1 } }))
    let counts = tape.constant(Tensor(shape: [b, 1], storage: sequences.map { Float($0.count) }))
    let pooled = sum(x * mask, axis: 1) / counts
    return pooled.value.l2NormalizedRows().reshaped([b, d])
  }

  /// Every `BertModel` tensor name with its shape for `c`.
  static func shapes(_ c: BertConfiguration) -> [(String, [Int])] {
    let (d, i) = (c.hiddenSize, c.intermediateSize)
    var shapes: [(String, [Int])] = [
      ("embeddings.word_embeddings.weight", [c.vocabularySize, d]), ("embeddings.position_embeddings.weight", [c.maxPositions, d]),
      ("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, d]), ("embeddings.LayerNorm.weight", [d]),
      ("embeddings.LayerNorm.bias", [d]),
    ]
    for layer in 0..<c.layerCount {
      let perLayer: [(String, [Int])] = [
        ("attention.self.query.weight", [d, d]), ("attention.self.query.bias", [d]), ("attention.self.key.weight", [d, d]),
        ("attention.self.key.bias", [d]), ("attention.self.value.weight", [d, d]), ("attention.self.value.bias", [d]),
        ("attention.output.dense.weight", [d, d]), ("attention.output.dense.bias", [d]),
        ("attention.output.LayerNorm.weight", [d]), ("attention.output.LayerNorm.bias", [d]),
        ("intermediate.dense.weight", [i, d]), ("intermediate.dense.bias", [i]), ("output.dense.weight", [d, i]),
        ("output.dense.bias", [d]), ("output.LayerNorm.weight", [d]), ("output.LayerNorm.bias", [d]),
      ]
      shapes += perLayer.map { ("encoder.layer.\(layer).\($0.0)", $0.1) }
    }
    return shapes
  }
}
