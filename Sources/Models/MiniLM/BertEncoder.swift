import Tensor

/// BERT's encoder stack for inference: embeddings, then post-LN transformer layers, run on a
/// `PackedTokenBatch` with every projection one sgemm over all `N` tokens of the batch.
///
/// Reference: transformers `models/bert/modeling_bert.py` (`BertEmbeddings`, `BertLayer`);
/// Devlin et al. 2019, §3.
struct BertEncoder: Sendable {
  let configuration: BertConfiguration
  let weights: BertWeights

  // MARK: - forward   ids: [N] → hidden: [N, D]
  /// The last hidden state of every token (`BertModel(...).last_hidden_state` without the
  /// padding rows), token type 0 and positions counted from 0 in each sequence, left in
  /// `workspace.hidden`. Row-wise steps run on one worker per score block of `workspace`.
  ///
  /// - Complexity: per layer 2·N·D·(4D + 2I) flops in four sgemms plus 4·H·Σ L²·d in
  ///   attention.
  func run(_ batch: PackedTokenBatch, in workspace: BertWorkspace) {
    let c = configuration
    let workers = workspace.scores.count
    let (n, d, i, epsilon) = (batch.tokenCount, c.hiddenSize, c.intermediateSize, c.layerNormEpsilon)
    let w = workspace
    embed(batch, into: w.hidden)
    for layer in weights.layers {
      BertKernels.linear(w.hidden, rows: n, inputs: d, weight: layer.qkvWeight, bias: layer.qkvBias, outputs: 3 * d, into: w.qkv)
      BertParallel.forEachItem(of: batch.count, workers: workers) { worker, s in
        BertKernels.attention(
          w.qkv + batch.starts[s] * 3 * d, length: batch.lengths[s], heads: c.headCount, headWidth: c.headWidth,
          scores: w.scores[worker], into: w.context + batch.starts[s] * d)
      }
      BertKernels.linear(
        w.context, rows: n, inputs: d, weight: layer.attentionOutputWeight, bias: layer.attentionOutputBias, outputs: d,
        into: w.projected)
      BertParallel.forEachPart(of: n, workers: workers) { _, rows in
        BertKernels.addLayerNorm(
          w.projected, into: w.hidden, rows: rows, width: d, weight: layer.attentionNormWeight,
          bias: layer.attentionNormBias, epsilon: epsilon)
      }
      BertKernels.linear(
        w.hidden, rows: n, inputs: d, weight: layer.intermediateWeight, bias: layer.intermediateBias, outputs: i,
        into: w.intermediate)
      BertParallel.forEachPart(of: n, workers: workers) { _, rows in
        BertKernels.gelu(w.intermediate, range: (rows.lowerBound * i)..<(rows.upperBound * i))
      }
      BertKernels.linear(
        w.intermediate, rows: n, inputs: i, weight: layer.outputWeight, bias: layer.outputBias, outputs: d,
        into: w.projected)
      BertParallel.forEachPart(of: n, workers: workers) { _, rows in
        BertKernels.addLayerNorm(
          w.projected, into: w.hidden, rows: rows, width: d, weight: layer.outputNormWeight, bias: layer.outputNormBias,
          epsilon: epsilon)
      }
    }
  }

  // MARK: - embeddings   x_t = LN(word[id_t] + position[p_t] + tokenType[0])
  /// `BertEmbeddings` for token type 0 and positions `0..<L` of each sequence.
  private func embed(_ batch: PackedTokenBatch, into x: UnsafeMutablePointer<Float>) {
    let d = configuration.hiddenSize
    for s in 0..<batch.count {
      for p in 0..<batch.lengths[s] {
        let t = batch.starts[s] + p
        let (row, word, position) = (x + t * d, batch.ids[t] * d, p * d)
        for j in 0..<d {
          row[j] = weights.wordEmbeddings[word + j] + weights.positionEmbeddings[position + j] + weights.tokenTypeEmbeddings[j]
        }
      }
    }
    BertKernels.addLayerNorm(
      nil, into: x, rows: 0..<batch.tokenCount, width: d, weight: weights.embeddingNormWeight,
      bias: weights.embeddingNormBias, epsilon: configuration.layerNormEpsilon)
  }
}
