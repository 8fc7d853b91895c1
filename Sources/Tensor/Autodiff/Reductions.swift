// Sums and means. The sum of all elements accumulates in Double so that large reductions
// (losses over a batch) do not lose the small terms.

// MARK: - sum   y = Σᵢ xᵢ
// x: [*]   →   y: []
/// The sum of all elements, as a scalar; backward broadcasts `dy` to every element.
public func sum(_ x: Variable) -> Variable {
  let total = x.value.storage.reduce(0.0) { $0 + Double($1) }
  return x.tape.record(Tensor(scalar: Float(total)), parents: [x]) { dy, p in
    let g = dy.scalar
    p[0].tape.accumulate(p[0]) { dx in
      for i in dx.indices { dx[i] += g }
    }
  }
}

// MARK: - sum along an axis   y[o, i] = Σₖ x[o, k, i]
// x: [*O, K, *I]   →   y: [*O, *I]  (or [*O, 1, *I] when keepingAxis)
/// The sum along `axis` (negative counts from the end), removing it unless `keepingAxis`.
///
/// - Complexity: O(n) forward and backward.
public func sum(_ x: Variable, axis: Int, keepingAxis: Bool = false) -> Variable {
  let xv = x.value
  let axis = normalizedAxis(axis, rank: xv.rank)
  let (outer, extent, inner) = axisSplit(xv.shape, axis)
  var shape = xv.shape
  if keepingAxis { shape[axis] = 1 } else { shape.remove(at: axis) }
  var y = Tensor(zeros: shape)
  xv.storage.withUnsafeBufferPointer { px in
    y.storage.withUnsafeMutableBufferPointer { py in
      for o in 0..<outer {
        for k in 0..<extent {
          let source = (o * extent + k) * inner
          for i in 0..<inner { py[o * inner + i] += px[source + i] }
        }
      }
    }
  }
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in  // dx[o, k, i] += dy[o, i]
      dy.storage.withUnsafeBufferPointer { g in
        for o in 0..<outer {
          for k in 0..<extent {
            let target = (o * extent + k) * inner
            for i in 0..<inner { dx[target + i] += g[o * inner + i] }
          }
        }
      }
    }
  }
}

/// The mean of all elements, as a scalar (`sum(x) / n`).
public func mean(_ x: Variable) -> Variable {
  sum(x) * (1 / Float(max(x.count, 1)))
}

/// The mean along `axis` (`sum(x, axis:) / extent`).
public func mean(_ x: Variable, axis: Int, keepingAxis: Bool = false) -> Variable {
  let extent = x.shape[normalizedAxis(axis, rank: x.shape.count)]
  return sum(x, axis: axis, keepingAxis: keepingAxis) * (1 / Float(max(extent, 1)))
}

/// `axis` in `0..<rank`, counting negative values from the end.
func normalizedAxis(_ axis: Int, rank: Int) -> Int {
  let resolved = axis < 0 ? axis + rank : axis
  precondition((0..<rank).contains(resolved), "axis \(axis) out of range for rank \(rank)")
  return resolved
}

/// `(Π shape[..<axis], shape[axis], Π shape[(axis+1)...])`.
func axisSplit(_ shape: [Int], _ axis: Int) -> (outer: Int, extent: Int, inner: Int) {
  (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
}
