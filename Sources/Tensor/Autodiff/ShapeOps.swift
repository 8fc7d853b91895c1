// Reshape, permute, slice and concatenate on the tape.

// MARK: - reshape
// x: [*A]   →   y: [*B],  ΠA = ΠB
/// The same elements with another shape (one extent may be −1); backward reshapes `dy`.
///
/// - Complexity: O(1) forward (storage is shared), O(n) backward.
public func reshape(_ x: Variable, _ shape: [Int]) -> Variable {
  let y = x.value.reshaped(shape)
  let shape = x.shape
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0], adding: dy.reshaped(shape))
  }
}

// MARK: - permute   y[i_{p(0)}, …] = x[i_0, …]
// x: [d₀, …, dₙ₋₁]   →   y: [d_{p(0)}, …, d_{p(n−1)}]
/// Reorders the axes: axis `j` of the result is axis `permutation[j]` of `x`
/// (`torch.permute`). Backward permutes `dy` by the inverse permutation.
///
/// - Complexity: O(n) copy each way.
public func permute(_ x: Variable, _ permutation: [Int]) -> Variable {
  let y = x.value.permuted(permutation)
  var inverse = [Int](repeating: 0, count: permutation.count)
  for (j, axis) in permutation.enumerated() { inverse[axis] = j }
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0], adding: dy.permuted(inverse))
  }
}

/// The transpose of a matrix, `permute(x, [1, 0])`.
public func transpose(_ x: Variable) -> Variable {
  precondition(x.shape.count == 2, "transpose needs a matrix, got \(x.shape)")
  return permute(x, [1, 0])
}

// MARK: - slice   y = x[…, range, …]
// x: [*O, K, *I]   →   y: [*O, range.count, *I]
/// The elements whose index along `axis` lies in `range` (a copy); backward adds `dy` into
/// the same positions of `dx`.
public func slice(_ x: Variable, axis: Int, _ range: Range<Int>) -> Variable {
  let xv = x.value
  let axis = normalizedAxis(axis, rank: xv.rank)
  precondition(
    range.lowerBound >= 0 && range.upperBound <= xv.shape[axis],
    "slice \(range) out of range 0..<\(xv.shape[axis]) on axis \(axis)")
  let (outer, extent, inner) = axisSplit(xv.shape, axis)
  let width = range.count * inner
  var shape = xv.shape
  shape[axis] = range.count
  var y = Tensor(zeros: shape)
  xv.storage.withUnsafeBufferPointer { px in
    y.storage.withUnsafeMutableBufferPointer { py in
      for o in 0..<outer {
        let source = (o * extent + range.lowerBound) * inner
        for i in 0..<width { py[o * width + i] = px[source + i] }
      }
    }
  }
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in
      dy.storage.withUnsafeBufferPointer { g in
        for o in 0..<outer {
          let target = (o * extent + range.lowerBound) * inner
          for i in 0..<width { dx[target + i] += g[o * width + i] }
        }
      }
    }
  }
}

// MARK: - concatenate
// parts: [*O, Kⱼ, *I]   →   y: [*O, ΣKⱼ, *I]
/// Joins tensors along `axis`; all other extents must agree. Composite: backward of each
/// part is the backward of a `slice`, so it is built from `slice` on the result's gradient.
public func concatenate(_ parts: [Variable], axis: Int) -> Variable {
  precondition(!parts.isEmpty, "concatenate needs at least one part")
  let first = parts[0].value
  let axis = normalizedAxis(axis, rank: first.rank)
  var shape = first.shape
  shape[axis] = parts.reduce(0) { $0 + $1.shape[axis] }
  let (outer, _, inner) = axisSplit(shape, axis)
  var y = Tensor(zeros: shape)
  var offsets: [Int] = []
  var start = 0
  for part in parts {
    var expected = shape
    expected[axis] = part.shape[axis]
    precondition(part.shape == expected, "concatenate: part \(part.shape) against \(shape)")
    offsets.append(start)
    copyBlock(part.value, into: &y, outer: outer, at: start * inner, totalWidth: shape[axis] * inner)
    start += part.shape[axis]
  }
  return parts[0].tape.record(y, parents: parts) { dy, parts in
    for (part, offset) in zip(parts, offsets) where part.requiresGradient {
      let width = part.shape[axis] * inner
      part.tape.accumulate(part) { dx in
        dy.storage.withUnsafeBufferPointer { g in
          for o in 0..<outer {
            let source = o * shape[axis] * inner + offset * inner
            for i in 0..<width { dx[o * width + i] += g[source + i] }
          }
        }
      }
    }
  }
}

/// Copies `part` (`outer` blocks of `width` elements) into `y` at column `offset` of blocks
/// `totalWidth` wide.
private func copyBlock(_ part: Tensor, into y: inout Tensor, outer: Int, at offset: Int, totalWidth: Int) {
  let width = part.count / max(outer, 1)
  part.storage.withUnsafeBufferPointer { pp in
    y.storage.withUnsafeMutableBufferPointer { py in
      for o in 0..<outer {
        for i in 0..<width { py[o * totalWidth + offset + i] = pp[o * width + i] }
      }
    }
  }
}

extension Tensor {
  /// The tensor with its axes reordered: axis `j` of the result is axis `permutation[j]`.
  ///
  /// - Complexity: O(count), one strided copy.
  public func permuted(_ permutation: [Int]) -> Tensor {
    precondition(
      permutation.sorted() == Array(0..<rank), "\(permutation) is not a permutation of 0..<\(rank)")
    let source = strides
    let shape = permutation.map { self.shape[$0] }
    let plan = BroadcastPlan(
      shape: shape, stridesA: permutation.map { source[$0] },
      stridesB: [Int](repeating: 0, count: rank))
    var out = Tensor(zeros: shape)
    let (n, step) = (plan.rowLength, plan.innerA)
    storage.withUnsafeBufferPointer { px in
      out.storage.withUnsafeMutableBufferPointer { po in
        plan.forEachRow { o, a, _ in
          for j in 0..<n { po[o + j] = px[a + j * step] }
        }
      }
    }
    return out
  }
}
