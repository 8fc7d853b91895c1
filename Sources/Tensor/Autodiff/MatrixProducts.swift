// Matrix products on the tape; every product goes through `cblas_sgemm`, and backward
// passes add into gradient buffers with `beta = 1` (no temporaries).

// MARK: - matmul   C = op(A)·op(B), batched over leading axes
// a: [*, m, k] (or [*, k, m] with transposeA)   b: [*, k, n] (or [*, n, k])   →   c: [*, m, n]
/// Matrix product of two matrices, or of two stacks with equal leading axes.
///
/// Backward (per matrix): `dA = dC·op(B)ᵀ` (or `op(B)·dCᵀ` when A is stored transposed),
/// `dB = op(A)ᵀ·dC` (or `dCᵀ·op(A)`).
/// - Complexity: 2·batch·m·n·k flops forward, twice that backward.
public func matmul(
  _ a: Variable, _ b: Variable, transposeA tA: Bool = false, transposeB tB: Bool = false
) -> Variable {
  sameTape(a, b)
  let (av, bv) = (a.value, b.value)
  let c = batchedMatmul(av, bv, transposeA: tA, transposeB: tB)
  let (m, n, k) = productExtents(av.shape, bv.shape, transposeA: tA, transposeB: tB)
  let batch = av.count / max(m * k, 1)
  return a.tape.record(c, parents: [a, b]) { dc, p in
    let (a, b) = (p[0], p[1])
    dc.storage.withUnsafeBufferPointer { g in
      a.tape.accumulate(a) { da in
        bv.storage.withUnsafeBufferPointer { pb in
          if tA {  // dA [k, m] += op(B)·dCᵀ
            gemm(transposeA: tB, transposeB: true, batch: batch, m: k, n: m, k: n, a: pb, b: g, beta: 1, c: da)
          } else {  // dA [m, k] += dC·op(B)ᵀ
            gemm(transposeB: !tB, batch: batch, m: m, n: k, k: n, a: g, b: pb, beta: 1, c: da)
          }
        }
      }
      a.tape.accumulate(b) { db in
        av.storage.withUnsafeBufferPointer { pa in
          if tB {  // dB [n, k] += dCᵀ·op(A)
            gemm(transposeA: true, transposeB: tA, batch: batch, m: n, n: k, k: m, a: g, b: pa, beta: 1, c: db)
          } else {  // dB [k, n] += op(A)ᵀ·dC
            gemm(transposeA: !tA, batch: batch, m: k, n: n, k: m, a: pa, b: g, beta: 1, c: db)
          }
        }
      }
    }
  }
}

// MARK: - linear   y = x·Wᵀ + b
// x: [*, I]   w: [O, I]   b: [O]   →   y: [*, O]      (W stored [out, in], as PyTorch/llm.c)
/// Affine map of the last axis: `y = x·Wᵀ + b`, with the weight stored `[out, in]`.
///
/// Backward: `dx = dy·W`, `dW = dyᵀ·x`, `db = Σ_rows dy`.
/// - Complexity: 2·N·I·O flops forward (N = rows of x), 4·N·I·O backward.
public func linear(_ x: Variable, weight w: Variable, bias b: Variable? = nil) -> Variable {
  let (xv, wv) = (x.value, w.value)
  precondition(wv.rank == 2 && xv.rank >= 1, "linear: x \(xv.shape), weight \(wv.shape)")
  let (outputs, inputs) = (wv.shape[0], wv.shape[1])
  precondition(xv.shape.last == inputs, "linear: x \(xv.shape) against weight [\(outputs), \(inputs)]")
  let rows = xv.count / max(inputs, 1)
  var y = Tensor(zeros: Array(xv.shape.dropLast()) + [outputs])
  if let b {
    precondition(b.shape == [outputs], "linear: bias \(b.shape), expected [\(outputs)]")
    let bias = b.value.storage
    y.storage.withUnsafeMutableBufferPointer { py in
      for r in 0..<rows { UnsafeMutableBufferPointer(rebasing: py[(r * outputs)...]).update(fromContentsOf: bias) }
    }
  }
  xv.storage.withUnsafeBufferPointer { px in
    wv.storage.withUnsafeBufferPointer { pw in
      y.storage.withUnsafeMutableBufferPointer { py in
        gemm(transposeB: true, m: rows, n: outputs, k: inputs, a: px, b: pw, beta: 1, c: py)
      }
    }
  }
  return x.tape.record(y, parents: [x, w] + (b.map { [$0] } ?? [])) { dy, p in
    let (x, w, b) = (p[0], p[1], p.count > 2 ? p[2] : nil)
    dy.storage.withUnsafeBufferPointer { g in
      x.tape.accumulate(x) { dx in  // dx [N, I] += dy·W
        wv.storage.withUnsafeBufferPointer { pw in
          gemm(m: rows, n: inputs, k: outputs, a: g, b: pw, beta: 1, c: dx)
        }
      }
      x.tape.accumulate(w) { dw in  // dW [O, I] += dyᵀ·x
        xv.storage.withUnsafeBufferPointer { px in
          gemm(transposeA: true, m: outputs, n: inputs, k: rows, a: g, b: px, beta: 1, c: dw)
        }
      }
      if let b {
        x.tape.accumulate(b) { db in  // db [O] += Σ_rows dy
          addColumnSums(g, rows: rows, columns: outputs, into: db)
        }
      }
    }
  }
}

/// `target[j] += Σ_r source[r·columns + j]`, row pointers hoisted.
func addColumnSums(
  _ source: UnsafeBufferPointer<Float>, rows: Int, columns: Int,
  into target: UnsafeMutableBufferPointer<Float>
) {
  for r in 0..<rows {
    let row = UnsafeBufferPointer(rebasing: source[(r * columns)..<((r + 1) * columns)])
    for j in 0..<columns { target[j] += row[j] }
  }
}
