extension Tensor {
  /// The rows of a `[n, d]` matrix at `indices`, in that order: `[indices.count, d]`.
  ///
  /// - Complexity: O(indices.count · d).
  public func gatherRows(_ indices: [Int]) -> Tensor {
    precondition(rank == 2, "gatherRows needs a [n, d] matrix, got \(shape)")
    let (n, d) = (shape[0], shape[1])
    var result = Tensor(zeros: [indices.count, d])
    storage.withUnsafeBufferPointer { source in
      result.storage.withUnsafeMutableBufferPointer { target in
        guard let from = source.baseAddress, let to = target.baseAddress else { return }
        for (r, i) in indices.enumerated() {
          precondition((0..<n).contains(i), "row \(i) out of range 0..<\(n)")
          (to + r * d).update(from: from + i * d, count: d)
        }
      }
    }
    return result
  }
}
