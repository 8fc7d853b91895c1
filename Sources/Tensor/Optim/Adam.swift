import Foundation

/// Hyperparameters of Adam and AdamW (PyTorch `torch.optim.Adam` / `AdamW` semantics,
/// bias correction always on).
public struct AdamConfiguration: Sendable, Equatable {
  /// Base learning rate α, `> 0`.
  public var learningRate: Float
  /// Decay of the first moment β₁, in `[0, 1)`.
  public var beta1: Float
  /// Decay of the second moment β₂, in `[0, 1)`.
  public var beta2: Float
  /// ε added to `√v̂`, `> 0`.
  public var epsilon: Float
  /// Weight decay λ, `≥ 0`: added to the gradient (`λ·p`, Adam) or, when `decoupled`,
  /// applied to the weights as `p ← p·(1 − α·λ)` before the step (AdamW).
  public var weightDecay: Float
  /// AdamW's decoupled weight decay.
  public var decoupled: Bool

  /// Adam with PyTorch's defaults (`lr 1e-3, betas (0.9, 0.999), eps 1e-8, no decay`).
  public init(
    learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
    weightDecay: Float = 0, decoupled: Bool = false
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decoupled = decoupled
  }

  /// AdamW with PyTorch's defaults (`weight_decay 0.01`).
  public static func adamW(learningRate: Float = 1e-3, weightDecay: Float = 0.01) -> AdamConfiguration {
    AdamConfiguration(learningRate: learningRate, weightDecay: weightDecay, decoupled: true)
  }

  /// Checks every parameter against its allowed range.
  public func validate() throws(TensorError) {
    try require(learningRate > 0 && learningRate.isFinite, "learningRate", "> 0", learningRate)
    try require((0..<1).contains(beta1), "beta1", "in [0, 1)", beta1)
    try require((0..<1).contains(beta2), "beta2", "in [0, 1)", beta2)
    try require(epsilon > 0 && epsilon.isFinite, "epsilon", "> 0", epsilon)
    try require(weightDecay >= 0 && weightDecay.isFinite, "weightDecay", "≥ 0", weightDecay)
  }
}

extension AdamConfiguration: UpdateRule {
  /// Adam / AdamW in one flat loop over the store (llm.c's `gpt2_update`):
  ///
  ///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
  ///     p ← p − (α/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε)
  ///
  /// with `g = ∇ + λp` (Adam) or `p ← p(1 − αλ)` first (AdamW). The update is written in
  /// PyTorch's order of operations so that parity tests agree to rounding.
  ///
  /// Reference: D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015,
  /// algorithm 1; I. Loshchilov, F. Hutter, "Decoupled Weight Decay Regularization",
  /// ICLR 2019, algorithm 2.
  public func update(_ store: ParameterStore, rate lr: Float, step: Int) {
    let c = self
    let t = Double(step)
    let stepSize = Float(Double(lr) / (1 - pow(Double(c.beta1), t)))
    let correction2 = Float((1 - pow(Double(c.beta2), t)).squareRoot())
    let decay: Float = c.decoupled ? 1 - lr * c.weightDecay : 1
    let l2: Float = c.decoupled ? 0 : c.weightDecay
    store.ensureMoments(second: true)
    let count = store.count
    store.values.withUnsafeMutableBufferPointer { p in
      store.gradients.withUnsafeBufferPointer { grad in
        store.firstMoments.withUnsafeMutableBufferPointer { m in
          store.secondMoments.withUnsafeMutableBufferPointer { v in
            guard let p = p.baseAddress, let grad = grad.baseAddress, let m = m.baseAddress,
              let v = v.baseAddress
            else { return }
            // Eight parameters per iteration in SIMD lanes (the scalar loop does not
            // auto-vectorise); every lane follows the formula above.
            for start in stride(from: 0, to: count, by: Lanes.width) {
              let n = min(Lanes.width, count - start)
              var (pi, mi, vi) = (Lanes.load(p, start, n), Lanes.load(m, start, n), Lanes.load(v, start, n))
              let g = Lanes.load(grad, start, n) + l2 * pi
              mi += (1 - c.beta1) * (g - mi)
              vi = c.beta2 * vi + (1 - c.beta2) * g * g
              pi = pi * decay - stepSize * mi / (vi.squareRoot() / correction2 + c.epsilon)
              Lanes.store(pi, p, start, n)
              Lanes.store(mi, m, start, n)
              Lanes.store(vi, v, start, n)
            }
          }
        }
      }
    }
  }
}
