import Tensor
import Testing

/// Finite-difference check of hand-written backward passes.
///
/// The output `y = f(x)` is projected on a fixed random tensor `r` (uniform in [−1, 1),
/// seed `0x5EED`) so every output element matters: `L = Σ rᵢ·yᵢ`, summed in `Double`.
/// The analytic gradient is `Tape.backward(y, seed: r)`. The numeric one perturbs each
/// input element by ±h in `Float` and takes the central difference
/// `(L(x + h) − L(x − h)) / ((x + h) − (x − h))` in `Double`, dividing by the step actually
/// represented in `Float`.
///
/// Forward passes run in `Float`, so the numeric gradient carries a rounding error of about
/// `ε_f·|L|/h ≈ 6·10⁻⁸·|L|/h` plus a truncation error `O(h²·f‴)`. With the default
/// `h = 10⁻²` and inputs of order 1, a gradient element passes when
/// `|analytic − numeric| ≤ atol + rtol·|numeric|` with `atol = 10⁻³`, `rtol = 10⁻²`;
/// a wrong backward formula typically misses by O(1).
public enum GradientCheck {
  /// The default perturbation.
  public static let step: Float = 1e-2

  /// Checks the gradients with respect to every tensor in `inputs` of `f`, which builds
  /// the output from the inputs (recorded as tracked leaves of a fresh tape).
  public static func inputs(
    _ inputs: [Tensor], h: Float = step, rtol: Double = 1e-2, atol: Double = 1e-3,
    sourceLocation: SourceLocation = #_sourceLocation, _ f: (Tape, [Variable]) -> Variable
  ) {
    var values = inputs
    func evaluate() -> Tensor {
      let tape = Tape()
      return f(tape, values.map(tape.variable)).value
    }
    let tape = Tape()
    let variables = inputs.map(tape.variable)
    let output = f(tape, variables)
    let r = projection(output.shape)
    tape.backward(output, seed: r)
    for (k, variable) in variables.enumerated() {
      let analytic = variable.gradient ?? Tensor(zeros: variable.shape)
      let numeric = centralDifferences(count: inputs[k].count, h: h, r: r, evaluate: evaluate) { j, v in
        values[k].storage[j] = v ?? inputs[k].storage[j]
        return values[k].storage[j]
      }
      assertClose(
        analytic.storage.map(Double.init), numeric, rtol: rtol, atol: atol,
        "gradient of input \(k) \(inputs[k].shape)", sourceLocation: sourceLocation)
    }
  }

  /// Checks the gradients of `f` with respect to every parameter of `store`.
  public static func parameters(
    _ store: ParameterStore, h: Float = step, rtol: Double = 1e-2, atol: Double = 1e-3,
    sourceLocation: SourceLocation = #_sourceLocation, _ f: (Tape) -> Variable
  ) {
    let original = store.parameters.map(\.value)
    func evaluate() -> Tensor { f(Tape()).value }
    store.zeroGradients()
    let tape = Tape()
    let output = f(tape)
    let r = projection(output.shape)
    tape.backward(output, seed: r)
    for (k, parameter) in store.parameters.enumerated() {
      let analytic = parameter.gradient
      var current = original[k]
      let numeric = centralDifferences(count: current.count, h: h, r: r, evaluate: evaluate) { j, v in
        current.storage[j] = v ?? original[k].storage[j]
        parameter.setValue(current)
        return current.storage[j]
      }
      assertClose(
        analytic.storage.map(Double.init), numeric, rtol: rtol, atol: atol,
        "gradient of \(parameter.name) \(parameter.shape)", sourceLocation: sourceLocation)
    }
  }

  /// `∂L/∂xⱼ` for each of `count` elements; `set(j, v)` sets element `j` to `v` (or back to
  /// its original value for `nil`) and returns the value actually stored.
  private static func centralDifferences(
    count: Int, h: Float, r: Tensor, evaluate: () -> Tensor, set: (Int, Float?) -> Float
  ) -> [Double] {
    (0..<count).map { j in
      let x = set(j, nil)
      let plus = set(j, x + h)
      let up = dot(evaluate(), r)
      let minus = set(j, x - h)
      let down = dot(evaluate(), r)
      _ = set(j, nil)
      return (up - down) / (Double(plus) - Double(minus))
    }
  }

  /// The fixed projection tensor for an output shape.
  public static func projection(_ shape: [Int]) -> Tensor {
    var generator = SplitMix64(seed: 0x5EED)
    return Tensor(uniform: shape, in: -1..<1, generator: &generator)
  }

  private static func dot(_ y: Tensor, _ r: Tensor) -> Double {
    zip(y.storage, r.storage).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  }
}

/// A tensor of uniform draws in `[-1, 1)` from `seed`, for test inputs.
public func randomTensor(_ shape: [Int], seed: UInt64, in range: Range<Float> = -1..<1) -> Tensor {
  var generator = SplitMix64(seed: seed)
  return Tensor(uniform: shape, in: range, generator: &generator)
}
