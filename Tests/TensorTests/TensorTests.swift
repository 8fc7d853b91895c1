import Tensor
import TestSupport
import Testing

@Suite struct TensorTests {
  @Test func shapeCountAndRows() {
    let t = Tensor(shape: [2, 3], storage: [1, 2, 3, 4, 5, 6])
    #expect(t.count == 6)
    #expect(t.rank == 2)
    #expect(Array(t[row: 1]) == [4, 5, 6])
    #expect(t.reshaped([3, 2]).shape == [3, 2])
    #expect(Tensor(zeros: [2, 0, 4]).count == 0)
    #expect(Tensor(zeros: []).count == 1)
  }

  @Test func rowsAreNormalisedToUnitLengthAndZeroRowsStayZero() {
    let t = Tensor(shape: [3, 2], storage: [3, 4, 0, 0, -1, 0])
    let normalized = t.l2NormalizedRows()
    assertClose(normalized.storage, [0.6, 0.8, 0, 0, -1, 0], atol: 1e-7)
  }

  @Test func argmaxBreaksTiesTowardsTheLowestIndex() {
    let scores = Tensor(shape: [3, 3], storage: [1, 3, 3, 2, 2, 2, -1, -5, -0.5])
    #expect(scores.argmaxPerRow() == [1, 0, 2])
  }

  @Test func argmaxSkipsNaN() {
    let scores = Tensor(shape: [1, 3], storage: [.nan, -2, 1])
    #expect(scores.argmaxPerRow() == [2])
  }

  @Test func gatherRowsCopiesRowsInOrder() {
    let t = Tensor(shape: [3, 2], storage: [1, 2, 3, 4, 5, 6])
    #expect(t.gatherRows([2, 0, 2]) == Tensor(shape: [3, 2], storage: [5, 6, 1, 2, 5, 6]))
  }
}

@Suite(.serialized) struct BLASTests {
  @Test func threadCountCanBeSetAndRead() {
    let original = BLAS.threadCount
    #expect(original >= 1)
    BLAS.setThreadCount(1)
    #expect(BLAS.threadCount == 1)
    BLAS.setThreadCount(original)
    #expect(BLAS.threadCount == original)
  }

  @Test func configurationNamesOpenBLAS() {
    #expect(BLAS.configuration.contains("OpenBLAS"))
  }
}
