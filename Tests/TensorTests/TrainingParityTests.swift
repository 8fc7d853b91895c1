import Foundation
import Tensor
import TestSupport
import Testing

/// The reference run of `scripts/fixtures/tensor_mlp_adam.py` (PyTorch, float32, 1 thread).
private struct MLPFixture: Decodable {
  var sizes: [Int]
  var batch: Int
  var steps: Int
  var weights: [[Float]]
  var biases: [[Float]]
  var inputs: [Float]
  var targets: [Int]
  var adam_losses: [Double]
  var adamw_losses: [Double]
}

/// The fixture's MLP: 8 → 16 (tanh) → 16 (ReLU) → 4, weights from PyTorch.
private struct FixtureMLP {
  let store = ParameterStore()
  let layers: [Linear]

  init(_ fixture: MLPFixture) {
    var generator = SplitMix64(seed: 0)
    var layers: [Linear] = []
    for (i, (inputs, outputs)) in zip(fixture.sizes, fixture.sizes.dropFirst()).enumerated() {
      let layer = Linear(inputs, outputs, name: "fc\(i)", store: store, generator: &generator)
      layer.weight.setValue(Tensor(shape: [outputs, inputs], storage: fixture.weights[i]))
      layer.bias?.setValue(Tensor(shape: [outputs], storage: fixture.biases[i]))
      layers.append(layer)
    }
    self.layers = layers
  }

  func callAsFunction(_ x: Variable) -> Variable {
    layers[2](relu(layers[1](tanh(layers[0](x)))))
  }
}

@Suite struct TrainingParityTests {
  /// Trains like the fixture script and returns the loss before each update.
  private func train(_ fixture: MLPFixture, optimizer makeOptimizer: (ParameterStore) throws -> any Optimizer, clip: Double?) throws -> [Double] {
    let model = FixtureMLP(fixture)
    let optimizer = try makeOptimizer(model.store)
    let features = fixture.sizes[0]
    let data = Tensor(shape: [fixture.targets.count, features], storage: fixture.inputs)
    var losses: [Double] = []
    for step in 0..<fixture.steps {
      let start = (step * fixture.batch) % fixture.targets.count
      let tape = Tape()
      let x = tape.constant(data.rows(start..<(start + fixture.batch)))
      let loss = crossEntropy(model(x), targets: Array(fixture.targets[start..<(start + fixture.batch)]))
      model.store.zeroGradients()
      tape.backward(loss)
      if let clip { model.store.clipGradientNorm(maxNorm: clip) }
      try optimizer.step()
      losses.append(Double(loss.value.scalar))
    }
    return losses
  }

  @Test func mlpAdamMatchesPyTorchAtEveryStep() throws {
    let fixture = try Fixtures.decode(MLPFixture.self, named: "tensor_mlp_adam.json")
    let losses = try train(fixture, optimizer: { try Adam(store: $0, configuration: AdamConfiguration(learningRate: 1e-2)) }, clip: nil)
    assertClose(losses, fixture.adam_losses, rtol: 1e-4, atol: 0, "Adam losses")
    #expect(losses[fixture.steps - 1] < losses[0] * 0.7)
  }

  @Test func mlpAdamWWithScheduleAndClippingMatchesPyTorch() throws {
    let fixture = try Fixtures.decode(MLPFixture.self, named: "tensor_mlp_adam.json")
    let losses = try train(
      fixture,
      optimizer: {
        try Adam(
          store: $0, configuration: .adamW(learningRate: 1e-2, weightDecay: 0.1),
          schedule: .linearWarmupDecay(warmupSteps: 5, totalSteps: 50))
      }, clip: 1.0)
    assertClose(losses, fixture.adamw_losses, rtol: 1e-4, atol: 0, "AdamW losses")
  }
}

@Suite struct DeterminismTests {
  /// A seeded run: initialisation, data, batch order and dropout all from one seed.
  private func seededRun(seed: UInt64) throws -> [Float] {
    var generator = SplitMix64(seed: seed)
    let store = ParameterStore()
    let first = Linear(12, 32, name: "a", store: store, generator: &generator)
    let second = Linear(32, 3, name: "b", store: store, generator: &generator)
    let data = Tensor(normal: [96, 12], generator: &generator)
    let labels = (0..<96).map { _ in generator.integer(below: 3) }
    let optimizer = try Adam(store: store, configuration: .adamW(learningRate: 3e-3))
    var losses: [Float] = []
    for _ in 0..<15 {
      let batch = generator.sample(24, from: 96)
      let tape = Tape()
      let hidden = dropout(gelu(first(tape.constant(data.gatherRows(batch)))), probability: 0.2, generator: &generator)
      let loss = crossEntropy(second(hidden), targets: batch.map { labels[$0] })
      store.zeroGradients()
      tape.backward(loss)
      try optimizer.step()
      losses.append(loss.value.scalar)
    }
    return losses
  }

  @Test func sameSeedGivesBitIdenticalLosses() throws {
    let a = try seededRun(seed: 42)
    let b = try seededRun(seed: 42)
    #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    #expect(try seededRun(seed: 43) != a)
  }
}
