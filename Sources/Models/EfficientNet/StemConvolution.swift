import Tensor

// MARK: - stem   y = relu6(conv3×3/2(x) + b)
// x: [3, 224, 224] (NCHW image)   W: [32, 3·3·3]   b: [32]   →   y: [112·112, 32] (channels last)

/// EfficientNet's stem: a 3×3 stride-2 convolution from RGB to 32 channels with TensorFlow
/// `SAME` padding (0 rows before, 1 after at 224²), batch norm folded, ReLU6. Unfolds the
/// channel-major input into patch rows (im2col, columns ordered `(c, kh, kw)` as PyTorch's
/// weight), then one sgemm turns it channels last.
///
/// Reference: `efficientnet_lite_pytorch/model.py`, `EfficientNet.extract_features`
/// (`_swish(_bn0(_conv_stem(inputs)))`); K. Chellapilla et al., "High Performance
/// Convolutional Neural Networks for Document Processing", IWFHR 2006 (im2col + GEMM).
struct StemConvolution: Sendable {
  let convolution: PointwiseConvolution
  let padding: SamePadding

  /// Folds `norm` into the stem weight `[32, 3, 3, 3]`.
  init(weight: Tensor, norm: BatchNorm2d, padding: SamePadding) {
    convolution = PointwiseConvolution(
      weight: weight.reshaped([weight.shape[0], weight.count / weight.shape[0], 1, 1]), norm: norm, clamps: true)
    self.padding = padding
  }

  /// Output pixels per image (`112·112`).
  var outputPixels: Int { padding.output * padding.output }

  /// The stem on one channel-major image.
  ///
  /// - Parameters:
  ///   - image: `[3, side, side]` with `side == padding.input`.
  ///   - patches: scratch of `outputPixels · 27` floats.
  ///   - y: `[outputPixels, 32]`.
  /// - Complexity: O(HO·WO·27) to unfold, 2·HO·WO·27·32 flops in one sgemm.
  func forward(_ image: UnsafePointer<Float>, patches: UnsafeMutablePointer<Float>, into y: UnsafeMutablePointer<Float>) {
    let (side, k, s, out) = (padding.input, padding.kernel, padding.stride, padding.output)
    let channels = convolution.inputs / (k * k)
    let width = convolution.inputs
    for oh in 0..<out {
      for ow in 0..<out {
        let row = patches + (oh * out + ow) * width
        for c in 0..<channels {
          for kh in 0..<k {
            let ih = oh * s - padding.before + kh
            for kw in 0..<k {
              let iw = ow * s - padding.before + kw
              let inside = ih >= 0 && ih < side && iw >= 0 && iw < side
              row[(c * k + kh) * k + kw] = inside ? image[(c * side + ih) * side + iw] : 0
            }
          }
        }
      }
    }
    convolution.forward(patches, pixels: outputPixels, into: y)
  }
}
