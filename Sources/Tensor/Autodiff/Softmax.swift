import Foundation

// Softmax and log-softmax over the last axis, fused (one pass for max, one for the sum).
// A row whose entries are all −∞ (fully masked) gives zeros in softmax and −∞ in
// log-softmax instead of NaN.

// MARK: - softmax   yᵢ = e^{xᵢ − m} / Σⱼ e^{xⱼ − m},  m = maxⱼ xⱼ
// x: [*, C]   →   y: [*, C]
/// Softmax over the last axis. Backward: `dx = y ⊙ (dy − Σⱼ dyⱼ·yⱼ)`.
///
/// - Complexity: O(n) forward and backward.
public func softmax(_ x: Variable) -> Variable {
  recordRows(x, softmaxRows(x.value, logarithm: false)) { ys, g, dx in
    var dot: Float = 0
    for j in g.indices { dot += g[j] * ys[j] }
    for j in g.indices { dx[j] += ys[j] * (g[j] - dot) }
  }
}

// MARK: - log-softmax   yᵢ = xᵢ − m − log Σⱼ e^{xⱼ − m}
// x: [*, C]   →   y: [*, C]
/// Log-softmax over the last axis. Backward: `dx = dy − e^y · Σⱼ dyⱼ`.
public func logSoftmax(_ x: Variable) -> Variable {
  recordRows(x, softmaxRows(x.value, logarithm: true)) { ys, g, dx in
    let total = g.reduce(0, +)
    for j in g.indices { dx[j] += g[j] - Foundation.exp(ys[j]) * total }
  }
}

/// Records `y`, computed row by row over the last axis of `x`, with a backward pass that
/// calls `rowBackward(y row, dy row, dx row)` for each row.
private func recordRows(
  _ x: Variable, _ y: Tensor,
  _ rowBackward: @escaping (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Void
) -> Variable {
  let columns = y.shape.last ?? 1
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in
      forEachRow(y, dy, columns: columns) { base, ys, g in
        rowBackward(ys, g, UnsafeMutableBufferPointer(rebasing: dx[base..<(base + columns)]))
      }
    }
  }
}

/// Softmax (or log-softmax) of each last-axis row, with the max subtracted for stability.
func softmaxRows(_ x: Tensor, logarithm: Bool) -> Tensor {
  precondition(x.rank >= 1, "softmax needs at least one axis")
  let columns = x.shape[x.rank - 1]
  var y = x
  guard columns > 0 else { return y }
  y.storage.withUnsafeMutableBufferPointer { p in
    for r in 0..<(p.count / columns) {
      let row = UnsafeMutableBufferPointer(rebasing: p[(r * columns)..<((r + 1) * columns)])
      let m = row.max() ?? 0
      guard m > -.infinity else {
        row.update(repeating: logarithm ? -.infinity : 0)
        continue
      }
      var total: Float = 0
      for j in 0..<columns { total += Foundation.exp(row[j] - m) }
      if logarithm {
        let shift = m + Foundation.log(total)
        for j in 0..<columns { row[j] -= shift }
      } else {
        for j in 0..<columns { row[j] = Foundation.exp(row[j] - m) / total }
      }
    }
  }
  return y
}

/// Calls `body(rowStart, yRow, dyRow)` for each last-axis row of two same-shape tensors.
@inline(__always)
func forEachRow(
  _ y: Tensor, _ dy: Tensor, columns: Int,
  _ body: (Int, UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>) -> Void
) {
  guard columns > 0 else { return }
  y.storage.withUnsafeBufferPointer { py in
    dy.storage.withUnsafeBufferPointer { pg in
      for r in 0..<(py.count / columns) {
        let range = (r * columns)..<((r + 1) * columns)
        body(
          r * columns, UnsafeBufferPointer(rebasing: py[range]),
          UnsafeBufferPointer(rebasing: pg[range]))
      }
    }
  }
}
