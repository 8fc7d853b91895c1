import Foundation

// Activation functions, x: [*] → y: [*]. Each is its formula and derivative on the shared
// element-wise driver. At kinks (ReLU at 0, ReLU6 at 0 and 6) the derivative is 0, as in
// PyTorch.

/// `max(x, 0)`.
public func relu(_ x: Variable) -> Variable {
  elementwise(x, { max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 })
}

/// `min(max(x, 0), 6)` (MobileNet / EfficientNet-Lite).
public func relu6(_ x: Variable) -> Variable {
  elementwise(x, { min(max($0, 0), 6) }, derivative: { x, _ in x > 0 && x < 6 ? 1 : 0 })
}

/// `x` for `x > 0`, else `slope·x` (PyTorch's default slope is 0.01).
public func leakyRelu(_ x: Variable, slope: Float = 0.01) -> Variable {
  elementwise(x, { $0 > 0 ? $0 : slope * $0 }, derivative: { x, _ in x > 0 ? 1 : slope })
}

/// Hyperbolic tangent; dy/dx = 1 − y².
public func tanh(_ x: Variable) -> Variable {
  elementwise(x, { Foundation.tanh($0) }, derivative: { _, y in 1 - y * y })
}

/// Logistic sigmoid `1/(1 + e⁻ˣ)`, evaluated without overflow; dy/dx = y(1 − y).
public func sigmoid(_ x: Variable) -> Variable {
  elementwise(x, stableSigmoid, derivative: { _, y in y * (1 - y) })
}

/// SiLU / swish `x·σ(x)`; dy/dx = σ(x)·(1 + x·(1 − σ(x))).
///
/// Reference: Hendrycks & Gimpel 2016 (SiLU); Ramachandran et al. 2017 (swish).
public func silu(_ x: Variable) -> Variable {
  elementwise(
    x, { $0 * stableSigmoid($0) },
    derivative: { x, _ in
      let s = stableSigmoid(x)
      return s * (1 + x * (1 - s))
    })
}

/// The two forms of GELU.
public enum GELUApproximation: Sendable {
  /// Exact: `x·Φ(x) = ½x(1 + erf(x/√2))` (PyTorch `approximate="none"`).
  case none
  /// `½x(1 + tanh(√(2/π)(x + 0.044715x³)))` (PyTorch `approximate="tanh"`, GPT-2, BERT).
  case tanh
}

/// Gaussian error linear unit.
///
/// Derivatives: exact form `Φ(x) + x·φ(x)`; tanh form
/// `½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²)` with `t` the tanh above.
///
/// Reference: D. Hendrycks, K. Gimpel, "Gaussian Error Linear Units", arXiv:1606.08415, §2.
public func gelu(_ x: Variable, approximation: GELUApproximation = .none) -> Variable {
  switch approximation {
  case .none:
    return elementwise(
      x, { 0.5 * $0 * (1 + erf($0 * Float(0.5).squareRoot())) },
      derivative: { x, _ in
        let cdf = 0.5 * (1 + erf(x * Float(0.5).squareRoot()))
        let pdf = Foundation.exp(-0.5 * x * x) / Float(2 * Double.pi).squareRoot()
        return cdf + x * pdf
      })
  case .tanh:
    let c = Float(2 / Double.pi).squareRoot()
    return elementwise(
      x, { 0.5 * $0 * (1 + Foundation.tanh(c * ($0 + 0.044715 * $0 * $0 * $0))) },
      derivative: { x, _ in
        let t = Foundation.tanh(c * (x + 0.044715 * x * x * x))
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
      })
  }
}

/// `1/(1 + e⁻ˣ)` without overflow: for `x < 0` uses `eˣ/(1 + eˣ)`.
@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
  if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
  let e = Foundation.exp(x)
  return e / (1 + e)
}
