// MARK: - fused multi-head self-attention   y_h = softmax(Q_h·K_hᵀ/√d + M)·V_h
// qkv: [B, T, 3D] (query, key and value blocks of D = H·d columns; head h owns columns
// h·d..<(h + 1)·d of each block)   →   y: [B, T, D] (heads side by side)
/// Scaled dot-product attention of all heads read straight from a packed projection: each
/// head's `Q`, `K`, `V` are `[T, d]` column blocks addressed through sgemm leading
/// dimensions, so no head split, permutation or merge is copied. Forward keeps the
/// attention weights `P` (`[B, H, T, T]`); backward per head, with `s = 1/√d`:
/// `dP = dY_h·V_hᵀ`, `dV_h += Pᵀ·dY_h`, `dS = s·P ⊙ (dP − rowsum(dP ⊙ P))`,
/// `dQ_h += dS·K_h`, `dK_h += dSᵀ·Q_h`.
///
/// A fused kernel: its composite twin (head split with `reshape`/`permute`/`slice`, then
/// `scaledDotProductAttention`, then merge) is the test oracle.
///
/// Reference: Vaswani et al. 2017, eq. 1 and §3.2.2.
/// - Complexity: 4·B·H·T²·d flops forward in 2·B·H sgemms, twice that backward.
public func fusedSelfAttention(_ qkv: Variable, heads: Int, mask: AttentionMask? = nil) -> Variable {
  let packed = qkv.value
  precondition(packed.rank == 3 && packed.shape[2] % (3 * heads) == 0, "fusedSelfAttention: qkv \(packed.shape), \(heads) heads")
  let (batch, length, width) = (packed.shape[0], packed.shape[1], packed.shape[2])
  let model = width / 3
  let head = HeadLayout(batch: batch, length: length, model: model, headWidth: model / heads, heads: heads)
  var scores = Tensor(zeros: [batch, heads, length, length])
  scores.storage.withUnsafeMutableBufferPointer { ps in
    guard let s = ps.baseAddress else { return }
    head.forEach(packed.storage) { q, k, _, pair in  // S = s·Q·Kᵀ
      gemm(
        transposeB: true, m: length, n: length, k: head.headWidth, alpha: head.scale, a: q, lda: width, b: k,
        ldb: width, beta: 0, c: s + pair.scores)
    }
  }
  if let mask {
    let bias = mask.bias(batch: batch, queries: length, keys: length)
    scores = broadcastBinary(scores, bias, +)
  }
  let weights = softmaxRows(scores, logarithm: false)
  var y = Tensor(zeros: [batch, length, model])
  weights.storage.withUnsafeBufferPointer { pw in
    y.storage.withUnsafeMutableBufferPointer { py in
      guard let p = pw.baseAddress, let out = py.baseAddress else { return }
      head.forEach(packed.storage) { _, _, v, pair in  // Y_h = P·V_h
        gemm(m: length, n: head.headWidth, k: length, a: p + pair.scores, b: v, ldb: width, beta: 0, c: out + pair.output, ldc: model)
      }
    }
  }
  return qkv.tape.record(y, parents: [qkv]) { dy, p in
    p[0].tape.accumulate(p[0]) { dqkv in
      head.backward(packed: packed.storage, weights: weights.storage, dy: dy.storage, into: dqkv)
    }
  }
}

/// Where each head's blocks live in the packed projection, its scores and the output.
private struct HeadLayout {
  let batch, length, model, headWidth, heads: Int
  var scale: Float { 1 / Float(headWidth).squareRoot() }

  /// Offsets for batch item `b` and head `h`: into the packed `[B, T, 3D]` projection
  /// (query block; key and value follow at `+D`, `+2D`), the `[B, H, T, T]` scores and the
  /// `[B, T, D]` output.
  struct Pair { let packed, scores, output: Int }

  func pair(_ b: Int, _ h: Int) -> Pair {
    Pair(
      packed: b * length * 3 * model + h * headWidth, scores: (b * heads + h) * length * length,
      output: b * length * model + h * headWidth)
  }

  /// Calls `body(Q, K, V, pair)` for every batch item and head, with pointers to the
  /// head's query, key and value blocks (row stride `3D`).
  func forEach(
    _ packed: [Float], _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, Pair) -> Void
  ) {
    packed.withUnsafeBufferPointer { pp in
      guard let base = pp.baseAddress else { return }
      for b in 0..<batch {
        for h in 0..<heads {
          let pair = pair(b, h)
          let q = base + pair.packed
          body(q, q + model, q + 2 * model, pair)
        }
      }
    }
  }

  /// Adds the gradients of all heads' query, key and value blocks into `dqkv`.
  func backward(packed: [Float], weights: [Float], dy: [Float], into dqkv: UnsafeMutableBufferPointer<Float>) {
    let width = 3 * model
    var dScores = [Float](repeating: 0, count: length * length)
    weights.withUnsafeBufferPointer { pw in
      dy.withUnsafeBufferPointer { pg in
        guard let weights = pw.baseAddress, let gradient = pg.baseAddress, let target = dqkv.baseAddress else { return }
        forEach(packed) { q, k, v, pair in
          let (p, dOut, dq) = (weights + pair.scores, gradient + pair.output, target + pair.packed)
          dScores.withUnsafeMutableBufferPointer { ds in
            guard let ds = ds.baseAddress else { return }
            // dP [T, T] = dY_h·V_hᵀ;  dV_h [T, d] += Pᵀ·dY_h
            gemm(transposeB: true, m: length, n: length, k: headWidth, a: dOut, lda: model, b: v, ldb: width, beta: 0, c: ds)
            gemm(transposeA: true, m: length, n: headWidth, k: length, a: p, b: dOut, ldb: model, beta: 1, c: dq + 2 * model, ldc: width)
            // dS = s·P ⊙ (dP − rowsum(dP ⊙ P)), row by row
            for t in 0..<length {
              let (row, weightsRow) = (ds + t * length, p + t * length)
              var dot: Float = 0
              for j in 0..<length { dot += row[j] * weightsRow[j] }
              for j in 0..<length { row[j] = scale * weightsRow[j] * (row[j] - dot) }
            }
            // dQ_h += dS·K_h;  dK_h += dSᵀ·Q_h
            gemm(m: length, n: headWidth, k: length, a: ds, b: k, ldb: width, beta: 1, c: dq, ldc: width)
            gemm(transposeA: true, m: length, n: headWidth, k: length, a: ds, b: q, ldb: width, beta: 1, c: dq + model, ldc: width)
          }
        }
      }
    }
  }
}
