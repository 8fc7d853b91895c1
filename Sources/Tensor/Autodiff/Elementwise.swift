import Foundation

// Unary element-wise ops: each is its formula and its derivative, recorded by one driver.

/// Records `y = f(x)` element-wise with the local derivative `dy/dx = derivative(x, y)`;
/// backward adds `dy · derivative(x, y)` into `dx`.
///
/// - Complexity: O(n) forward and backward.
@inline(__always)
func elementwise(
  _ x: Variable, _ f: (Float) -> Float, derivative: @escaping (Float, Float) -> Float
) -> Variable {
  let input = x.value
  let y = input.mapped(f)
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in
      input.storage.withUnsafeBufferPointer { xs in
        y.storage.withUnsafeBufferPointer { ys in
          dy.storage.withUnsafeBufferPointer { g in
            for i in g.indices { dx[i] += g[i] * derivative(xs[i], ys[i]) }
          }
        }
      }
    }
  }
}

// MARK: - math   x: [*] → y: [*]

/// `eˣ`; dy/dx = y.
public func exp(_ x: Variable) -> Variable {
  elementwise(x, { Foundation.exp($0) }, derivative: { _, y in y })
}

/// Natural logarithm; dy/dx = 1/x.
public func log(_ x: Variable) -> Variable {
  elementwise(x, { Foundation.log($0) }, derivative: { x, _ in 1 / x })
}

/// Square root; dy/dx = 1/(2y).
public func sqrt(_ x: Variable) -> Variable {
  elementwise(x, { $0.squareRoot() }, derivative: { _, y in 0.5 / y })
}

/// `x²`; dy/dx = 2x.
public func square(_ x: Variable) -> Variable {
  elementwise(x, { $0 * $0 }, derivative: { x, _ in 2 * x })
}

/// `|x|`; dy/dx = sign(x), taken as 0 at 0 (PyTorch's convention).
public func abs(_ x: Variable) -> Variable {
  elementwise(x, { Swift.abs($0) }, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
}

extension Tensor {
  /// `f` applied to every element, written through raw pointers so the loop vectorises
  /// (`Array.map` appends element by element).
  @inline(__always)
  func mapped(_ f: (Float) -> Float) -> Tensor {
    let values = [Float](unsafeUninitializedCapacity: count) { target, initialized in
      storage.withUnsafeBufferPointer { source in
        guard let from = source.baseAddress, let to = target.baseAddress else { return }
        for i in 0..<source.count { (to + i).initialize(to: f(from[i])) }
      }
      initialized = count
    }
    return Tensor(shape: shape, storage: values)
  }
}
