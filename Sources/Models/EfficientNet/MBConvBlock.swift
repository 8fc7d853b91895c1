// MARK: - MBConv block   y = project(depthwise(expand(x))) (+ x)
// x: [S·S, Cin]   →   y: [S'·S', Cout]      (one image, channels last; S' = ⌈S/stride⌉)

/// A mobile inverted bottleneck without squeeze-excitation, batch norms folded: 1×1
/// expansion with ReLU6 (absent when the expansion ratio is 1), depthwise convolution with
/// ReLU6, linear 1×1 projection, plus the input when the stride is 1 and widths agree.
/// Drop-connect is a training-time op and absent here.
///
/// Reference: `efficientnet_lite_pytorch/model.py`, `MBConvBlock.forward`; M. Sandler et
/// al., "MobileNetV2", CVPR 2018, §3.3.
struct MBConvBlock: Sendable {
  let spec: MBConvSpec
  /// `nil` when `spec.expansion == 1`.
  let expand: PointwiseConvolution?
  let depthwise: DepthwiseConvolution
  let project: PointwiseConvolution

  /// The block on one image, in two scratch buffers of `largestActivation` floats.
  ///
  /// - Parameters:
  ///   - x: `[S·S, Cin]`, kept (it may be the skip).
  ///   - first, second: scratch, overwritten; distinct from `x` and from each other.
  /// - Returns: `first` or `second`, whichever holds `y: [S'·S', Cout]`.
  /// - Complexity: `spec.multiplyAdds` multiply-adds.
  func forward(
    _ x: UnsafeMutablePointer<Float>, _ first: UnsafeMutablePointer<Float>, _ second: UnsafeMutablePointer<Float>
  ) -> UnsafeMutablePointer<Float> {
    let residual = spec.hasSkip ? UnsafePointer(x) : nil
    guard let expand else {
      depthwise.forward(x, into: first)
      project.forward(first, pixels: depthwise.outputPixels, residual: residual, into: second)
      return second
    }
    expand.forward(x, pixels: spec.inputSide * spec.inputSide, into: first)
    depthwise.forward(first, into: second)
    project.forward(second, pixels: depthwise.outputPixels, residual: residual, into: first)
    return first
  }
}
