import Tensor
import TestSupport
import Testing

@testable import Models

/// The folded, channels-last layers against an unfolded reference on small random layers:
/// a direct convolution in `Double` over a channel-major view, then batch norm
/// `(y − μ)/√(σ² + ε)·γ + β`, then ReLU6.
@Suite struct EfficientNetKernelTests {
  private struct Layer {
    var weight: Tensor
    var norm: BatchNorm2d
  }

  private func randomLayer(_ shape: [Int], seed: UInt64) -> Layer {
    var g = SplitMix64(seed: seed)
    let o = shape[0]
    return Layer(
      weight: Tensor(uniform: shape, in: -0.5..<0.5, generator: &g),
      norm: BatchNorm2d(
        mean: Tensor(uniform: [o], in: -1..<1, generator: &g), variance: Tensor(uniform: [o], in: 0.1..<2, generator: &g),
        weight: Tensor(uniform: [o], in: 0.5..<2, generator: &g), bias: Tensor(uniform: [o], in: -1..<1, generator: &g),
        epsilon: 1e-3))
  }

  /// Batch norm then (optionally) ReLU6, unfolded, in `Double`.
  private func normalise(_ y: Double, channel o: Int, _ norm: BatchNorm2d, clamps: Bool) -> Double {
    let (m, v, g, b) = (norm.mean.storage[o], norm.variance.storage[o], norm.weight.storage[o], norm.bias.storage[o])
    let z = (y - Double(m)) / (Double(v) + Double(norm.epsilon)).squareRoot() * Double(g) + Double(b)
    return clamps ? min(max(z, 0), 6) : z
  }

  /// A direct convolution with TensorFlow `SAME` padding in `Double`, channels last:
  /// `y[oh, ow, o] = Σ_{c ∈ inputs(o), kh, kw} weight(o, c, kh, kw)·input(c, ih, iw)` over
  /// the taps inside the image.
  private func direct(
    outputs: Int, inputs: (Int) -> Range<Int>, padding p: SamePadding, weight: (Int, Int, Int, Int) -> Double,
    input: (Int, Int, Int) -> Double
  ) -> [Double] {
    var y: [Double] = []
    for oh in 0..<p.output {
      for ow in 0..<p.output {
        for o in 0..<outputs {
          var total = 0.0
          for c in inputs(o) {
            for kh in 0..<p.kernel {
              for kw in 0..<p.kernel {
                let (ih, iw) = (oh * p.stride - p.before + kh, ow * p.stride - p.before + kw)
                guard (0..<p.input).contains(ih), (0..<p.input).contains(iw) else { continue }
                total += weight(o, c, kh, kw) * input(c, ih, iw)
              }
            }
          }
          y.append(total)
        }
      }
    }
    return y
  }

  @Test(arguments: [(3, 2, 9, 28), (5, 1, 7, 20), (5, 2, 10, 16), (3, 1, 4, 8)])
  func depthwiseMatchesUnfoldedConvolutionAndNorm(kernel k: Int, stride s: Int, side: Int, channels c: Int) {
    let layer = randomLayer([c, 1, k, k], seed: UInt64(k * 100 + side))
    let padding = SamePadding(input: side, kernel: k, stride: s)
    var g = SplitMix64(seed: 7)
    let x = Tensor(uniform: [side, side, c], in: -2..<2, generator: &g)
    let out = padding.output
    let expected = direct(outputs: c, inputs: { $0..<($0 + 1) }, padding: padding) { o, _, kh, kw in
      Double(layer.weight[[o, 0, kh, kw]])
    } input: { ch, ih, iw in
      Double(x[[ih, iw, ch]])
    }.enumerated().map { normalise($1, channel: $0 % c, layer.norm, clamps: true) }
    let convolution = DepthwiseConvolution(weight: layer.weight, norm: layer.norm, padding: padding)
    var y = [Float](repeating: .nan, count: out * out * c)
    x.storage.withUnsafeBufferPointer { px in
      y.withUnsafeMutableBufferPointer { py in convolution.forward(px.baseAddress!, into: py.baseAddress!) }
    }
    assertClose(y.map(Double.init), expected, atol: 1e-5, "depthwise \(k)×\(k)/\(s) on \(side)²×\(c)")
  }

  @Test(arguments: [false, true])
  func pointwiseMatchesUnfoldedConvolutionAndNorm(residual: Bool) {
    let (pixels, inputs, outputs) = (13, 12, 20)
    let layer = randomLayer([outputs, inputs, 1, 1], seed: 3)
    var g = SplitMix64(seed: 11)
    let x = Tensor(uniform: [pixels, inputs], in: -2..<2, generator: &g)
    let r = Tensor(uniform: [pixels, outputs], in: -1..<1, generator: &g)
    let clamps = !residual
    var expected = [Double](repeating: 0, count: pixels * outputs)
    for p in 0..<pixels {
      for o in 0..<outputs {
        let total = (0..<inputs).reduce(0.0) { $0 + Double(layer.weight[[o, $1, 0, 0]]) * Double(x[[p, $1]]) }
        let skip = residual ? Double(r[[p, o]]) : 0
        expected[p * outputs + o] = normalise(total, channel: o, layer.norm, clamps: false) + skip
        if clamps { expected[p * outputs + o] = min(max(expected[p * outputs + o], 0), 6) }
      }
    }
    let convolution = PointwiseConvolution(weight: layer.weight, norm: layer.norm, clamps: clamps)
    var y = [Float](repeating: .nan, count: pixels * outputs)
    x.storage.withUnsafeBufferPointer { px in
      r.storage.withUnsafeBufferPointer { pr in
        y.withUnsafeMutableBufferPointer { py in
          convolution.forward(px.baseAddress!, pixels: pixels, residual: residual ? pr.baseAddress! : nil, into: py.baseAddress!)
        }
      }
    }
    assertClose(y.map(Double.init), expected, atol: 1e-5, "pointwise, residual \(residual)")
  }

  @Test func stemMatchesUnfoldedConvolutionAndNorm() {
    let (side, outputs) = (9, 6)
    let layer = randomLayer([outputs, 3, 3, 3], seed: 5)
    let padding = SamePadding(input: side, kernel: 3, stride: 2)
    var g = SplitMix64(seed: 13)
    let image = Tensor(uniform: [3, side, side], in: -1..<1, generator: &g)
    let out = padding.output
    let expected = direct(outputs: outputs, inputs: { _ in 0..<3 }, padding: padding) { o, c, kh, kw in
      Double(layer.weight[[o, c, kh, kw]])
    } input: { c, ih, iw in
      Double(image[[c, ih, iw]])
    }.enumerated().map { normalise($1, channel: $0 % outputs, layer.norm, clamps: true) }
    let stem = StemConvolution(weight: layer.weight, norm: layer.norm, padding: padding)
    var patches = [Float](repeating: .nan, count: out * out * 27)
    var y = [Float](repeating: .nan, count: out * out * outputs)
    image.storage.withUnsafeBufferPointer { px in
      patches.withUnsafeMutableBufferPointer { pp in
        y.withUnsafeMutableBufferPointer { py in stem.forward(px.baseAddress!, patches: pp.baseAddress!, into: py.baseAddress!) }
      }
    }
    assertClose(y.map(Double.init), expected, atol: 1e-5, "stem")
  }

  /// TensorFlow `SAME` padding as `Conv2dStaticSamePadding` computes it for Lite0's layers.
  @Test func samePaddingIsTensorFlows() {
    #expect(SamePadding(input: 224, kernel: 3, stride: 2).before == 0)
    #expect(SamePadding(input: 224, kernel: 3, stride: 2).output == 112)
    #expect(SamePadding(input: 112, kernel: 3, stride: 1).before == 1)
    #expect(SamePadding(input: 56, kernel: 5, stride: 2).before == 1)
    #expect(SamePadding(input: 14, kernel: 5, stride: 1).before == 2)
    #expect(SamePadding(input: 14, kernel: 5, stride: 2).output == 7)
  }

  @Test func theArchitectureIsLite0s() {
    let blocks = EfficientNetArchitecture.blocks
    #expect(blocks.count == 16)
    #expect(blocks.map(\.outputs) == [16, 24, 24, 40, 40, 80, 80, 80, 112, 112, 112, 192, 192, 192, 192, 320])
    #expect(blocks.map(\.kernel) == [3, 3, 3, 5, 5, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 3])
    #expect(blocks.filter(\.hasSkip).count == 9)
    #expect(EfficientNetArchitecture.finalSide == 7)
    #expect(EfficientNetArchitecture.largestActivation == 112 * 112 * 96)
    #expect(EfficientNetArchitecture.multiplyAdds == 385_187_552)
  }
}
