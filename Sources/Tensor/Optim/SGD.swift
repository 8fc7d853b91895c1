/// Hyperparameters of stochastic gradient descent (PyTorch `torch.optim.SGD` semantics,
/// without dampening).
public struct SGDConfiguration: Sendable, Equatable {
  /// Base learning rate, `> 0`.
  public var learningRate: Float
  /// Momentum coefficient μ in `[0, 1)`; 0 disables the velocity buffer.
  public var momentum: Float
  /// L2 penalty added to the gradient, `wd·p`, `≥ 0`.
  public var weightDecay: Float
  /// Nesterov momentum (requires `momentum > 0`).
  public var nesterov: Bool

  /// A configuration; `validate()` checks the ranges.
  public init(learningRate: Float = 0.01, momentum: Float = 0, weightDecay: Float = 0, nesterov: Bool = false) {
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
    self.nesterov = nesterov
  }

  /// Checks every parameter against its allowed range.
  public func validate() throws(TensorError) {
    try require(learningRate > 0 && learningRate.isFinite, "learningRate", "> 0", learningRate)
    try require((0..<1).contains(momentum), "momentum", "in [0, 1)", momentum)
    try require(weightDecay >= 0 && weightDecay.isFinite, "weightDecay", "≥ 0", weightDecay)
    try require(!nesterov || momentum > 0, "nesterov", "false when momentum is 0", nesterov)
  }
}

extension SGDConfiguration: UpdateRule {
  /// `g ← ∇ + wd·p;  b ← μ·b + g (b = g at the first step);
  /// p ← p − lr·(g + μ·b if Nesterov, else b)`.
  ///
  /// Reference: I. Sutskever et al., "On the importance of initialization and momentum in
  /// deep learning", ICML 2013 (PyTorch's formulation of momentum and Nesterov).
  public func update(_ store: ParameterStore, rate lr: Float, step t: Int) {
    let c = self
    store.ensureMoments(second: false)
    store.values.withUnsafeMutableBufferPointer { p in
      store.gradients.withUnsafeBufferPointer { grad in
        store.firstMoments.withUnsafeMutableBufferPointer { b in
          for i in p.indices {
            var g = grad[i] + c.weightDecay * p[i]
            if c.momentum > 0 {
              b[i] = t == 1 ? g : c.momentum * b[i] + g
              g = c.nesterov ? g + c.momentum * b[i] : b[i]
            }
            p[i] -= lr * g
          }
        }
      }
    }
  }
}
