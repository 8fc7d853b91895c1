import Tensor

// MARK: - pointwise convolution   y = act(x·Wᵀ + b (+ r))
// x: [P, C]   W: [O, C]   b: [O]   r: [P, O]   →   y: [P, O]      (one image, channels last)

/// A 1×1 convolution with batch norm folded in (expand, project and head convolutions of
/// EfficientNet): on channels-last pixels it is exactly a matrix product, one sgemm with
/// the weight as PyTorch stores it, then a fused bias / residual / ReLU6 pass.
struct PointwiseConvolution: Sendable {
  /// `[O, C]`: PyTorch's `[O, C, 1, 1]` weight scaled by the batch norm.
  let weight: [Float]
  /// `[O]`: the folded batch norm shift.
  let bias: [Float]
  let inputs, outputs: Int
  /// ReLU6 after the bias (every 1×1 convolution but the projections).
  let clamps: Bool

  /// Folds `norm` into the bias-free convolution `weight` `[O, C, 1, 1]`.
  init(weight: Tensor, norm: BatchNorm2d, clamps: Bool) {
    let folded = norm.folded(weight: weight, bias: nil)
    self.weight = folded.weight.storage
    bias = folded.bias.storage
    (outputs, inputs) = (weight.shape[0], weight.shape[1])
    self.clamps = clamps
  }

  /// `y = act(x·Wᵀ + b + r)` for the `pixels` rows of `x`.
  ///
  /// - Parameters:
  ///   - x: `[pixels, inputs]`.
  ///   - residual: `[pixels, outputs]`, added before the activation, or `nil`.
  ///   - y: `[pixels, outputs]`, distinct from `x` and `residual`.
  /// - Complexity: 2·P·C·O flops in one `cblas_sgemm`, then one O(P·O) pass.
  func forward(
    _ x: UnsafePointer<Float>, pixels: Int, residual: UnsafePointer<Float>? = nil, into y: UnsafeMutablePointer<Float>
  ) {
    weight.withUnsafeBufferPointer { w in
      bias.withUnsafeBufferPointer { b in
        guard let w = w.baseAddress, let b = b.baseAddress else { return }
        DenseRowsGEMM.multiply(transposeB: true, m: pixels, n: outputs, k: inputs, a: x, b: w, beta: 0, c: y)
        FusedEpilogue(clamps: clamps).apply(y, rows: pixels, width: outputs, bias: b, residual: residual)
      }
    }
  }
}
