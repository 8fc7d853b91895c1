/// Parameters of few-shot prototype classification (`PrototypeClassifier`).
///
/// The thesis used shots `[1, 5, 10]` and 10 trials without a seed (see
/// `PrototypeClassifier`); here every draw follows from `seed`.
public struct PrototypeConfiguration: Sendable, Codable, Equatable {
  /// Support examples per class, one evaluation series per entry; each in `1...1000`.
  public var shots: [Int]
  /// Independent support draws per shot count, in `1...1000`.
  public var trials: Int
  /// Seed of all support draws.
  public var seed: UInt64

  /// A configuration; call `validate()` before use.
  public init(shots: [Int] = [1, 5, 10], trials: Int = 10, seed: UInt64 = 0) {
    self.shots = shots
    self.trials = trials
    self.seed = seed
  }

  /// Checks every parameter against its allowed range.
  ///
  /// - Throws: `ProbeError.invalidConfiguration` naming the parameter and the range.
  public func validate() throws(ProbeError) {
    guard !shots.isEmpty else {
      throw .invalidConfiguration(parameter: "shots", allowed: "a non-empty list", got: "[]")
    }
    for k in shots where !(1...1000).contains(k) {
      throw .invalidConfiguration(parameter: "shots", allowed: "in 1...1000 each", got: "\(k)")
    }
    guard (1...1000).contains(trials) else {
      throw .invalidConfiguration(parameter: "trials", allowed: "in 1...1000", got: "\(trials)")
    }
  }
}
