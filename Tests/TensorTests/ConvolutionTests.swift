import Tensor
import TestSupport
import Testing

/// One case of `scripts/fixtures/tensor_conv_attention.py` (PyTorch `conv2d`).
private struct ConvCase: Decodable, CustomTestStringConvertible, Sendable {
  var name: String
  var stride, padding, dilation, groups: Int
  var x_shape, w_shape, y_shape: [Int]
  var x, w, r, y, dx, dw: [Float]
  var b, db: [Float]?
  var testDescription: String { name }
}

private let convCases = FixtureCases<ConvCase>.load("tensor_conv2d.json")

@Suite struct ConvolutionTests {
  /// Forward and backward against PyTorch: max |diff| ≤ 1e-4 for y, dx, dw, db.
  @Test(arguments: convCases)
  fileprivate func matchesPyTorch(_ c: ConvCase) {
    let tape = Tape()
    let x = tape.variable(Tensor(shape: c.x_shape, storage: c.x))
    let w = tape.variable(Tensor(shape: c.w_shape, storage: c.w))
    let b = c.b.map { tape.variable(Tensor(shape: [$0.count], storage: $0)) }
    let y = conv2d(x, weight: w, bias: b, stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups)
    tape.backward(y, seed: Tensor(shape: c.y_shape, storage: c.r))
    assertClose(y.value, Tensor(shape: c.y_shape, storage: c.y), atol: 1e-4, "\(c.name): y")
    assertClose(x.gradient?.storage ?? [], c.dx, atol: 1e-4, "\(c.name): dx")
    assertClose(w.gradient?.storage ?? [], c.dw, atol: 1e-4, "\(c.name): dw")
    if let db = c.db { assertClose(b?.gradient?.storage ?? [], db, atol: 1e-4, "\(c.name): db") }
  }

  @Test func allEightFixtureCasesAreLoaded() { #expect(convCases.count == 8) }

  /// (stride, padding, dilation, groups, outputs): plain, stride 2, dilated, grouped,
  /// depthwise stride 1 and 2, pointwise.
  static let geometries = [(1, 1, 1, 1, 4), (2, 1, 1, 1, 4), (1, 2, 2, 1, 2), (1, 1, 1, 3, 3), (1, 1, 1, 3, 6), (2, 1, 1, 3, 3)]

  @Test(arguments: geometries)
  func gradientCheck(stride: Int, padding: Int, dilation: Int, groups: Int, outputs: Int) {
    let x = randomTensor([2, 3, 5, 5], seed: 1)
    let w = randomTensor([outputs, 3 / groups, 3, 3], seed: 2)
    let b = randomTensor([outputs], seed: 3)
    GradientCheck.inputs([x, w, b]) { _, v in
      conv2d(v[0], weight: v[1], bias: v[2], stride: stride, padding: padding, dilation: dilation, groups: groups)
    }
  }

  @Test func pointwiseGradientCheck() {
    GradientCheck.inputs([randomTensor([2, 3, 3, 4], seed: 4), randomTensor([5, 3, 1, 1], seed: 5)]) { _, v in
      conv2d(v[0], weight: v[1])
    }
  }

  /// The direct depthwise kernel against its im2col twin: values and all gradients.
  @Test(arguments: [(1, 1, 1), (2, 1, 1), (1, 2, 2), (2, 0, 1)])
  func depthwiseKernelMatchesIm2colTwin(stride: Int, padding: Int, dilation: Int) {
    let x = randomTensor([2, 5, 9, 8], seed: 6)
    let w = randomTensor([5, 1, 3, 3], seed: 7)
    let b = randomTensor([5], seed: 8)
    func run(_ algorithm: ConvolutionAlgorithm) -> [Tensor] {
      let tape = Tape()
      let (xv, wv, bv) = (tape.variable(x), tape.variable(w), tape.variable(b))
      let y = conv2d(xv, weight: wv, bias: bv, stride: stride, padding: padding, dilation: dilation, groups: 5, algorithm: algorithm)
      tape.backward(y, seed: GradientCheck.projection(y.shape))
      return [y.value] + [xv, wv, bv].map { $0.gradient ?? Tensor(zeros: []) }
    }
    for (direct, twin) in zip(run(.automatic), run(.im2col)) { assertClose(direct, twin, atol: 1e-5) }
  }

  @Test func batchNormFoldsIntoTheConvolution() {
    let x = randomTensor([1, 3, 6, 6], seed: 9)
    let w = randomTensor([4, 3, 3, 3], seed: 10)
    let b = randomTensor([4], seed: 11)
    let bn = BatchNorm2d(
      mean: randomTensor([4], seed: 12), variance: randomTensor([4], seed: 13, in: 0.5..<2),
      weight: randomTensor([4], seed: 14), bias: randomTensor([4], seed: 15))
    let tape = Tape()
    let separate = bn(conv2d(tape.constant(x), weight: tape.constant(w), bias: tape.constant(b), padding: 1))
    let (fw, fb) = bn.folded(weight: w, bias: b)
    let folded = conv2d(tape.constant(x), weight: tape.constant(fw), bias: tape.constant(fb), padding: 1)
    assertClose(folded.value, separate.value, atol: 1e-5)
    let channel = separate.value.storage[0..<36].map { $0 }
    #expect(channel != conv2d(tape.constant(x), weight: tape.constant(w), bias: tape.constant(b), padding: 1).value.storage[0..<36].map { $0 })
  }

  @Test func poolingValues() {
    let x = Tensor(shape: [1, 1, 4, 4], storage: (0..<16).map(Float.init))
    let tape = Tape()
    #expect(maxPool2d(tape.constant(x), kernel: 2).value == Tensor(shape: [1, 1, 2, 2], storage: [5, 7, 13, 15]))
    #expect(avgPool2d(tape.constant(x), kernel: 2).value == Tensor(shape: [1, 1, 2, 2], storage: [2.5, 4.5, 10.5, 12.5]))
    // PyTorch avg_pool2d(kernel 3, stride 1, padding 1) corner: (0 + 1 + 4 + 5)/9.
    #expect(avgPool2d(tape.constant(x), kernel: 3, stride: 1, padding: 1).value.storage[0] == Float(10) / 9)
    #expect(maxPool2d(tape.constant(x), kernel: 3, stride: 2, padding: 1).value.storage == [5, 7, 13, 15])
    #expect(globalAvgPool2d(tape.constant(x)).value == Tensor(shape: [1, 1], storage: [7.5]))
  }

  /// Inputs are a shuffle of values 0.05 apart, so a ±h step never changes a window's max.
  @Test func poolingGradients() {
    var generator = SplitMix64(seed: 16)
    var values = (0..<100).map { Float($0) * 0.05 - 2.5 }
    generator.shuffle(&values)
    let x = Tensor(shape: [2, 2, 5, 5], storage: values)
    GradientCheck.inputs([x]) { _, v in maxPool2d(v[0], kernel: 2, stride: 1) }
    GradientCheck.inputs([x]) { _, v in maxPool2d(v[0], kernel: 3, stride: 2, padding: 1) }
    GradientCheck.inputs([x]) { _, v in avgPool2d(v[0], kernel: 3, stride: 2, padding: 1) }
    GradientCheck.inputs([x]) { _, v in globalAvgPool2d(v[0]) }
  }

  @Test func convLayerChecksGradientsOfItsParameters() {
    let store = ParameterStore()
    var generator = SplitMix64(seed: 17)
    let layer = Conv2d(2, 3, kernel: 3, stride: 2, padding: 1, name: "conv", store: store, generator: &generator)
    let x = randomTensor([1, 2, 5, 5], seed: 18)
    GradientCheck.parameters(store) { tape in relu6(layer(tape.constant(x)) * 3) }
  }
}
