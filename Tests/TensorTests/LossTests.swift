import Foundation
import Tensor
import TestSupport
import Testing

/// Loss values against hand computations, gradient checks, and fused losses against their
/// composite twins.
@Suite struct LossTests {
  @Test func crossEntropyMatchesHandComputationAndSkipsIgnoredRows() {
    let logits = Tensor(shape: [3, 3], storage: [1, 2, 3, 0, 0, 0, 5, 1, 1])
    let tape = Tape()
    let loss = crossEntropy(tape.constant(logits), targets: [2, -100, 0], ignoreIndex: -100)
    let row0 = -log(exp(3.0) / (exp(1.0) + exp(2.0) + exp(3.0)))
    let row2 = -log(exp(5.0) / (exp(5.0) + 2 * exp(1.0)))
    #expect(abs(Double(loss.value.scalar) - (row0 + row2) / 2) < 1e-6)
    GradientCheck.inputs([logits]) { _, v in crossEntropy(v[0], targets: [2, -100, 0], ignoreIndex: -100) }
    GradientCheck.inputs([randomTensor([2, 3, 4], seed: 1)]) { _, v in crossEntropy(v[0], targets: [0, 3, 1, 2, 2, 0]) }
  }

  @Test func crossEntropyWithEveryTargetIgnoredIsZero() {
    let tape = Tape()
    let x = tape.variable(randomTensor([2, 3], seed: 2))
    let loss = crossEntropy(x, targets: [-1, -1], ignoreIndex: -1)
    tape.backward(loss)
    #expect(loss.value.scalar == 0)
    #expect(x.gradient?.storage.allSatisfy { $0 == 0 } ?? true)
  }

  @Test func binaryCrossEntropyMatchesCompositeTwinAndIsStable() {
    let logits = Tensor(shape: [2, 3], storage: [-3, -0.5, 0.1, 0.7, 2, 4])
    let targets = Tensor(shape: [2, 3], storage: [0, 1, 0.3, 1, 0, 1])
    GradientCheck.inputs([logits]) { _, v in binaryCrossEntropyWithLogits(v[0], targets: targets) }
    let tape = Tape()
    let x = tape.constant(logits)
    let z = tape.constant(targets)
    let p = sigmoid(x)
    let positive: Variable = z * log(p)
    let negative: Variable = (1 - z) * log(1 - p)
    let composite = -mean(positive + negative)
    let fused = binaryCrossEntropyWithLogits(x, targets: targets)
    #expect(abs(fused.value.scalar - composite.value.scalar) < 1e-6)
    let extreme = binaryCrossEntropyWithLogits(tape.constant(Tensor(shape: [2], storage: [200, -200])), targets: Tensor(shape: [2], storage: [0, 1]))
    #expect(abs(extreme.value.scalar - 200) < 1e-3)
  }

  @Test func regressionLosses() {
    let a = Tensor(shape: [2, 2], storage: [1, -2, 3, 0.5])
    let b = Tensor(shape: [2, 2], storage: [0, 1, 3.5, -0.5])
    let tape = Tape()
    let l1: Float = 5.5 / 4
    let mse: Float = 11.25 / 4
    #expect(l1Loss(tape.constant(a), tape.constant(b)).value.scalar == l1)
    #expect(mseLoss(tape.constant(a), tape.constant(b)).value.scalar == mse)
    GradientCheck.inputs([a, b]) { _, v in l1Loss(v[0], v[1]) }
    GradientCheck.inputs([a, b]) { _, v in mseLoss(v[0], v[1]) }
  }

  @Test func symmetricInfoNCEWithLearnableTemperature() {
    let a = randomTensor([4, 3], seed: 3)
    let b = randomTensor([4, 3], seed: 4)
    let logScale = Tensor(shape: [1], storage: [Float(log(2.5))])
    GradientCheck.inputs([a, b, logScale]) { _, v in
      symmetricInfoNCE(normalizedRows(v[0]), normalizedRows(v[1]), logScale: v[2])
    }
    // Perfectly aligned, well-separated pairs give a loss near zero at a large scale.
    let tape = Tape()
    let identity = tape.constant(Tensor(shape: [3, 3], storage: [1, 0, 0, 0, 1, 0, 0, 0, 1]))
    let loss = symmetricInfoNCE(identity, identity, logScale: tape.constant(Tensor(scalar: Float(log(100.0)))))
    #expect(loss.value.scalar < 1e-6)
    let uniform = symmetricInfoNCE(identity, identity, logScale: tape.constant(Tensor(scalar: -30)))
    #expect(abs(Double(uniform.value.scalar) - log(3.0)) < 1e-5)
  }
}
