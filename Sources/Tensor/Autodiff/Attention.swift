/// Which attention scores are forbidden: padded keys and, for decoders, future positions.
public struct AttentionMask: Sendable, Equatable {
  /// `keyPadding[b][s]` is `true` when key `s` of batch item `b` is padding (PyTorch's
  /// `key_padding_mask` convention); `nil` for none.
  public var keyPadding: [[Bool]]?
  /// Whether query `t` may only attend to keys `s ≤ t`.
  public var causal: Bool

  /// A mask from padding flags and the causal switch.
  public init(keyPadding: [[Bool]]? = nil, causal: Bool = false) {
    self.keyPadding = keyPadding
    self.causal = causal
  }

  /// The additive score bias `[B, 1, T, S]`: 0 where allowed, −∞ where masked.
  func bias(batch: Int, queries: Int, keys: Int) -> Tensor {
    var bias = Tensor(zeros: [batch, 1, queries, keys])
    if let keyPadding {
      precondition(
        keyPadding.count == batch && keyPadding.allSatisfy { $0.count == keys },
        "keyPadding must be [\(batch)][\(keys)]")
    }
    for b in 0..<batch {
      for t in 0..<queries {
        for s in 0..<keys where (causal && s > t) || keyPadding?[b][s] == true {
          bias.storage[(b * queries + t) * keys + s] = -.infinity
        }
      }
    }
    return bias
  }
}

/// Scaled dot-product attention `softmax(Q·Kᵀ/√d + M)·V`, composed from batched `matmul`,
/// a constant mask bias and `softmax` (so its backward is theirs).
///
/// A query whose keys are all masked gets zero attention weights (and output), not NaN.
///
/// Reference: A. Vaswani et al., "Attention Is All You Need", NeurIPS 2017, eq. 1.
/// - Parameters:
///   - query: `[B, H, T, d]`.
///   - key: `[B, H, S, d]`.
///   - value: `[B, H, S, dv]`.
///   - mask: forbidden scores, or `nil`.
/// - Returns: `[B, H, T, dv]`.
/// - Complexity: O(B·H·T·S·(d + dv)) in 2·B·H small sgemms.
public func scaledDotProductAttention(
  query: Variable, key: Variable, value: Variable, mask: AttentionMask? = nil
) -> Variable {
  precondition(query.shape.count == 4 && key.shape.count == 4, "attention needs [B, H, T, d] inputs")
  let (batch, queries, keys) = (query.shape[0], query.shape[2], key.shape[2])
  let scale = 1 / Float(query.shape[3]).squareRoot()
  var scores = matmul(query, key, transposeB: true) * scale  // [B, H, T, S]
  if let mask {
    scores = scores + query.tape.constant(mask.bias(batch: batch, queries: queries, keys: keys))
  }
  return matmul(softmax(scores), value)
}
