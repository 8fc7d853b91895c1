/// A fully connected layer `y = x·Wᵀ + b` with `W` stored `[out, in]` (PyTorch layout).
///
/// Initialisation follows PyTorch's `nn.Linear`: `W` and `b` uniform in `±1/√in`
/// (`kaiming_uniform_(a=√5)` reduces to this bound).
public struct Linear {
  /// `[outputs, inputs]`.
  public let weight: Parameter
  /// `[outputs]`, or `nil` for a layer without bias.
  public let bias: Parameter?

  /// Registers `"<name>.weight"` (and `"<name>.bias"`) in `store`.
  ///
  /// - Parameters:
  ///   - inputs: input features `I ≥ 1`.
  ///   - outputs: output features `O ≥ 1`.
  ///   - hasBias: whether to add a learned bias.
  ///   - generator: draws the initial values (weights first, then bias).
  public init(
    _ inputs: Int, _ outputs: Int, hasBias: Bool = true, name: String, store: ParameterStore,
    generator: inout SplitMix64
  ) {
    precondition(inputs >= 1 && outputs >= 1, "Linear(\(inputs), \(outputs)): sizes must be ≥ 1")
    let bound = 1 / Float(inputs).squareRoot()
    weight = store.add(
      name + ".weight", Tensor(uniform: [outputs, inputs], in: -bound..<bound, generator: &generator))
    bias = hasBias
      ? store.add(name + ".bias", Tensor(uniform: [outputs], in: -bound..<bound, generator: &generator))
      : nil
  }

  /// `x: [*, I]` → `[*, O]`.
  public func callAsFunction(_ x: Variable) -> Variable {
    linear(x, weight: x.tape.parameter(weight), bias: bias.map { x.tape.parameter($0) })
  }

  /// The layer's parameters: weight, then bias.
  public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }
}
