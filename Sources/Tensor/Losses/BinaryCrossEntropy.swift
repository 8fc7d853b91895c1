import Foundation

// MARK: - BCE with logits   L = mean(max(x, 0) − x·z + log(1 + e^{−|x|}))
// logits: [*]   targets: [*] in [0, 1]   →   L: []
/// Binary cross-entropy of `σ(logits)` against (possibly soft) targets, in the stable
/// log-sum-exp form (PyTorch `binary_cross_entropy_with_logits`, reduction "mean").
///
/// Backward: `dx = (σ(x) − z)/n`; no gradient flows to the targets.
/// The composite `−mean(z·log σ(x) + (1 − z)·log(1 − σ(x)))` is the test oracle.
public func binaryCrossEntropyWithLogits(_ logits: Variable, targets: Tensor) -> Variable {
  let x = logits.value
  precondition(x.shape == targets.shape, "BCE: logits \(x.shape), targets \(targets.shape)")
  let n = Double(max(x.count, 1))
  var total = 0.0
  for (xi, zi) in zip(x.storage, targets.storage) {
    total += Double(max(xi, 0) - xi * zi + Foundation.log1p(Foundation.exp(-Swift.abs(xi))))
  }
  return logits.tape.record(Tensor(scalar: Float(total / n)), parents: [logits]) { dy, p in
    let g = dy.scalar / Float(n)
    p[0].tape.accumulate(p[0]) { dx in
      for i in dx.indices { dx[i] += g * (stableSigmoid(x.storage[i]) - targets.storage[i]) }
    }
  }
}
