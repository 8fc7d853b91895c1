/// Multi-head attention with PyTorch's `nn.MultiheadAttention` parameters: a packed input
/// projection `[3D, D]` (query, key, value rows in that order) with bias `[3D]`, and an
/// output projection `[D, D]` with bias.
///
///     q, k, v = x·W_qᵀ + b_q, …   split into H heads of D/H
///     y = concat_h(softmax(q_h·k_hᵀ/√(D/H) + M)·v_h)·W_oᵀ + b_o
///
/// Initialisation as PyTorch: input projection Xavier-uniform (`±√(6/(D + 3D))`), biases 0,
/// output weight uniform `±1/√D`.
///
/// Reference: Vaswani et al. 2017, §3.2.2.
public struct MultiHeadAttention {
  /// `[3D, D]`, `[3D]`, `[D, D]`, `[D]`.
  public let inputWeight, inputBias, outputWeight, outputBias: Parameter
  /// The number of heads `H` (divides `D`).
  public let heads: Int
  /// The model width `D`.
  public let dimension: Int

  /// Registers `"<name>.in_proj_weight"`, `"<name>.in_proj_bias"`, `"<name>.out_proj.weight"`,
  /// `"<name>.out_proj.bias"` (PyTorch's state-dict names).
  public init(dimension: Int, heads: Int, name: String, store: ParameterStore, generator: inout SplitMix64) {
    precondition(heads >= 1 && dimension % heads == 0, "dimension \(dimension) is not divisible by \(heads) heads")
    let d = dimension
    let xavier = (6 / Float(4 * d)).squareRoot()
    let bound = 1 / Float(d).squareRoot()
    inputWeight = store.add(name + ".in_proj_weight", Tensor(uniform: [3 * d, d], in: -xavier..<xavier, generator: &generator))
    inputBias = store.add(name + ".in_proj_bias", Tensor(zeros: [3 * d]))
    outputWeight = store.add(name + ".out_proj.weight", Tensor(uniform: [d, d], in: -bound..<bound, generator: &generator))
    outputBias = store.add(name + ".out_proj.bias", Tensor(zeros: [d]))
    self.heads = heads
    self.dimension = d
  }

  /// Self-attention: `x: [B, T, D]` → `[B, T, D]`: one packed projection sgemm, then the
  /// fused attention core (`fusedSelfAttention`) reading the heads in place.
  public func callAsFunction(_ x: Variable, mask: AttentionMask? = nil) -> Variable {
    let tape = x.tape
    let packed = linear(x, weight: tape.parameter(inputWeight), bias: tape.parameter(inputBias))
    let attended = fusedSelfAttention(packed, heads: heads, mask: mask)
    return linear(attended, weight: tape.parameter(outputWeight), bias: tape.parameter(outputBias))
  }

  /// Cross-attention: `query: [B, T, D]`, `key`, `value: [B, S, D]` → `[B, T, D]`.
  public func callAsFunction(query: Variable, key: Variable, value: Variable, mask: AttentionMask? = nil) -> Variable {
    let tape = query.tape
    let (w, bias) = (tape.parameter(inputWeight), tape.parameter(inputBias))
    let d = dimension
    func heads(_ x: Variable, _ index: Int) -> Variable {
      let range = (index * d)..<((index + 1) * d)
      let projected = linear(x, weight: slice(w, axis: 0, range), bias: slice(bias, axis: 0, range))
      return permute(reshape(projected, [x.shape[0], x.shape[1], self.heads, d / self.heads]), [0, 2, 1, 3])
    }
    let attended = scaledDotProductAttention(query: heads(query, 0), key: heads(key, 1), value: heads(value, 2), mask: mask)
    return project(attended, batch: query.shape[0], length: query.shape[1])
  }

  /// All parameters, in registration order.
  public var parameters: [Parameter] { [inputWeight, inputBias, outputWeight, outputBias] }

  /// `[B, H, T, d]` → merge heads → output projection → `[B, T, D]`.
  private func project(_ attended: Variable, batch: Int, length: Int) -> Variable {
    let merged = reshape(permute(attended, [0, 2, 1, 3]), [batch, length, dimension])
    let tape = attended.tape
    return linear(merged, weight: tape.parameter(outputWeight), bias: tape.parameter(outputBias))
  }
}
