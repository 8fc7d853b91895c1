import Tensor
import TestSupport
import Testing

/// Reference product by the textbook triple loop, in `Double`.
private func naiveProduct(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool) -> Tensor {
  let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
  let n = transposeB ? b.shape[0] : b.shape[1]
  func elementA(_ i: Int, _ p: Int) -> Double {
    Double(transposeA ? a.storage[p * a.shape[1] + i] : a.storage[i * a.shape[1] + p])
  }
  func elementB(_ p: Int, _ j: Int) -> Double {
    Double(transposeB ? b.storage[j * b.shape[1] + p] : b.storage[p * b.shape[1] + j])
  }
  var c = Tensor(zeros: [m, n])
  for i in 0..<m {
    for j in 0..<n {
      c.storage[i * n + j] = Float((0..<k).reduce(0.0) { $0 + elementA(i, $1) * elementB($1, j) })
    }
  }
  return c
}

private func randomTensor(_ shape: [Int], _ generator: inout SplitMix64) -> Tensor {
  Tensor(
    shape: shape, storage: (0..<shape.reduce(1, *)).map { _ in Float(generator.uniform() * 2 - 1) })
}

@Suite struct MatmulTests {
  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func matchesNaiveProductForNonSquareShapes(transposeA: Bool, transposeB: Bool) {
    let (m, k, n) = (3, 5, 4)
    var generator = SplitMix64(seed: 11)
    let a = randomTensor(transposeA ? [k, m] : [m, k], &generator)
    let b = randomTensor(transposeB ? [n, k] : [k, n], &generator)
    let c = matmul(a, b, transposeA: transposeA, transposeB: transposeB)
    #expect(c.shape == [m, n])
    assertClose(c, naiveProduct(a, b, transposeA: transposeA, transposeB: transposeB), atol: 1e-5)
  }

  @Test func handComputedProduct() {
    let a = Tensor(shape: [2, 3], storage: [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], storage: [7, 8, 9, 10, 11, 12])
    #expect(matmul(a, b) == Tensor(shape: [2, 2], storage: [58, 64, 139, 154]))
    #expect(matmul(a, a, transposeB: true) == Tensor(shape: [2, 2], storage: [14, 32, 32, 77]))
  }

  @Test func emptyInnerDimensionGivesZeros() {
    let c = matmul(Tensor(zeros: [2, 0]), Tensor(zeros: [0, 3]))
    #expect(c == Tensor(zeros: [2, 3]))
  }
}
