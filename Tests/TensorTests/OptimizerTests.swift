import Foundation
import Tensor
import TestSupport
import Testing

@Suite struct OptimizerTests {
  /// A store with one parameter `p = [1, −2]` and gradient `g = [0.5, 1]`.
  private func store() -> ParameterStore {
    let store = ParameterStore()
    store.add("p", Tensor(shape: [2], storage: [1, -2]))
    let tape = Tape()
    let p = tape.parameter(store.parameters[0])
    tape.backward(sum(p * tape.constant(Tensor(shape: [2], storage: [0.5, 1]))))
    return store
  }

  @Test func sgdWithMomentumFollowsPyTorchsRule() throws {
    let s = store()
    let sgd = try SGD(store: s, configuration: SGDConfiguration(learningRate: 0.1, momentum: 0.9, weightDecay: 0.1))
    try sgd.step()  // g = ∇ + 0.1p = [0.6, 0.8]; b = g; p −= 0.1·b
    assertClose(s.values, [0.94, -2.08], atol: 1e-6)
    try sgd.step()  // g = [0.594, 0.792]; b = 0.9·[0.6, 0.8] + g = [1.134, 1.512]
    assertClose(s.values, [0.94 - 0.1134, -2.08 - 0.1512], atol: 1e-6)
    #expect(sgd.stepCount == 2)
  }

  @Test func adamFirstStepMovesEachWeightByTheLearningRate() throws {
    let s = store()
    let adam = try Adam(store: s, configuration: AdamConfiguration(learningRate: 0.01))
    try adam.step()  // m̂ = g, v̂ = g², so Δ = −lr·g/(|g| + ε)
    assertClose(s.values, [0.99, -2.01], atol: 1e-6)
  }

  @Test func adamWDecaysTheWeightsBeforeTheStep() throws {
    let s = store()
    let adamW = try Adam(store: s, configuration: .adamW(learningRate: 0.01, weightDecay: 0.5))
    try adamW.step()  // p·(1 − 0.005) − 0.01·sign(g)
    assertClose(s.values, [0.995 - 0.01, -1.99 - 0.01], atol: 1e-6)
  }

  @Test func schedules() {
    let warm = LearningRateSchedule.linearWarmupDecay(warmupSteps: 4, totalSteps: 12)
    #expect((0..<5).map { warm.factor(atStep: $0) } == [0.25, 0.5, 0.75, 1, 1])
    #expect(warm.factor(atStep: 8) == 0.5)
    #expect(warm.factor(atStep: 20) == 0)
    let cosine = LearningRateSchedule.cosine(warmupSteps: 0, totalSteps: 10, minimumFactor: 0.1)
    #expect(cosine.factor(atStep: 0) == 1)
    #expect(abs(cosine.factor(atStep: 5) - 0.55) < 1e-6)
    #expect(abs(cosine.factor(atStep: 10) - 0.1) < 1e-6)
    #expect(LearningRateSchedule.constant.factor(atStep: 99) == 1)
  }

  @Test func invalidConfigurationsNameTheParameterAndRange() {
    #expect(throws: TensorError.invalidConfiguration(parameter: "beta2", allowed: "in [0, 1)", got: "1.0")) {
      try Adam(store: ParameterStore(), configuration: AdamConfiguration(beta2: 1))
    }
    #expect(throws: TensorError.invalidConfiguration(parameter: "learningRate", allowed: "> 0", got: "-0.1")) {
      try SGD(store: ParameterStore(), configuration: SGDConfiguration(learningRate: -0.1))
    }
    #expect(throws: TensorError.invalidConfiguration(parameter: "warmupSteps", allowed: "in 0...totalSteps (5)", got: "6")) {
      try Adam(store: ParameterStore(), schedule: .linearWarmupDecay(warmupSteps: 6, totalSteps: 5))
    }
    let error = TensorError.invalidConfiguration(parameter: "momentum", allowed: "in [0, 1)", got: "1.5")
    #expect(error.description == "`momentum` must be in [0, 1), got 1.5")
  }

  @Test func clippingScalesToTheMaximumNorm() {
    let s = store()
    let norm = s.clipGradientNorm(maxNorm: 0.5)
    #expect(abs(norm - 1.25.squareRoot()) < 1e-6)
    #expect(abs(s.gradientNorm - 0.5) < 1e-5)
    #expect(abs(s.clipGradientNorm(maxNorm: 10) - 0.5) < 1e-5)
    #expect(abs(s.gradientNorm - 0.5) < 1e-5)
  }

  @Test func nonFiniteGradientStopsTheStepWithStepAndName() throws {
    let s = ParameterStore()
    s.add("encoder.weight", Tensor(shape: [2], storage: [1, 2]))
    let bias = s.add("encoder.bias", Tensor(shape: [1], storage: [0]))
    let adam = try Adam(store: s)
    try adam.step()
    let tape = Tape()
    tape.backward(log(tape.parameter(bias)))  // d log(0) = 1/0 = ∞
    #expect(throws: TensorError.nonFinite(step: 1, tensor: "encoder.bias.grad")) { try adam.step() }
    #expect(s.values == [1, 2, 0])
    #expect(throws: TensorError.nonFinite(step: 7, tensor: "loss")) {
      try NonFiniteGuard.check(Tensor(scalar: .nan), name: "loss", step: 7)
    }
  }
}

@Suite struct CheckpointTests {
  @Test func safetensorsRoundTripRestoresValuesAndMoments() throws {
    try withTemporaryDirectory { directory in
      let store = ParameterStore()
      var generator = SplitMix64(seed: 3)
      let layer = Linear(3, 2, name: "head", store: store, generator: &generator)
      let tape = Tape()
      tape.backward(sum(layer(tape.constant(Tensor(repeating: 1, shape: [1, 3])))))
      try Adam(store: store).step()
      let url = directory.appendingPathComponent("model.safetensors")
      try Safetensors.save(store, to: url, metadata: ["step": "1"], includeMoments: true)

      let restored = ParameterStore()
      _ = Linear(3, 2, name: "head", store: restored, generator: &generator)
      #expect(restored.values != store.values)
      let metadata = try Safetensors.load(into: restored, from: url)
      #expect(metadata == ["step": "1"])
      #expect(restored.values == store.values)
      #expect(restored.firstMoments == store.firstMoments)
      #expect(restored.secondMoments == store.secondMoments)
    }
  }

  @Test func encodingIsTheDocumentedByteLayout() throws {
    let data = Safetensors.encode([(name: "a", tensor: Tensor(shape: [2], storage: [1, -2]))])
    let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
    let padded = header + String(repeating: " ", count: (8 - header.utf8.count % 8) % 8)
    #expect(Array(data.prefix(8)) == [UInt8(padded.utf8.count), 0, 0, 0, 0, 0, 0, 0])
    #expect(String(decoding: data[8..<(8 + padded.utf8.count)], as: UTF8.self) == padded)
    #expect(try Safetensors.decode(data).tensors["a"] == Tensor(shape: [2], storage: [1, -2]))
  }

  @Test func loadRejectsMissingAndMisshapedTensors() throws {
    try withTemporaryDirectory { directory in
      let url = directory.appendingPathComponent("x.safetensors")
      try Safetensors.encode([(name: "w", tensor: Tensor(zeros: [2, 2]))]).write(to: url)
      let store = ParameterStore()
      store.add("w", Tensor(zeros: [4]))
      #expect(throws: TensorError.checkpoint("`w` is [2, 2] in the file, [4] in the model")) {
        try Safetensors.load(into: store, from: url)
      }
      let other = ParameterStore()
      other.add("v", Tensor(zeros: [1]))
      #expect(throws: TensorError.checkpoint("x.safetensors has no tensor `v`")) {
        try Safetensors.load(into: other, from: url)
      }
      #expect(throws: TensorError.self) { try Safetensors.decode(Data([1, 2, 3])) }
    }
  }
}
