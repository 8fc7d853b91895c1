/// Symmetric InfoNCE (the CLIP objective) with a learnable temperature.
///
/// With row-normalised embeddings `a`, `b` (`[N, D]`, row `i` of each forming the positive
/// pair) and a learnable log-scale `s` (scalar), the logits are `L = eˢ·a·bᵀ` and the loss
/// is `½(CE(L, 0..<N) + CE(Lᵀ, 0..<N))`: image→text and text→image classification of the
/// matching partner among the batch. CLIP initialises `s = log(1/0.07)` and clamps `eˢ` at
/// 100; the clamp belongs to the training loop (clip `s` after each step).
///
/// Reference: A. Radford et al., "Learning Transferable Visual Models From Natural Language
/// Supervision", ICML 2021, figure 3 (pseudocode); A. van den Oord et al., "Representation
/// Learning with Contrastive Predictive Coding", arXiv:1807.03748, eq. 4.
/// - Complexity: O(N²·D) for the similarity matrix.
public func symmetricInfoNCE(_ a: Variable, _ b: Variable, logScale: Variable) -> Variable {
  precondition(a.shape == b.shape && a.shape.count == 2, "InfoNCE: \(a.shape) vs \(b.shape)")
  precondition(logScale.count == 1, "InfoNCE: logScale must hold one value, got \(logScale.shape)")
  let logits = reshape(exp(logScale), []) * matmul(a, b, transposeB: true)
  let targets = Array(0..<a.shape[0])
  let forward = crossEntropy(logits, targets: targets)
  let backward = crossEntropy(transpose(logits), targets: targets)
  return (forward + backward) * 0.5
}

/// Each row divided by its Euclidean norm, `x / √(Σⱼ xⱼ² + ε)`; composite (differentiable).
///
/// PyTorch's `F.normalize` divides by `max(‖x‖, ε)` instead; the two agree for rows whose
/// norm is well above `√ε`.
public func normalizedRows(_ x: Variable, epsilon: Float = 1e-12) -> Variable {
  x / sqrt(sum(square(x), axis: -1, keepingAxis: true) + epsilon)
}
