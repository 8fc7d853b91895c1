import Tensor
import TestSupport
import Testing

/// Finite-difference checks (tolerances in `GradientCheck`) for element-wise, broadcasting,
/// reduction and shape ops.
@Suite struct ElementwiseGradientTests {
  static let broadcastShapes: [([Int], [Int])] = [([2, 3], [2, 3]), ([2, 3], [3]), ([2, 1, 3], [4, 1]), ([], [2, 2])]

  @Test(arguments: broadcastShapes)
  func arithmeticWithBroadcasting(a: [Int], b: [Int]) {
    let x = randomTensor(a, seed: 1)
    let y = randomTensor(b, seed: 2, in: 0.5..<2)
    GradientCheck.inputs([x, y]) { _, v in v[0] + v[1] }
    GradientCheck.inputs([x, y]) { _, v in v[0] - v[1] }
    GradientCheck.inputs([x, y]) { _, v in v[0] * v[1] }
    GradientCheck.inputs([x, y]) { _, v in v[0] / v[1] }
  }

  @Test func scalarAffine() {
    GradientCheck.inputs([randomTensor([3, 2], seed: 3)]) { _, v in 2.5 * v[0] - 1 + -v[0] * 0.5 }
  }

  @Test func mathFunctions() {
    let positive = randomTensor([2, 5], seed: 4, in: 0.5..<2)
    GradientCheck.inputs([positive]) { _, v in exp(v[0]) }
    GradientCheck.inputs([positive]) { _, v in log(v[0]) }
    GradientCheck.inputs([positive]) { _, v in sqrt(v[0]) }
    GradientCheck.inputs([randomTensor([2, 5], seed: 5)]) { _, v in square(v[0]) }
    GradientCheck.inputs([Tensor(shape: [4], storage: [-1.5, -0.3, 0.4, 2])]) { _, v in abs(v[0]) }
  }

  /// Inputs stay at least 0.1 away from every kink (0 and 6).
  @Test func activations() {
    let x = Tensor(shape: [2, 6], storage: [-3, -1.2, -0.4, 0.3, 0.9, 2.5, -2, -0.7, 0.2, 1.4, 5.5, 6.5])
    GradientCheck.inputs([x]) { _, v in relu(v[0]) }
    GradientCheck.inputs([x]) { _, v in relu6(v[0]) }
    GradientCheck.inputs([x]) { _, v in leakyRelu(v[0], slope: 0.2) }
    GradientCheck.inputs([x]) { _, v in tanh(v[0]) }
    GradientCheck.inputs([x]) { _, v in sigmoid(v[0]) }
    GradientCheck.inputs([x]) { _, v in silu(v[0]) }
    GradientCheck.inputs([x]) { _, v in gelu(v[0]) }
    GradientCheck.inputs([x]) { _, v in gelu(v[0], approximation: .tanh) }
  }

  @Test func activationValues() {
    let tape = Tape()
    let x = tape.constant(Tensor(shape: [5], storage: [-100, -1, 0, 1, 7]))
    assertClose(relu6(x).value.storage, [0, 0, 0, 1, 6])
    assertClose(leakyRelu(x).value.storage, [-1, -0.01, 0, 1, 7])
    assertClose(sigmoid(x).value.storage, [0, 0.26894142, 0.5, 0.7310586, 0.99908894], atol: 1e-7)
    // PyTorch: F.gelu(torch.tensor([-1., 1.])) and approximate="tanh".
    assertClose(gelu(x).value.storage[1...3].map { $0 }, [-0.15865526, 0, 0.8413447], atol: 1e-6)
    assertClose(gelu(x, approximation: .tanh).value.storage[1...3].map { $0 }, [-0.15880801, 0, 0.841192], atol: 1e-6)
  }

  @Test func reductions() {
    let x = randomTensor([2, 3, 4], seed: 6)
    GradientCheck.inputs([x]) { _, v in sum(v[0]) }
    GradientCheck.inputs([x]) { _, v in mean(v[0]) }
    for axis in [0, 1, -1] {
      GradientCheck.inputs([x]) { _, v in sum(v[0], axis: axis) }
      GradientCheck.inputs([x]) { _, v in mean(v[0], axis: axis, keepingAxis: true) }
    }
  }

  @Test func reductionValues() {
    let tape = Tape()
    let x = tape.constant(Tensor(shape: [2, 3], storage: [1, 2, 3, 4, 5, 6]))
    #expect(sum(x).value == Tensor(scalar: 21))
    #expect(sum(x, axis: 0).value == Tensor(shape: [3], storage: [5, 7, 9]))
    #expect(mean(x, axis: 1, keepingAxis: true).value == Tensor(shape: [2, 1], storage: [2, 5]))
  }

  @Test func shapeOps() {
    let x = randomTensor([2, 3, 4], seed: 7)
    GradientCheck.inputs([x]) { _, v in reshape(v[0], [4, -1]) * 2 }
    GradientCheck.inputs([x]) { _, v in permute(v[0], [2, 0, 1]) }
    GradientCheck.inputs([x]) { _, v in slice(v[0], axis: 1, 1..<3) }
    GradientCheck.inputs([x, randomTensor([2, 2, 4], seed: 8)]) { _, v in concatenate([v[0], v[1], v[0]], axis: 1) }
  }

  @Test func permuteAndConcatenateValues() {
    let t = Tensor(shape: [2, 3], storage: [1, 2, 3, 4, 5, 6])
    #expect(t.permuted([1, 0]) == Tensor(shape: [3, 2], storage: [1, 4, 2, 5, 3, 6]))
    let tape = Tape()
    let joined = concatenate([tape.constant(t), tape.constant(t.rows(0..<1))], axis: 0)
    #expect(joined.value == Tensor(shape: [3, 3], storage: [1, 2, 3, 4, 5, 6, 1, 2, 3]))
    #expect(slice(tape.constant(t), axis: 1, 1..<3).value == Tensor(shape: [2, 2], storage: [2, 3, 5, 6]))
  }

  @Test func gradientsAccumulateWhenAVariableIsReused() {
    let tape = Tape()
    let x = tape.variable(Tensor(shape: [2], storage: [3, -2]))
    tape.backward(sum(x * x + x))
    #expect(x.gradient == Tensor(shape: [2], storage: [7, -3]))
  }

  @Test func constantsRecordNoGradient() {
    let tape = Tape()
    let c = tape.constant(Tensor(shape: [2], storage: [1, 2]))
    let x = tape.variable(Tensor(shape: [2], storage: [3, 4]))
    let y = sum(c * x)
    #expect(!(c * c).requiresGradient)
    tape.backward(y)
    #expect(c.gradient == nil)
    #expect(x.gradient == Tensor(shape: [2], storage: [1, 2]))
  }
}
