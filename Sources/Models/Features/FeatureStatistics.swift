/// Summary of a feature matrix's row norms, for the `features` block's table and model cards.
public struct FeatureStatistics: Sendable, Equatable {
  /// Rows.
  public var count: Int
  /// Columns.
  public var dimension: Int
  /// Mean, smallest and largest Euclidean norm of a row (0 for an empty matrix).
  public var meanNorm, minNorm, maxNorm: Double

  /// Statistics of `store`'s rows (norms accumulated in `Double`).
  public init(_ store: FeatureStore) {
    let (count, dimension) = (store.count, store.dimension)
    let values = store.features.values
    let norms = (0..<count).map { row in
      values[row * dimension..<(row + 1) * dimension].reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
    self.count = count
    self.dimension = dimension
    meanNorm = norms.isEmpty ? 0 : norms.reduce(0, +) / Double(norms.count)
    minNorm = norms.min() ?? 0
    maxNorm = norms.max() ?? 0
  }
}
