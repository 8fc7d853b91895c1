// MARK: - negative log-likelihood   L = −(1/M) Σ_{i: tᵢ ≠ ignore} logp[i, tᵢ]
// logProbabilities: [*, C]   targets: n = Π* class indices   →   L: []
/// The mean negative log-likelihood of the target classes, skipping `ignoreIndex`
/// (PyTorch `nll_loss`, reduction "mean"). Backward puts `−dL/M` at each target position.
///
/// When every target is ignored the loss is 0 with zero gradient (PyTorch gives NaN).
public func negativeLogLikelihood(
  _ logProbabilities: Variable, targets: [Int], ignoreIndex: Int? = nil
) -> Variable {
  let lp = logProbabilities.value
  let classes = lp.shape.last ?? 1
  precondition(
    lp.count == targets.count * classes,
    "nll: \(targets.count) targets for log-probabilities \(lp.shape)")
  let kept = targets.enumerated().filter { $0.element != ignoreIndex }
  for (_, t) in kept {
    precondition((0..<classes).contains(t), "target class \(t) out of range 0..<\(classes)")
  }
  let scale = kept.isEmpty ? 0 : 1 / Double(kept.count)
  let total = kept.reduce(0.0) { $0 - Double(lp.storage[$1.offset * classes + $1.element]) }
  return logProbabilities.tape.record(
    Tensor(scalar: Float(total * scale)), parents: [logProbabilities]
  ) { dy, p in
    let g = -dy.scalar * Float(scale)
    p[0].tape.accumulate(p[0]) { dx in
      for (i, t) in kept { dx[i * classes + t] += g }
    }
  }
}

/// Cross-entropy of logits against class indices: `nll(logSoftmax(logits))`, mean over
/// the targets that are not `ignoreIndex` (PyTorch `cross_entropy`).
///
/// - Parameters:
///   - logits: `[*, C]` unnormalised scores.
///   - targets: one class index per row of `logits` (`Π*` of them).
///   - ignoreIndex: a target value whose rows contribute neither loss nor gradient
///     (padding tokens); `nil` keeps every row.
/// - Returns: the scalar mean loss.
public func crossEntropy(_ logits: Variable, targets: [Int], ignoreIndex: Int? = nil) -> Variable {
  negativeLogLikelihood(logSoftmax(logits), targets: targets, ignoreIndex: ignoreIndex)
}
