// MARK: - embedding   y[i] = table[indices[i]]
// table: [V, D]   indices: shape S (Π S = n), values in 0..<V   →   y: [*S, D]
/// Looks up rows of an embedding table; backward scatter-adds `dy` rows into `dtable`
/// (repeated indices accumulate).
///
/// - Complexity: O(n·D) forward and backward.
public func embedding(_ table: Variable, indices: [Int], shape: [Int]? = nil) -> Variable {
  let tv = table.value
  precondition(tv.rank == 2, "embedding table must be [V, D], got \(tv.shape)")
  let shape = shape ?? [indices.count]
  precondition(shape.reduce(1, *) == indices.count, "embedding: \(indices.count) indices for shape \(shape)")
  let y = tv.gatherRows(indices).reshaped(shape + [tv.shape[1]])
  let width = tv.shape[1]
  return table.tape.record(y, parents: [table]) { dy, p in
    p[0].tape.accumulate(p[0]) { dt in
      dy.storage.withUnsafeBufferPointer { g in
        for (r, i) in indices.enumerated() {
          for j in 0..<width { dt[i * width + j] += g[r * width + j] }
        }
      }
    }
  }
}
