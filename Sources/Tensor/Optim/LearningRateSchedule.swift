import Foundation

/// A multiplier of the base learning rate as a function of the update index `t`
/// (0 for the first update).
public enum LearningRateSchedule: Sendable, Equatable {
  /// Factor 1 throughout.
  case constant
  /// `(t + 1)/warmup` for the first `warmup` updates, then linear decay to 0 at `total`:
  /// `(total − t)/(total − warmup)` (BERT's schedule).
  case linearWarmupDecay(warmupSteps: Int, totalSteps: Int)
  /// Linear warm-up as above, then half a cosine from 1 down to `minimumFactor` at `total`:
  /// `m + (1 − m)·½(1 + cos(π·(t − warmup)/(total − warmup)))`.
  ///
  /// Reference: I. Loshchilov, F. Hutter, "SGDR: Stochastic Gradient Descent with Warm
  /// Restarts", ICLR 2017, eq. 5 (one cycle, no restart).
  case cosine(warmupSteps: Int, totalSteps: Int, minimumFactor: Float)

  /// The factor at update `t ≥ 0`; past `total` the last value is kept.
  public func factor(atStep t: Int) -> Float {
    switch self {
    case .constant:
      return 1
    case let .linearWarmupDecay(warmup, total):
      if t < warmup { return Float(t + 1) / Float(warmup) }
      return max(0, Float(total - t) / Float(max(total - warmup, 1)))
    case let .cosine(warmup, total, minimum):
      if t < warmup { return Float(t + 1) / Float(warmup) }
      let progress = min(1, Double(t - warmup) / Double(max(total - warmup, 1)))
      return minimum + (1 - minimum) * Float(0.5 * (1 + cos(Double.pi * progress)))
    }
  }

  /// Checks the step counts (`0 ≤ warmup ≤ total`, `total ≥ 1`) and the floor in `[0, 1]`.
  public func validate() throws(TensorError) {
    switch self {
    case .constant:
      return
    case let .linearWarmupDecay(warmup, total):
      try LearningRateSchedule.validateSteps(warmup, total)
    case let .cosine(warmup, total, minimum):
      try LearningRateSchedule.validateSteps(warmup, total)
      try require((0...1).contains(minimum), "minimumFactor", "in [0, 1]", minimum)
    }
  }

  private static func validateSteps(_ warmup: Int, _ total: Int) throws(TensorError) {
    try require(total >= 1, "totalSteps", "≥ 1", total)
    try require((0...total).contains(warmup), "warmupSteps", "in 0...totalSteps (\(total))", warmup)
  }
}
