// MARK: - layer norm   y = (x − μ)·rstd·γ + β,  rstd = 1/√(σ² + ε)
// x: [*, C]   γ: [C]   β: [C]   →   y: [*, C]      (μ, σ² per row, biased variance)
/// Layer normalisation over the last axis, fused: forward keeps the normalised rows and
/// `rstd` for backward (llm.c's `layernorm_forward`).
///
/// Backward, with `n̂ = (x − μ)·rstd` and `g = dy·γ`:
/// `dx = rstd·(g − mean(g) − n̂·mean(g·n̂))`, `dγ = Σ_rows dy·n̂`, `dβ = Σ_rows dy`.
///
/// Reference: J. L. Ba, J. R. Kiros, G. E. Hinton, "Layer Normalization", arXiv:1607.06450,
/// eq. 4; llm.c `doc/layernorm/layernorm.md` for the backward terms.
/// - Complexity: O(n) forward and backward. The composite twin (from `mean`, `square`,
///   `sqrt`, `/`) is the test oracle.
public func layerNorm(
  _ x: Variable, weight: Variable?, bias: Variable?, epsilon: Float = 1e-5
) -> Variable {
  let xv = x.value
  let columns = xv.shape.last ?? 1
  let rows = xv.count / max(columns, 1)
  let gamma = weight?.value.storage ?? [Float](repeating: 1, count: columns)
  let beta = bias?.value.storage ?? [Float](repeating: 0, count: columns)
  precondition(gamma.count == columns && beta.count == columns, "layerNorm: affine size ≠ \(columns)")
  var normalized = xv
  var rstd = [Float](repeating: 0, count: rows)
  normalized.storage.withUnsafeMutableBufferPointer { p in
    for r in 0..<rows {
      let row = UnsafeMutableBufferPointer(rebasing: p[(r * columns)..<((r + 1) * columns)])
      var mean: Float = 0
      for j in 0..<columns { mean += row[j] }
      mean /= Float(columns)
      var variance: Float = 0
      for j in 0..<columns { variance += (row[j] - mean) * (row[j] - mean) }
      let s = 1 / (variance / Float(columns) + epsilon).squareRoot()
      rstd[r] = s
      for j in 0..<columns { row[j] = (row[j] - mean) * s }
    }
  }
  var y = normalized
  y.storage.withUnsafeMutableBufferPointer { p in
    for r in 0..<rows {
      for j in 0..<columns { p[r * columns + j] = p[r * columns + j] * gamma[j] + beta[j] }
    }
  }
  let (hasWeight, hasBias) = (weight != nil, bias != nil)
  return x.tape.record(y, parents: [x] + [weight, bias].compactMap { $0 }) { dy, p in
    let x = p[0]
    let weight = hasWeight ? p[1] : nil
    let bias = hasBias ? p[p.count - 1] : nil
    x.tape.accumulate(x) { dx in
      forEachRow(normalized, dy, columns: columns) { base, n, g in
        var meanG: Float = 0
        var meanGN: Float = 0
        for j in 0..<columns {
          meanG += g[j] * gamma[j]
          meanGN += g[j] * gamma[j] * n[j]
        }
        meanG /= Float(columns)
        meanGN /= Float(columns)
        let s = rstd[base / columns]
        for j in 0..<columns {
          dx[base + j] += s * (g[j] * gamma[j] - meanG - n[j] * meanGN)  // terms 1, 2, 3
        }
      }
    }
    if let weight {
      x.tape.accumulate(weight) { dgamma in
        forEachRow(normalized, dy, columns: columns) { _, n, g in
          for j in 0..<columns { dgamma[j] += g[j] * n[j] }
        }
      }
    }
    if let bias {
      x.tape.accumulate(bias) { dbeta in
        dy.storage.withUnsafeBufferPointer { addColumnSums($0, rows: rows, columns: columns, into: dbeta) }
      }
    }
  }
}
