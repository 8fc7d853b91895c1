import Tensor

// MARK: - depthwise convolution   y[oh, ow, c] = relu6(Σ_{kh,kw} w[kh, kw, c]·x[oh·s − p + kh, ow·s − p + kw, c] + b[c])
// x: [H, W, C]   w: [K·K, C]   b: [C]   →   y: [HO, WO, C]      (one image, channels last)

/// A depthwise `K × K` convolution with batch norm folded and ReLU6 fused, channels last:
/// each output pixel accumulates its window tap by tap over a vector of consecutive
/// channels held in registers (16 lanes, then 8, then scalars), so every load is
/// contiguous whatever the stride and no im2col is needed. Padding is TensorFlow `SAME`
/// with a fixed input size (`SamePadding`); taps outside the image are skipped.
///
/// Reference: A. G. Howard et al., "MobileNets", arXiv:1704.04861, §3.1;
/// `efficientnet_lite_pytorch/model.py`, `MBConvBlock.forward` (`_depthwise_conv`, `_bn1`,
/// `_swish`).
struct DepthwiseConvolution: Sendable {
  /// `[K·K, C]`: PyTorch's `[C, 1, K, K]` weight scaled by the batch norm, tap-major.
  let weight: [Float]
  /// `[C]`: the folded batch norm shift.
  let bias: [Float]
  let channels: Int
  /// Geometry along either axis (square kernel, input and stride).
  let padding: SamePadding

  /// Folds `norm` into the depthwise weight `[C, 1, K, K]`.
  init(weight: Tensor, norm: BatchNorm2d, padding: SamePadding) {
    let folded = norm.folded(weight: weight, bias: nil)
    let (c, taps) = (weight.shape[0], weight.shape[2] * weight.shape[3])
    var tapMajor = [Float](repeating: 0, count: c * taps)
    for channel in 0..<c {
      for tap in 0..<taps { tapMajor[tap * c + channel] = folded.weight.storage[channel * taps + tap] }
    }
    self.weight = tapMajor
    bias = folded.bias.storage
    channels = c
    self.padding = padding
  }

  /// Output pixels per image.
  var outputPixels: Int { padding.output * padding.output }

  /// The convolution of one image.
  ///
  /// - Parameters:
  ///   - x: `[side, side, C]` with `side == padding.input`.
  ///   - y: `[out, out, C]` with `out == padding.output`, distinct from `x`.
  /// - Complexity: 2·HO·WO·K²·C flops, no scratch memory.
  func forward(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
    weight.withUnsafeBufferPointer { w in
      bias.withUnsafeBufferPointer { b in
        guard let w = w.baseAddress, let b = b.baseAddress else { return }
        let (side, k, s, out, c) = (padding.input, padding.kernel, padding.stride, padding.output, channels)
        for oh in 0..<out {
          let top = oh * s - padding.before
          let rows = max(0, -top)..<min(k, side - top)
          for ow in 0..<out {
            let left = ow * s - padding.before
            let window = Window(
              origin: x + (top * side + left) * c, rowStride: side * c, rows: rows, columns: max(0, -left)..<min(k, side - left),
              kernel: k, channels: c)
            let target = y + (oh * out + ow) * c
            var first = 0
            while first + 16 <= c {
              window.accumulate(SIMD16<Float>.self, first, weight: w, bias: b, into: target)
              first += 16
            }
            while first + 8 <= c {
              window.accumulate(SIMD8<Float>.self, first, weight: w, bias: b, into: target)
              first += 8
            }
            for channel in first..<c { window.accumulate(channel, weight: w, bias: b, into: target) }
          }
        }
      }
    }
  }
}

/// The input window of one output pixel: rows `rows` and columns `columns` of a `K × K`
/// window whose tap `(0, 0)` is at `origin` (possibly outside the image; only taps inside
/// are read).
private struct Window {
  let origin: UnsafePointer<Float>
  let rowStride: Int
  let rows, columns: Range<Int>
  let kernel, channels: Int

  /// `target[first..<first + V.scalarCount] = relu6(b + Σ w·x)` over the taps inside.
  @inline(__always)
  func accumulate<V: SIMD>(
    _: V.Type, _ first: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>
  ) where V.Scalar == Float {
    var total: V = ChannelVectors.load(bias + first)
    for kh in rows {
      let input = origin + kh * rowStride + first
      let taps = weight + kh * kernel * channels + first
      for kw in columns {
        total += ChannelVectors.load(taps + kw * channels, as: V.self) * ChannelVectors.load(input + kw * channels, as: V.self)
      }
    }
    ChannelVectors.store(ChannelVectors.relu6(total), target + first)
  }

  /// The same for one channel.
  @inline(__always)
  func accumulate(_ channel: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>) {
    var total = bias[channel]
    for kh in rows {
      for kw in columns {
        total += weight[(kh * kernel + kw) * channels + channel] * origin[kh * rowStride + kw * channels + channel]
      }
    }
    target[channel] = ChannelVectors.relu6(total)
  }
}
