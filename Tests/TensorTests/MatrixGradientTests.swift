import Foundation
import Tensor
import TestSupport
import Testing

/// Finite-difference checks for matrix products, linear layers, softmax, layer norm and
/// embedding; fused kernels against their composite twins.
@Suite struct MatrixGradientTests {
  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func matmulAllTranspositions(transposeA: Bool, transposeB: Bool) {
    let (m, k, n) = (3, 4, 2)
    let a = randomTensor(transposeA ? [k, m] : [m, k], seed: 1)
    let b = randomTensor(transposeB ? [n, k] : [k, n], seed: 2)
    GradientCheck.inputs([a, b]) { _, v in matmul(v[0], v[1], transposeA: transposeA, transposeB: transposeB) }
    let batchA = randomTensor([2, 2] + a.shape, seed: 3)
    let batchB = randomTensor([2, 2] + b.shape, seed: 4)
    GradientCheck.inputs([batchA, batchB]) { _, v in matmul(v[0], v[1], transposeA: transposeA, transposeB: transposeB) }
  }

  @Test func batchedMatmulMatchesPerMatrixProducts() {
    let a = randomTensor([3, 2, 4], seed: 5)
    let b = randomTensor([3, 5, 4], seed: 6)
    let c = batchedMatmul(a, b, transposeB: true)
    for i in 0..<3 {
      let single = matmul(a.rows(i..<(i + 1)).reshaped([2, 4]), b.rows(i..<(i + 1)).reshaped([5, 4]), transposeB: true)
      assertClose(c.rows(i..<(i + 1)).reshaped([2, 5]), single, atol: 1e-6)
    }
  }

  @Test func linearWithAndWithoutBias() {
    let x = randomTensor([2, 3, 4], seed: 7)
    let w = randomTensor([5, 4], seed: 8)
    let b = randomTensor([5], seed: 9)
    GradientCheck.inputs([x, w, b]) { _, v in linear(v[0], weight: v[1], bias: v[2]) }
    GradientCheck.inputs([x, w]) { _, v in linear(v[0], weight: v[1]) }
  }

  @Test func linearMatchesMatmulPlusBias() {
    let tape = Tape()
    let x = tape.constant(randomTensor([3, 4], seed: 10))
    let w = tape.constant(randomTensor([2, 4], seed: 11))
    let b = tape.constant(randomTensor([2], seed: 12))
    assertClose(linear(x, weight: w, bias: b).value, (matmul(x, w, transposeB: true) + b).value, atol: 1e-6)
  }

  @Test func linearLayerRegistersParametersAndChecksGradients() {
    let store = ParameterStore()
    var generator = SplitMix64(seed: 1)
    let layer = Linear(3, 2, name: "fc", store: store, generator: &generator)
    #expect(store.parameters.map(\.name) == ["fc.weight", "fc.bias"])
    #expect(layer.weight.shape == [2, 3])
    let bound = 1 / Float(3).squareRoot()
    #expect(store.values.allSatisfy { abs($0) <= bound })
    let x = randomTensor([4, 3], seed: 13)
    GradientCheck.parameters(store) { tape in tanh(layer(tape.constant(x))) }
  }

  @Test func softmaxAndLogSoftmax() {
    let x = randomTensor([3, 5], seed: 14, in: -3..<3)
    GradientCheck.inputs([x]) { _, v in softmax(v[0]) }
    GradientCheck.inputs([x]) { _, v in logSoftmax(v[0]) }
    let tape = Tape()
    let p = softmax(tape.constant(x)).value
    for r in 0..<3 { #expect(abs(p[row: r].reduce(0, +) - 1) < 1e-6) }
    assertClose(logSoftmax(tape.constant(x)).value.storage, p.storage.map { Foundation.log($0) }, atol: 1e-6)
  }

  @Test func softmaxOfAFullyMaskedRowIsZero() {
    let tape = Tape()
    let x = tape.constant(Tensor(shape: [2, 2], storage: [-.infinity, -.infinity, 0, -.infinity]))
    #expect(softmax(x).value == Tensor(shape: [2, 2], storage: [0, 0, 1, 0]))
  }

  @Test func layerNormGradientsAndCompositeTwin() {
    let x = randomTensor([3, 6], seed: 15, in: -2..<2)
    let gamma = randomTensor([6], seed: 16, in: 0.5..<1.5)
    let beta = randomTensor([6], seed: 17)
    GradientCheck.inputs([x, gamma, beta]) { _, v in layerNorm(v[0], weight: v[1], bias: v[2]) }
    GradientCheck.inputs([x]) { _, v in layerNorm(v[0], weight: nil, bias: nil) }
    // Composite twin: (x − mean)/√(var + ε)·γ + β, values and gradients.
    let fused = Tape(), composite = Tape()
    let (xf, xc) = (fused.variable(x), composite.variable(x))
    let yf = layerNorm(xf, weight: fused.constant(gamma), bias: fused.constant(beta))
    let centered = xc - mean(xc, axis: -1, keepingAxis: true)
    let variance = mean(square(centered), axis: -1, keepingAxis: true)
    let yc = centered / sqrt(variance + 1e-5) * composite.constant(gamma) + composite.constant(beta)
    assertClose(yf.value, yc.value, atol: 1e-5)
    let r = GradientCheck.projection(x.shape)
    fused.backward(yf, seed: r)
    composite.backward(yc, seed: r)
    assertClose(xf.gradient ?? x, xc.gradient ?? x, atol: 1e-5)
  }

  @Test func embeddingGathersAndScatterAdds() {
    let table = randomTensor([5, 3], seed: 18)
    GradientCheck.inputs([table]) { _, v in embedding(v[0], indices: [4, 0, 4, 2], shape: [2, 2]) }
    let tape = Tape()
    let t = tape.variable(table)
    let y = embedding(t, indices: [1, 1])
    #expect(y.shape == [2, 3])
    tape.backward(sum(y))
    #expect(Array(t.gradient?[row: 1] ?? []) == [2, 2, 2])
    #expect(Array(t.gradient?[row: 0] ?? []) == [0, 0, 0])
  }
}


