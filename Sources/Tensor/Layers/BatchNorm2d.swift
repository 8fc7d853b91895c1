/// Batch normalisation at inference: fixed running statistics and affine parameters,
/// `y = (x − μ)/√(σ² + ε)·γ + β` per channel of an NCHW tensor, i.e. the channel affine
/// `y = x·s + t` with `s = γ/√(σ² + ε)`, `t = β − μ·s`.
///
/// Because it is affine it folds into the preceding convolution (`folded(weight:bias:)`):
/// `W'[o] = s[o]·W[o]`, `b'[o] = s[o]·(b[o] − μ[o]) + β[o]`, saving a pass over the
/// activations at inference.
///
/// Reference: S. Ioffe, C. Szegedy, "Batch Normalization", ICML 2015, algorithm 2 (the
/// inference transform).
public struct BatchNorm2d: Sendable, Equatable {
  /// Running mean and (biased) variance, `[C]`.
  public var mean, variance: Tensor
  /// `γ` and `β`, `[C]`.
  public var weight, bias: Tensor
  /// Added to the variance (PyTorch default 1e-5).
  public var epsilon: Float

  /// Statistics and affine parameters, all `[C]`.
  public init(mean: Tensor, variance: Tensor, weight: Tensor, bias: Tensor, epsilon: Float = 1e-5) {
    precondition(
      [variance.shape, weight.shape, bias.shape].allSatisfy { $0 == mean.shape } && mean.rank == 1,
      "batch norm tensors must all be [C]")
    (self.mean, self.variance, self.weight, self.bias, self.epsilon) = (mean, variance, weight, bias, epsilon)
  }

  /// `s = γ/√(σ² + ε)`.
  public var scale: Tensor {
    Tensor(shape: mean.shape, storage: zip(weight.storage, variance.storage).map { $0 / ($1 + epsilon).squareRoot() })
  }

  /// `t = β − μ·s`.
  public var shift: Tensor {
    Tensor(shape: mean.shape, storage: zip(zip(bias.storage, mean.storage), scale.storage).map { $0.0 - $0.1 * $1 })
  }

  /// `x: [N, C, H, W]` → `x·s + t` per channel (differentiable in `x`).
  public func callAsFunction(_ x: Variable) -> Variable {
    let c = mean.count
    return x * x.tape.constant(scale.reshaped([1, c, 1, 1])) + x.tape.constant(shift.reshaped([1, c, 1, 1]))
  }

  /// The weight `[O, …]` and bias `[O]` of the convolution followed by this normalisation.
  public func folded(weight convolution: Tensor, bias: Tensor?) -> (weight: Tensor, bias: Tensor) {
    let s = scale.storage
    precondition(convolution.shape.first == s.count, "fold: weight \(convolution.shape) for \(s.count) channels")
    let perChannel = convolution.count / s.count
    var w = convolution
    for i in w.storage.indices { w.storage[i] *= s[i / perChannel] }
    let b = bias?.storage ?? [Float](repeating: 0, count: s.count)
    let folded = (0..<s.count).map { s[$0] * (b[$0] - mean.storage[$0]) + self.bias.storage[$0] }
    return (w, Tensor(shape: [s.count], storage: folded))
  }
}
