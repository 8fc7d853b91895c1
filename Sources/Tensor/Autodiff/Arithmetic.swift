// Element-wise arithmetic with NumPy broadcasting. The backward of a broadcast operand sums
// the incoming gradient over its stretched axes (`Tape.accumulate(_:adding:)`).

// MARK: - add   y = a + b
// a: [*A]   b: [*B]   →   y: broadcast(A, B)
/// Element-wise sum with broadcasting.
public func + (a: Variable, b: Variable) -> Variable {
  sameTape(a, b)
  let y = broadcastBinary(a.value, b.value, +)
  return a.tape.record(y, parents: [a, b]) { dy, p in
    let (a, b) = (p[0], p[1])
    a.tape.accumulate(a, adding: dy)  // da = Σ_broadcast dy
    a.tape.accumulate(b, adding: dy)  // db = Σ_broadcast dy
  }
}

// MARK: - subtract   y = a − b
// a: [*A]   b: [*B]   →   y: broadcast(A, B)
/// Element-wise difference with broadcasting.
public func - (a: Variable, b: Variable) -> Variable {
  sameTape(a, b)
  let y = broadcastBinary(a.value, b.value, -)
  return a.tape.record(y, parents: [a, b]) { dy, p in
    let (a, b) = (p[0], p[1])
    a.tape.accumulate(a, adding: dy)  // da = Σ_broadcast dy
    if b.requiresGradient {
      a.tape.accumulate(b, adding: scaled(dy, by: -1))  // db = −Σ_broadcast dy
    }
  }
}

// MARK: - multiply   y = a ⊙ b
// a: [*A]   b: [*B]   →   y: broadcast(A, B)
/// Element-wise (Hadamard) product with broadcasting.
public func * (a: Variable, b: Variable) -> Variable {
  sameTape(a, b)
  let (av, bv) = (a.value, b.value)
  let y = broadcastBinary(av, bv, *)
  return a.tape.record(y, parents: [a, b]) { dy, p in
    let (a, b) = (p[0], p[1])
    if a.requiresGradient { a.tape.accumulate(a, adding: broadcastBinary(dy, bv, *)) }  // da = dy·b
    if b.requiresGradient { a.tape.accumulate(b, adding: broadcastBinary(dy, av, *)) }  // db = dy·a
  }
}

// MARK: - divide   y = a / b
// a: [*A]   b: [*B]   →   y: broadcast(A, B)
/// Element-wise quotient with broadcasting.
public func / (a: Variable, b: Variable) -> Variable {
  sameTape(a, b)
  let bv = b.value
  let y = broadcastBinary(a.value, bv, /)
  return a.tape.record(y, parents: [a, b]) { dy, p in
    let (a, b) = (p[0], p[1])
    let da = broadcastBinary(dy, bv, /)  // da = dy / b
    a.tape.accumulate(a, adding: da)
    if b.requiresGradient {
      // db = −dy·a/b² = −da·y
      a.tape.accumulate(b, adding: broadcastBinary(da, y) { -$0 * $1 })
    }
  }
}

// MARK: - scale and shift   y = s·x + t   (constants s, t)
// x: [*]   →   y: [*]
/// `s·x + t` for constants `s` and `t` (no gradient to them).
public func affine(_ x: Variable, scale s: Float, shift t: Float = 0) -> Variable {
  let y = x.value.mapped { s * $0 + t }
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in  // dx = s·dy
      dy.storage.withUnsafeBufferPointer { g in
        for i in g.indices { dx[i] += s * g[i] }
      }
    }
  }
}

/// `x·s` for a constant `s`.
public func * (x: Variable, s: Float) -> Variable { affine(x, scale: s) }
/// `s·x` for a constant `s`.
public func * (s: Float, x: Variable) -> Variable { affine(x, scale: s) }
/// `x/s` for a constant `s`.
public func / (x: Variable, s: Float) -> Variable { affine(x, scale: 1 / s) }
/// `x + t` for a constant `t`.
public func + (x: Variable, t: Float) -> Variable { affine(x, scale: 1, shift: t) }
/// `x − t` for a constant `t`.
public func - (x: Variable, t: Float) -> Variable { affine(x, scale: 1, shift: -t) }
/// `t − x` for a constant `t`.
public func - (t: Float, x: Variable) -> Variable { affine(x, scale: -1, shift: t) }
/// `−x`.
public prefix func - (x: Variable) -> Variable { affine(x, scale: -1) }

/// `t·s` element-wise, as a new tensor.
func scaled(_ t: Tensor, by s: Float) -> Tensor {
  t.mapped { $0 * s }
}

/// Stops unless both variables belong to one tape.
func sameTape(_ a: Variable, _ b: Variable) {
  precondition(a.tape === b.tape, "operands recorded on different tapes")
}
