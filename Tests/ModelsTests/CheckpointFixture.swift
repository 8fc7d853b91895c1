import Foundation
import TestSupport

/// `Tests/Fixtures/models_checkpoints/expected.json`, written by
/// `scripts/fixtures/models_checkpoints.py` with PyTorch.
struct CheckpointFixture: Decodable {
  struct Exact: Decodable {
    var name: String
    var dtype: String
    var shape: [Int]
    var values: [Float]
  }

  struct Summary: Decodable {
    var name: String
    var shape: [Int]
    var sum: Double
    var abs_sum: Double
  }

  struct Real: Decodable {
    var member: String
    var count: Int
    var first_names: [String]?
    var tensors: [Summary]
  }

  struct Unexpected: Error, CustomStringConvertible {
    var description: String
  }

  var state: [Exact]
  var efficientnet: Real
  var minilm: Real

  static func load() throws -> CheckpointFixture {
    try Fixtures.decode(CheckpointFixture.self, named: "models_checkpoints/expected.json")
  }

  static func url(_ file: String) -> URL {
    TestPaths.fixtures.appendingPathComponent("models_checkpoints").appendingPathComponent(file)
  }
}
