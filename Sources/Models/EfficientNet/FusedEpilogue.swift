// MARK: - epilogue   y ← act(y + b (+ r))
// y: [P, O]   b: [O]   r: [P, O]   →   y: [P, O]      (channels last)

/// What follows a convolution's sgemm, in one pass over its output while it is still warm:
/// the folded batch-norm bias, an optional residual and an optional ReLU6.
struct FusedEpilogue {
  /// Apply ReLU6 after the bias (and residual).
  let clamps: Bool

  /// Updates `rows` rows of `width` channels in place.
  ///
  /// Reference: `efficientnet_lite_pytorch/model.py`, `MBConvBlock.forward` (`_bn*` then
  /// `_swish`, which is `nn.ReLU6` for the lite models; `x + inputs` for the skip).
  /// - Complexity: O(P·O), one read of `y` (and `r`) and one write.
  func apply(
    _ y: UnsafeMutablePointer<Float>, rows: Int, width: Int, bias: UnsafePointer<Float>, residual: UnsafePointer<Float>?
  ) {
    let vectorEnd = width - width % 8
    for p in 0..<rows {
      let row = y + p * width
      let skip = residual.map { $0 + p * width }
      var c = 0
      while c < vectorEnd {
        var v: SIMD8<Float> = ChannelVectors.load(row + c) + ChannelVectors.load(bias + c)
        if let skip { v += ChannelVectors.load(skip + c) }
        ChannelVectors.store(clamps ? ChannelVectors.relu6(v) : v, row + c)
        c += 8
      }
      while c < width {
        let v = row[c] + bias[c] + (skip?[c] ?? 0)
        row[c] = clamps ? ChannelVectors.relu6(v) : v
        c += 1
      }
    }
  }
}
