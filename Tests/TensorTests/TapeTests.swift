import Tensor
import TestSupport
import Testing

@Suite struct TapeTests {
  /// Every op family on one tape; after backward and leaving the scope, the tape must be
  /// freed (closures receive their parents and capture no variable, so no retain cycle).
  @Test func tapeIsFreedWithItsLastVariable() {
    weak var released: Tape?
    do {
      let tape = Tape()
      released = tape
      let x = tape.variable(randomTensor([2, 3], seed: 1))
      let w = tape.variable(randomTensor([4, 3], seed: 2))
      let h = layerNorm(gelu(linear(x, weight: w)), weight: nil, bias: nil)
      let joined = concatenate([softmax(h), logSoftmax(h)], axis: 1)
      let shuffled: Variable = permute(reshape(joined, [2, 2, 4]), [1, 0, 2]) / 3 * exp(h.detached()).value.storage[0]
      let classification: Variable = crossEntropy(h, targets: [1, 2])
      let loss = sum(shuffled) + classification + mean(slice(x * x - x, axis: 1, 0..<2))
      tape.backward(loss)
      #expect(x.gradient != nil)
    }
    #expect(released == nil)
  }

  @Test func resultOfATemporaryTapeStaysReadable() {
    func forward() -> Variable { tanh(Tape().constant(Tensor(scalar: 0))) }
    #expect(forward().value == Tensor(scalar: 0))
  }

  @Test func parameterGradientsGoToTheStoreAndAddUp() {
    let store = ParameterStore()
    let w = store.add("w", Tensor(shape: [2], storage: [1, 2]))
    let tape = Tape()
    let a = tape.parameter(w)
    let b = tape.parameter(w)
    tape.backward(sum(a * b))  // d(w·w)/dw = 2w, half through each leaf
    #expect(w.gradient == Tensor(shape: [2], storage: [2, 4]))
    store.zeroGradients()
    #expect(store.gradients == [0, 0])
  }

  @Test func seedSelectsTheOutputDirection() {
    let tape = Tape()
    let x = tape.variable(Tensor(shape: [2], storage: [1, 2]))
    tape.backward(x * x, seed: Tensor(shape: [2], storage: [1, 0]))
    #expect(x.gradient == Tensor(shape: [2], storage: [2, 0]))
  }

  @Test func tapeWithoutGradientsRecordsNothing() {
    let store = ParameterStore()
    let w = store.add("w", Tensor(shape: [2], storage: [1, 2]))
    let tape = Tape(recordsGradients: false)
    let y = sum(tape.parameter(w) * tape.variable(Tensor(shape: [2], storage: [3, 4])))
    #expect(y.value.scalar == 11)
    #expect(!y.requiresGradient)
    tape.backward(y)
    #expect(store.gradients == [0, 0])
  }

  @Test func eachOpIsDifferentiatedOnceAndLeavesKeepAccumulating() {
    let tape = Tape()
    let x = tape.variable(Tensor(shape: [2], storage: [1, 2]))
    let shared = x * x
    tape.backward(sum(shared))
    tape.backward(sum(shared * 3))  // `shared` was already differentiated: no second pass
    #expect(x.gradient == Tensor(shape: [2], storage: [2, 4]))
    tape.backward(sum(x * 3))
    #expect(x.gradient == Tensor(shape: [2], storage: [5, 7]))
  }
}

@Suite struct TensorCoreTests {
  @Test func reshapeInfersOneExtentAndIndexingIsRowMajor() {
    var t = Tensor(shape: [2, 3], storage: [1, 2, 3, 4, 5, 6])
    #expect(t.reshaped([-1, 2]).shape == [3, 2])
    #expect(t.strides == [3, 1])
    #expect(t[[1, 2]] == 6)
    t[[0, 1]] = 9
    #expect(t.storage == [1, 9, 3, 4, 5, 6])
    #expect(t.rows(1..<2) == Tensor(shape: [1, 3], storage: [4, 5, 6]))
    #expect(Tensor(scalar: 2.5).scalar == 2.5)
    #expect(!Tensor(shape: [2], storage: [1, .infinity]).isFinite)
  }

  @Test func normalDrawsAreSeededAndStandard() {
    var a = SplitMix64(seed: 11)
    var b = SplitMix64(seed: 11)
    let draws = (0..<20_000).map { _ in a.normal() }
    #expect(draws.prefix(5).map { $0 } == (0..<5).map { _ in b.normal() })
    let mean = draws.reduce(0, +) / Double(draws.count)
    let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)
    #expect(abs(mean) < 0.03)
    #expect(abs(variance - 1) < 0.03)
  }

  @Test func dropoutIsSeededScaledAndDifferentiable() {
    let x = randomTensor([4, 50], seed: 12)
    func run(seed: UInt64) -> Tensor {
      var generator = SplitMix64(seed: seed)
      return dropout(Tape().constant(x), probability: 0.25, generator: &generator).value
    }
    let y = run(seed: 1)
    #expect(y == run(seed: 1))
    #expect(y != run(seed: 2))
    let kept = zip(x.storage, y.storage).filter { $0.1 != 0 }
    #expect(kept.allSatisfy { abs($0.1 - $0.0 / 0.75) < 1e-6 })
    #expect((120...180).contains(kept.count))
    GradientCheck.inputs([x]) { _, v in
      var generator = SplitMix64(seed: 3)
      return dropout(v[0], probability: 0.5, generator: &generator)
    }
  }
}
