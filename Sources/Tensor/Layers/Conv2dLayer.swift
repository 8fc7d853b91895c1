/// A 2-D convolution layer (PyTorch `nn.Conv2d`, square kernels): `conv2d` with its own
/// weight `[O, C/g, K, K]` and optional bias `[O]`, both initialised uniform in
/// `±1/√(C/g·K·K)` as PyTorch does.
public struct Conv2d {
  /// `[O, C/g, K, K]`.
  public let weight: Parameter
  /// `[O]`, or `nil`.
  public let bias: Parameter?
  /// Window geometry.
  public let stride, padding, dilation, groups: Int

  /// Registers `"<name>.weight"` (and `"<name>.bias"`).
  public init(
    _ inputs: Int, _ outputs: Int, kernel: Int, stride: Int = 1, padding: Int = 0, dilation: Int = 1,
    groups: Int = 1, hasBias: Bool = true, name: String, store: ParameterStore, generator: inout SplitMix64
  ) {
    precondition(groups >= 1 && inputs % groups == 0 && outputs % groups == 0, "groups \(groups) must divide \(inputs) and \(outputs)")
    let bound = 1 / Float(inputs / groups * kernel * kernel).squareRoot()
    weight = store.add(
      name + ".weight", Tensor(uniform: [outputs, inputs / groups, kernel, kernel], in: -bound..<bound, generator: &generator))
    bias = hasBias ? store.add(name + ".bias", Tensor(uniform: [outputs], in: -bound..<bound, generator: &generator)) : nil
    (self.stride, self.padding, self.dilation, self.groups) = (stride, padding, dilation, groups)
  }

  /// `x: [N, C, H, W]` → `[N, O, HO, WO]`.
  public func callAsFunction(_ x: Variable) -> Variable {
    conv2d(
      x, weight: x.tape.parameter(weight), bias: bias.map { x.tape.parameter($0) }, stride: stride,
      padding: padding, dilation: dilation, groups: groups)
  }
}
