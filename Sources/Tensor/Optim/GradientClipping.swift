extension ParameterStore {
  /// The Euclidean norm of all gradients together, accumulated in `Double`.
  public var gradientNorm: Double {
    gradients.withUnsafeBufferPointer { g in
      var total = 0.0
      for x in g { total += Double(x) * Double(x) }
      return total.squareRoot()
    }
  }

  /// Scales all gradients by `maxNorm/(‖g‖ + 10⁻⁶)` when that is below 1 (PyTorch
  /// `clip_grad_norm_`), and returns the norm before clipping.
  ///
  /// - Parameter maxNorm: the largest allowed global norm, `> 0`.
  @discardableResult
  public func clipGradientNorm(maxNorm: Double) -> Double {
    precondition(maxNorm > 0, "maxNorm must be positive, got \(maxNorm)")
    let norm = gradientNorm
    let coefficient = Float(maxNorm / (norm + 1e-6))
    if coefficient < 1 {
      gradients.withUnsafeMutableBufferPointer { g in
        for i in g.indices { g[i] *= coefficient }
      }
    }
    return norm
  }
}
