import Tensor
import Testing

@testable import Probes

@Suite struct PrototypeClassifierTests {
  /// Normalised rows: (0.6, 0.8), (1, 0), (0, 1), (0, 1), and (0.7, 1)/‖·‖ ≈ (0.573, 0.819).
  static let features = Tensor(shape: [5, 2], storage: [3, 4, 1, 0, 0, 2, 0, 1, 0.7, 1])
  static let labels = [0, 0, 1, 1, 1]

  /// Support {0, 1} | {2}: P₀ = ((0.6, 0.8) + (1, 0)) / 2 = (0.8, 0.4) (norm ≈ 0.894, kept),
  /// P₁ = (0, 1). Item 3 scores (0.4, 1) → 1. Item 4 scores (0.7864, 0.8192) → 1, correct;
  /// a re-normalised P₀ would score 0.8793 and predict 0.
  @Test func handComputedTrialKeepsPrototypesUnnormalised() {
    let trial = PrototypeClassifier.trial(
      normalizedFeatures: Self.features.l2NormalizedRows(), labels: Self.labels,
      support: [[0, 1], [2]])
    #expect(trial.queryIndices == [3, 4])
    #expect(trial.predictions == [1, 1])
    #expect(trial.accuracy == 1)
    let s = Float(1 / (0.7 * 0.7 + 1.0).squareRoot())
    let expected: [Float] = [0.4, 1, (0.8 * 0.7 + 0.4) * s, s]
    #expect(zip(trial.scores.storage, expected).allSatisfy { abs($0 - $1) < 1e-6 })
  }

  /// Support {0} | {2}: P₀ = (0.6, 0.8), P₁ = (0, 1); item 1 = (1, 0) → 0 (right), item 3 =
  /// (0, 1) → 1 (right), item 4 → 0 (0.9381 > 0.8192, wrong): accuracy 2/3.
  @Test func handComputedTrialWithOneShot() {
    let trial = PrototypeClassifier.trial(
      normalizedFeatures: Self.features.l2NormalizedRows(), labels: Self.labels,
      support: [[0], [2]])
    #expect(trial.queryIndices == [1, 3, 4])
    #expect(trial.predictions == [0, 1, 0])
    #expect(trial.accuracy == 2.0 / 3.0)
  }

  /// Class 0 lies on the x axis, class 1 on the y axis: every support gives the prototypes
  /// (1, 0) and (0, 1), so every trial is perfect.
  @Test func separableClassesArePerfectInEveryTrial() throws {
    let features = Tensor(shape: [6, 2], storage: [1, 0, 2, 0, 5, 0, 0, 3, 0, 1, 0, 7])
    let result = try PrototypeClassifier.evaluate(
      features: features, labels: [0, 0, 0, 1, 1, 1], classCount: 2,
      configuration: PrototypeConfiguration(shots: [1, 2], trials: 3, seed: 4))
    #expect(result.accuracies == [[1, 1, 1], [1, 1, 1]])
    #expect(result.mean == [1, 1] && result.std == [0, 0])
    #expect(result.queryCounts == [4, 2])
  }

  @Test func aClassWithoutAQueryLeftIsAnError() {
    #expect(throws: ProbeError.notEnoughExamples(classIndex: 1, available: 2, requested: 2)) {
      try PrototypeClassifier.evaluate(
        features: Tensor(zeros: [5, 2]), labels: [0, 0, 0, 1, 1], classCount: 2,
        configuration: PrototypeConfiguration(shots: [1, 2], trials: 1, seed: 0))
    }
    #expect(throws: ProbeError.notEnoughExamples(classIndex: 2, available: 0, requested: 1)) {
      try PrototypeClassifier.evaluate(
        features: Tensor(zeros: [4, 2]), labels: [0, 0, 1, 1], classCount: 3,
        configuration: PrototypeConfiguration(shots: [1], trials: 1, seed: 0))
    }
  }

  @Test func inconsistentInputsAreRejected() {
    let configuration = PrototypeConfiguration(shots: [1], trials: 1, seed: 0)
    #expect(throws: ProbeError.shapeMismatch("3 feature rows but 2 labels")) {
      try PrototypeClassifier.evaluate(
        features: Tensor(zeros: [3, 2]), labels: [0, 1], classCount: 2, configuration: configuration
      )
    }
    #expect(throws: ProbeError.shapeMismatch("label 2 of item 1 is outside 0..<2")) {
      try PrototypeClassifier.evaluate(
        features: Tensor(zeros: [2, 2]), labels: [0, 2], classCount: 2, configuration: configuration
      )
    }
  }

  @Test func progressIsReportedAfterEveryTrial() throws {
    var calls: [[Int]] = []
    _ = try PrototypeClassifier.evaluate(
      features: Self.features, labels: Self.labels, classCount: 2,
      configuration: PrototypeConfiguration(shots: [1], trials: 3, seed: 2)
    ) { done, total in calls.append([done, total]) }
    #expect(calls == [[1, 3], [2, 3], [3, 3]])
  }

  /// The per-trial seed, as the Python port in `scripts/fixtures/prototype_fixture.py`
  /// computes it: mix(mix(mix(7) ^ 1) ^ 2).
  @Test func trialSeedsMatchThePythonPort() {
    #expect(PrototypeClassifier.trialSeed(7, shots: 5, trial: 2) == 3_796_102_099_191_268_993)
  }
}

@Suite struct PrototypeConfigurationTests {
  @Test(arguments: [
    (PrototypeConfiguration(shots: [], trials: 1, seed: 0), "shots"),
    (PrototypeConfiguration(shots: [1, 0], trials: 1, seed: 0), "shots"),
    (PrototypeConfiguration(shots: [1001], trials: 1, seed: 0), "shots"),
    (PrototypeConfiguration(shots: [5], trials: 0, seed: 0), "trials"),
    (PrototypeConfiguration(shots: [5], trials: 1001, seed: 0), "trials"),
  ])
  func outOfRangeValuesNameTheParameter(configuration: PrototypeConfiguration, parameter: String) {
    let error = #expect(throws: ProbeError.self) { try configuration.validate() }
    guard case .invalidConfiguration(parameter, _, _) = error else {
      Issue.record("expected invalidConfiguration(\(parameter)), got \(String(describing: error))")
      return
    }
  }

  @Test func theThesisDefaultsAreValid() throws {
    try PrototypeConfiguration().validate()
    #expect(
      PrototypeConfiguration() == PrototypeConfiguration(shots: [1, 5, 10], trials: 10, seed: 0))
  }
}
