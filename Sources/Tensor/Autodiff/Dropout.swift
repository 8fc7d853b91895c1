// MARK: - dropout   y = x ⊙ m / (1 − p),  mᵢ ~ Bernoulli(1 − p)
// x: [*]   →   y: [*]
/// Inverted dropout with a seeded mask: each element is kept with probability `1 − p` and
/// scaled by `1/(1 − p)`, so the expectation is unchanged; backward multiplies `dy` by the
/// same mask. The mask draws one `uniform()` per element, in row-major order, from
/// `generator` (keep where `u ≥ p`). For evaluation, do not call it.
///
/// Reference: N. Srivastava et al., "Dropout: A Simple Way to Prevent Neural Networks from
/// Overfitting", JMLR 15, 2014 (the inverted form is PyTorch's).
/// - Parameter probability: the drop probability `p` in `[0, 1)`.
public func dropout(_ x: Variable, probability p: Float, generator: inout SplitMix64) -> Variable {
  precondition((0..<1).contains(p), "dropout probability must be in [0, 1), got \(p)")
  let scale = 1 / (1 - p)
  let mask = (0..<x.count).map { _ in generator.uniform() >= Double(p) ? scale : 0 }
  return x * x.tape.constant(Tensor(shape: x.shape, storage: mask))
}
