/// A walk over an output shape with two strided operands, row by row along the last axis.
///
/// Built by `init(_:_:)` for NumPy broadcasting of two shapes (right-aligned; each pair of
/// extents equal or containing a 1, which is stretched with stride 0), or by
/// `init(shape:stridesA:stridesB:)` for any pair of strided views (e.g. a permutation).
/// `forEachRow` gives the start offset of each row in the output and in each operand, so
/// kernels run a tight inner loop with steps `innerA`, `innerB`.
///
/// Reference: NumPy, "Broadcasting" (numpy.org/doc/stable/user/basics.broadcasting.html).
struct BroadcastPlan {
  /// The broadcast output shape.
  let shape: [Int]
  /// Strides of operand A and B in the output's index space (0 along stretched axes).
  let stridesA: [Int]
  let stridesB: [Int]

  /// A walk over `shape` reading operand A with `stridesA` and B with `stridesB`.
  init(shape: [Int], stridesA: [Int], stridesB: [Int]) {
    precondition(shape.count == stridesA.count && shape.count == stridesB.count, "rank mismatch")
    self.shape = shape
    self.stridesA = stridesA
    self.stridesB = stridesB
  }

  /// Plans `a ⊕ b`; stops with a precondition failure if the shapes do not broadcast.
  init(_ a: [Int], _ b: [Int]) {
    let rank = max(a.count, b.count)
    let paddedA = [Int](repeating: 1, count: rank - a.count) + a
    let paddedB = [Int](repeating: 1, count: rank - b.count) + b
    var shape = [Int](repeating: 1, count: rank)
    for axis in 0..<rank {
      let (x, y) = (paddedA[axis], paddedB[axis])
      precondition(x == y || x == 1 || y == 1, "shapes \(a) and \(b) do not broadcast")
      shape[axis] = x == 1 ? y : x
    }
    self.shape = shape
    stridesA = BroadcastPlan.stretchedStrides(paddedA)
    stridesB = BroadcastPlan.stretchedStrides(paddedB)
  }

  /// The number of output elements.
  var count: Int { shape.reduce(1, *) }
  /// The length of one output row (the last extent; 1 for a scalar).
  var rowLength: Int { shape.last ?? 1 }
  /// The step of A and B along the last axis.
  var innerA: Int { stridesA.last ?? 0 }
  var innerB: Int { stridesB.last ?? 0 }

  /// Calls `body(out, a, b)` with the start offsets of each output row, in row-major order.
  ///
  /// - Complexity: O(count / rowLength) calls.
  @inline(__always)
  func forEachRow(_ body: (_ out: Int, _ a: Int, _ b: Int) -> Void) {
    let n = rowLength
    guard count > 0 else { return }
    let outer = shape.count > 1 ? Array(shape.dropLast()) : []
    var index = [Int](repeating: 0, count: outer.count)
    var (offsetA, offsetB) = (0, 0)
    for row in 0..<(count / n) {
      body(row * n, offsetA, offsetB)
      var axis = outer.count - 1
      while axis >= 0 {
        index[axis] += 1
        offsetA += stridesA[axis]
        offsetB += stridesB[axis]
        if index[axis] < outer[axis] { break }
        offsetA -= stridesA[axis] * index[axis]
        offsetB -= stridesB[axis] * index[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }

  private static func stretchedStrides(_ padded: [Int]) -> [Int] {
    let natural = Tensor.strides(of: padded)
    return zip(padded, natural).map { $0 == 1 ? 0 : $1 }
  }
}

/// `op(a, b)` element-wise with broadcasting.
///
/// - Complexity: O(output count).
@inline(__always)
func broadcastBinary(_ a: Tensor, _ b: Tensor, _ op: (Float, Float) -> Float) -> Tensor {
  let plan = BroadcastPlan(a.shape, b.shape)
  var out = Tensor(zeros: plan.shape)
  let (n, sa, sb) = (plan.rowLength, plan.innerA, plan.innerB)
  a.storage.withUnsafeBufferPointer { pa in
    b.storage.withUnsafeBufferPointer { pb in
      out.storage.withUnsafeMutableBufferPointer { po in
        plan.forEachRow { o, ia, ib in
          for j in 0..<n {
            po[o + j] = op(pa[ia + j * sa], pb[ib + j * sb])
          }
        }
      }
    }
  }
  return out
}

/// Adds `g` (shape `shape`) into `target` (shape `targetShape`, which broadcasts to
/// `shape`), summing over the stretched axes: the backward of broadcasting.
///
/// - Complexity: O(g.count).
func accumulateReduced(
  _ g: UnsafeBufferPointer<Float>, shape: [Int],
  into target: UnsafeMutableBufferPointer<Float>, targetShape: [Int]
) {
  let plan = BroadcastPlan(shape, targetShape)
  precondition(plan.shape == shape, "\(targetShape) does not broadcast to \(shape)")
  let (n, st) = (plan.rowLength, plan.innerB)
  plan.forEachRow { o, _, it in
    for j in 0..<n {
      target[it + j * st] += g[o + j]
    }
  }
}
