/// Layer normalisation over the last axis with learned `γ` (ones) and `β` (zeros).
public struct LayerNorm {
  /// `[C]` scale and shift.
  public let weight, bias: Parameter
  /// Added to the variance.
  public let epsilon: Float

  /// Registers `"<name>.weight"` and `"<name>.bias"`.
  public init(_ features: Int, epsilon: Float = 1e-5, name: String, store: ParameterStore) {
    weight = store.add(name + ".weight", Tensor(repeating: 1, shape: [features]))
    bias = store.add(name + ".bias", Tensor(zeros: [features]))
    self.epsilon = epsilon
  }

  /// `x: [*, C]` → `[*, C]`.
  public func callAsFunction(_ x: Variable) -> Variable {
    layerNorm(x, weight: x.tape.parameter(weight), bias: x.tape.parameter(bias), epsilon: epsilon)
  }
}
