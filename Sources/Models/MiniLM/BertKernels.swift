import Foundation
import Tensor

/// The element-wise and row-wise steps of BERT inference on caller-owned buffers of
/// row-major `[rows, width]` token states: no tape, no allocation.
enum BertKernels {
  // MARK: - linear   y = x·Wᵀ + b
  // x: [N, I]   W: [O, I]   b: [O]   →   y: [N, O]
  /// A dense layer on `rows` token states at once: `b` is copied into every output row, then
  /// one sgemm adds `x·Wᵀ`.
  ///
  /// Reference: `torch.nn.Linear` (`BertSelfAttention.query`, `BertIntermediate.dense`, …).
  /// - Complexity: 2·N·I·O flops in one `cblas_sgemm`.
  static func linear(
    _ x: UnsafePointer<Float>, rows: Int, inputs: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    outputs: Int, into y: UnsafeMutablePointer<Float>
  ) {
    for r in 0..<rows { (y + r * outputs).update(from: bias, count: outputs) }
    DenseRowsGEMM.multiply(transposeB: true, m: rows, n: outputs, k: inputs, a: x, b: weight, beta: 1, c: y)
  }

  // MARK: - residual + layer norm   x ← LN(y + x)·γ + β
  // y: [N, D]   x: [N, D]   γ, β: [D]   →   x: [N, D]
  /// BERT's post-LN sub-layer output (`BertSelfOutput`, `BertOutput`): the sub-layer's
  /// projection `y` added to its input `x`, normalised over each row (biased variance), in
  /// place in `x`. With `y == nil`, normalises `x` alone (`BertEmbeddings`).
  ///
  /// Reference: Ba et al. 2016, eq. 4; `torch.nn.LayerNorm`.
  /// - Complexity: O(N·D), three passes per row.
  static func addLayerNorm(
    _ y: UnsafePointer<Float>?, into x: UnsafeMutablePointer<Float>, rows: Range<Int>, width: Int,
    weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float
  ) {
    for r in rows {
      let row = x + r * width
      if let y {
        let residual = y + r * width
        for j in 0..<width { row[j] += residual[j] }
      }
      var mean: Float = 0
      for j in 0..<width { mean += row[j] }
      mean /= Float(width)
      var variance: Float = 0
      for j in 0..<width {
        let centred = row[j] - mean
        variance += centred * centred
      }
      let scale = 1 / (variance / Float(width) + epsilon).squareRoot()
      for j in 0..<width { row[j] = (row[j] - mean) * scale * weight[j] + bias[j] }
    }
  }

  // MARK: - self-attention of one sequence   Y_h = softmax(Q_h·K_hᵀ/√d)·V_h
  // qkv: [L, 3D] (row stride 3D; head h owns columns h·d..<(h+1)·d of each block)
  //   →   y: [L, D] (row stride D, heads side by side)
  /// Multi-head scaled dot-product attention of one unpadded sequence, read straight from the
  /// packed query-key-value projection: per head one sgemm for the scores, a fused row
  /// softmax, one sgemm for the weighted values.
  ///
  /// Attending only to the sequence's own `L` tokens equals BERT's padded batch with its
  /// additive mask (`finfo.min` on padded keys gives them weight exactly 0).
  ///
  /// Reference: Vaswani et al. 2017, eq. 1; transformers `BertSelfAttention`.
  /// - Parameter scores: scratch of at least `L·L` floats.
  /// - Complexity: 4·H·L²·d flops in 2·H sgemms, H·L² `exp`.
  static func attention(
    _ qkv: UnsafePointer<Float>, length: Int, heads: Int, headWidth: Int,
    scores: UnsafeMutablePointer<Float>, into y: UnsafeMutablePointer<Float>
  ) {
    let model = heads * headWidth
    let width = 3 * model
    let scale = 1 / Float(headWidth).squareRoot()
    for h in 0..<heads {
      let q = qkv + h * headWidth
      DenseRowsGEMM.multiply(
        transposeB: true, m: length, n: length, k: headWidth, alpha: scale, a: q, lda: width, b: q + model,
        ldb: width, beta: 0, c: scores)
      softmaxRows(scores, rows: length, columns: length)
      DenseRowsGEMM.multiply(
        m: length, n: headWidth, k: length, a: scores, b: q + 2 * model, ldb: width, beta: 0, c: y + h * headWidth,
        ldc: model)
    }
  }

  /// Softmax of each row of a `[rows, columns]` block in place, max subtracted.
  static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
    for r in 0..<rows {
      let row = x + r * columns
      var m = -Float.infinity
      for j in 0..<columns { m = max(m, row[j]) }
      var total: Float = 0
      for j in 0..<columns {
        let e = exp(row[j] - m)
        row[j] = e
        total += e
      }
      let inverse = 1 / total
      for j in 0..<columns { row[j] *= inverse }
    }
  }
}
