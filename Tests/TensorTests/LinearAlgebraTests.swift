import Tensor
import TestSupport
import Testing

/// `X·Xᵀ` for `X: [n, 32]` with column `j` scaled by `1/(j + 1)`: a Gram matrix whose
/// leading eigenvalues are well separated, like the affinity and Gram matrices of the probes.
private func gramMatrix(_ n: Int, seed: UInt64) -> Tensor {
  var generator = SplitMix64(seed: seed)
  var x = Tensor(normal: [n, 32], generator: &generator)
  for i in x.storage.indices { x.storage[i] /= Float(i % 32 + 1) }
  return matmul(x, x, transposeB: true)
}

@Suite struct LinearAlgebraTests {
  @Test func eigenpairsOfAHandMatrixFollowTheSignConvention() throws {
    let a = Tensor(shape: [2, 2], storage: [2, 1, 1, 2])
    for precision in [LinearAlgebraPrecision.single, .double] {
      let e = try symmetricEigen(a, precision: precision)
      assertClose(e.values, [3, 1], atol: 1e-6)
      let h = Float(0.5).squareRoot()
      assertClose(e.vectors.storage, [h, h, h, -h], atol: 1e-6)
    }
  }

  @Test(arguments: [LinearAlgebraPrecision.single, .double])
  func decompositionReconstructsTheMatrix(precision: LinearAlgebraPrecision) throws {
    let g = randomTensor([30, 30], seed: 1)
    let a = (matmul(g, g, transposeB: true))
    let e = try symmetricEigen(a, precision: precision)
    var scaled = e.vectors
    for i in 0..<30 { for j in 0..<30 { scaled.storage[i * 30 + j] *= Float(e.values[j]) } }
    assertClose(matmul(scaled, e.vectors, transposeB: true), a, atol: 1e-3)
    #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 >= $1 })
    let top = try symmetricEigen(a, largest: 4, precision: precision)
    assertClose(top.values, Array(e.values.prefix(4)), rtol: 1e-5)
    assertClose(top.vectors.storage, (0..<30).flatMap { i in (0..<4).map { e.vectors.storage[i * 30 + $0] } }, atol: 1e-4)
  }

  /// Acceptance: Lanczos top-10 agrees with LAPACK's full solution within 1e-4 (values
  /// relative, vectors absolute); the 5,000 × 5,000 case runs in `reprise bench tensor`.
  @Test func lanczosTopTenMatchesTheFullLAPACKSolution() throws {
    let a = gramMatrix(600, seed: 2)
    let full = try symmetricEigen(a, precision: .double)
    let lanczos = try lanczosEigen(a, configuration: LanczosConfiguration(count: 10, seed: 3))
    assertClose(lanczos.values, Array(full.values.prefix(10)), rtol: 1e-4, atol: 0, "eigenvalues")
    let expected = (0..<600).flatMap { i in (0..<10).map { full.vectors.storage[i * 600 + $0] } }
    assertClose(lanczos.vectors.storage, expected, atol: 1e-4, "eigenvectors")
  }

  @Test func lanczosValidatesItsConfiguration() {
    let a = gramMatrix(20, seed: 4)
    #expect(throws: TensorError.invalidConfiguration(parameter: "count", allowed: "in 1..<20", got: "20")) {
      try lanczosEigen(a, configuration: LanczosConfiguration(count: 20))
    }
    #expect(throws: TensorError.invalidConfiguration(parameter: "tolerance", allowed: "in (0, 1)", got: "0.0")) {
      try lanczosEigen(a, configuration: LanczosConfiguration(count: 2, tolerance: 0))
    }
  }

  @Test func svdReconstructsAndIsOrdered() throws {
    let a = randomTensor([7, 4], seed: 5)
    let svd = try singularValueDecomposition(a)
    #expect(svd.u.shape == [7, 4] && svd.vt.shape == [4, 4])
    var us = svd.u
    for i in 0..<7 { for j in 0..<4 { us.storage[i * 4 + j] *= Float(svd.singularValues[j]) } }
    assertClose(matmul(us, svd.vt), a, atol: 1e-5)
    assertClose(matmul(svd.u, svd.u, transposeA: true), Tensor(shape: [4, 4], storage: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]), atol: 1e-5)
    #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
  }

  @Test func pcaFindsTheDominantDirection() throws {
    // Points on the line y = 2x (plus a tiny orthogonal wobble).
    let xs: [Float] = [-2, -1, 0, 1, 2, 3]
    let data = xs.enumerated().flatMap { i, x -> [Float] in [x + 10, 2 * x + (i % 2 == 0 ? 0.01 : -0.01)] }
    let pca = try PCA(fitting: Tensor(shape: [6, 2], storage: data), components: 2)
    assertClose(pca.mean.storage, [10.5, 1], atol: 1e-5)
    let unit = 1 / Float(5).squareRoot()
    assertClose(Array(pca.components[row: 0]), [unit, 2 * unit], atol: 1e-3)
    #expect(pca.explainedVarianceRatio[0] > 0.9999)
    let projected = pca.transform(Tensor(shape: [1, 2], storage: [11.5, 3]))
    #expect(abs(projected.storage[0] - 5 * unit) < 1e-3)
    #expect(throws: TensorError.invalidConfiguration(parameter: "components", allowed: "in 1...2", got: "3")) {
      try PCA(fitting: Tensor(shape: [6, 2], storage: data), components: 3)
    }
  }

  @Test func pairwiseDistancesMatchDirectFormulas() {
    let a = randomTensor([5, 3], seed: 6)
    let b = randomTensor([4, 3], seed: 7)
    let cosine = pairwiseCosineSimilarity(a, b)
    let euclidean = pairwiseEuclideanDistances(a, b)
    for i in 0..<5 {
      for j in 0..<4 {
        let (u, v) = (Array(a[row: i]), Array(b[row: j]))
        let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        let (nu, nv) = (u.reduce(0) { $0 + $1 * $1 }.squareRoot(), v.reduce(0) { $0 + $1 * $1 }.squareRoot())
        #expect(abs(cosine[[i, j]] - dot / (nu * nv)) < 1e-5)
        let distance = zip(u, v).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        #expect(abs(euclidean[[i, j]] - distance) < 1e-5)
      }
    }
    #expect(pairwiseEuclideanDistances(a, a).storage[0] == 0)
    #expect(abs(pairwiseEuclideanDistances(a, b, squared: true)[[1, 2]] - euclidean[[1, 2]] * euclidean[[1, 2]]) < 1e-5)
  }
}
