import Tensor
import TestSupport
import Testing

@testable import Probes

/// `Tests/Fixtures/prototype.json`, written by `scripts/fixtures/prototype_fixture.py`.
struct PrototypeFixture: Decodable {
  struct Trial: Decodable {
    var shots: Int
    var trial: Int
    var support: [[Int]]
    var queryIndices: [Int]
    var scores: [[Double]]
    var predictions: [Int]
    var accuracy: Double
  }

  var features: [[Float]]
  var labels: [Int]
  var classCount: Int
  var configuration: PrototypeConfiguration
  var trials: [Trial]
  var result: PrototypeResult

  var featureTensor: Tensor {
    Tensor(shape: [features.count, features[0].count], storage: features.flatMap { $0 })
  }

  static func load() throws -> PrototypeFixture {
    try Fixtures.decode(PrototypeFixture.self, named: "prototype.json")
  }
}

@Suite struct PrototypeParityTests {
  @Test func eachTrialMatchesNumPyGivenItsSupport() throws {
    let fixture = try PrototypeFixture.load()
    let normalized = fixture.featureTensor.l2NormalizedRows()
    #expect(fixture.trials.count == 12)
    for reference in fixture.trials {
      let trial = PrototypeClassifier.trial(
        normalizedFeatures: normalized, labels: fixture.labels, support: reference.support)
      let label = "shots \(reference.shots), trial \(reference.trial)"
      #expect(trial.queryIndices == reference.queryIndices, "\(label)")
      #expect(trial.predictions == reference.predictions, "\(label)")
      #expect(abs(trial.accuracy - reference.accuracy) <= 1e-6, "\(label)")
      assertClose(
        trial.scores.storage.map(Double.init), reference.scores.flatMap { $0 }, atol: 1e-6,
        "scores (\(label))")
    }
  }

  @Test func theSeededEvaluationMatchesThePythonPort() throws {
    let fixture = try PrototypeFixture.load()
    let result = try PrototypeClassifier.evaluate(
      features: fixture.featureTensor, labels: fixture.labels, classCount: fixture.classCount,
      configuration: fixture.configuration)
    #expect(result.shots == fixture.result.shots)
    #expect(result.queryCounts == fixture.result.queryCounts)
    assertClose(
      result.accuracies.flatMap { $0 }, fixture.result.accuracies.flatMap { $0 }, "accuracies")
    assertClose(result.mean, fixture.result.mean, atol: 1e-12, "mean")
    assertClose(result.std, fixture.result.std, atol: 1e-12, "std")
  }

  @Test func aSeedFixesTheResultAndAnotherSeedChangesIt() throws {
    let fixture = try PrototypeFixture.load()
    func run(seed: UInt64) throws -> PrototypeResult {
      try PrototypeClassifier.evaluate(
        features: fixture.featureTensor, labels: fixture.labels, classCount: fixture.classCount,
        configuration: PrototypeConfiguration(shots: [1, 3], trials: 5, seed: seed))
    }
    #expect(try run(seed: 1) == (try run(seed: 1)))
    #expect(try run(seed: 1).accuracies != (try run(seed: 2)).accuracies)
  }
}
