/// Accuracies of few-shot prototype classification, per shot count and trial.
public struct PrototypeResult: Sendable, Codable, Equatable {
  /// The shot counts evaluated, as configured.
  public var shots: [Int]
  /// `accuracies[s][t]`: fraction of query items classified correctly with `shots[s]`
  /// examples per class in trial `t`; shape `[shots.count][trials]`.
  public var accuracies: [[Double]]
  /// Mean accuracy over trials, per shot count.
  public var mean: [Double]
  /// Population standard deviation (ddof 0, as `np.std`) over trials, per shot count.
  public var std: [Double]
  /// Number of query items per shot count (all items not in the support).
  public var queryCounts: [Int]

  /// A result; `mean` and `std` are computed from `accuracies`.
  public init(shots: [Int], accuracies: [[Double]], queryCounts: [Int]) {
    self.shots = shots
    self.accuracies = accuracies
    self.queryCounts = queryCounts
    mean = accuracies.map { $0.reduce(0, +) / Double($0.count) }
    std = zip(accuracies, mean).map { values, m in
      (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)).squareRoot()
    }
  }
}
