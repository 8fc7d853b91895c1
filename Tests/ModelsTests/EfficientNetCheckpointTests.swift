import Foundation
import Media
import Models
import Tensor
import TestSupport
import Testing

/// A checkpoint that does not hold exactly EfficientNet-Lite0's tensors is refused with an
/// error naming the tensor.
@Suite struct EfficientNetCheckpointTests {
  private static let real = Locked<Checkpoint?>(nil)

  private func checkpoint() throws -> Checkpoint {
    try Self.real.withLock { cached in
      if let cached { return cached }
      let read = try Checkpoint.read(contentsOf: try EfficientNetFixture.checkpointURL())
      cached = read
      return read
    }
  }

  private func loadError(_ tensors: [NamedTensor]) throws -> ModelError? {
    let configuration = try EfficientNetConfiguration(threads: 1)
    do {
      _ = try EfficientNetLite0(checkpoint: Checkpoint(tensors: tensors), file: "edited.pth", weightsSHA256: "", configuration: configuration)
      return nil
    } catch {
      return error
    }
  }

  @Test func theRealCheckpointHasTheReferenceTensors() throws {
    let tensors = try checkpoint().tensors
    #expect(tensors.count == 296)
    #expect(try loadError(tensors) == nil)
  }

  @Test func aMissingTensorIsNamed() throws {
    let tensors = try checkpoint().tensors.filter { $0.name != "_blocks.3._depthwise_conv.weight" }
    let error = try #require(try loadError(tensors))
    guard case .malformedTensor("edited.pth", "_blocks.3._depthwise_conv.weight", let reason) = error else {
      Issue.record("expected the missing depthwise weight to be named, got \(error)")
      return
    }
    #expect(reason.contains("missing") && reason.contains("[144, 1, 5, 5]"))
  }

  @Test func aMisshapenTensorIsNamed() throws {
    let tensors = try checkpoint().tensors.map { named in
      named.name == "_fc.bias" ? NamedTensor(name: named.name, tensor: Tensor(zeros: [999]), storedType: named.storedType) : named
    }
    let error = try #require(try loadError(tensors))
    #expect(error == .malformedTensor(file: "edited.pth", tensor: "_fc.bias", reason: "shape [999], EfficientNet-Lite0 needs [1000]"))
  }

  @Test func anUnexpectedTensorIsNamed() throws {
    var tensors = try checkpoint().tensors
    tensors.append(NamedTensor(name: "_blocks.0._se_reduce.weight", tensor: Tensor(zeros: [8, 32, 1, 1]), storedType: .f32))
    let error = try #require(try loadError(tensors))
    guard case .malformedTensor("edited.pth", "_blocks.0._se_reduce.weight", let reason) = error else {
      Issue.record("expected the squeeze-excitation weight to be named, got \(error)")
      return
    }
    #expect(reason.contains("unexpected"))
  }

  @Test func aNonFiniteValueIsNamed() throws {
    let tensors = try checkpoint().tensors.map { named in
      guard named.name == "_bn1.running_mean" else { return named }
      var tensor = named.tensor
      tensor.storage[7] = .nan
      return NamedTensor(name: named.name, tensor: tensor, storedType: named.storedType)
    }
    let error = try #require(try loadError(tensors))
    #expect(error == .malformedTensor(file: "edited.pth", tensor: "_bn1.running_mean", reason: "holds NaN or infinity"))
  }

  @Test func aTruncatedFileNamesATensor() throws {
    let bytes = try Data(contentsOf: try EfficientNetFixture.checkpointURL())
    try withTemporaryDirectory { directory in
      let cut = directory.appendingPathComponent("cut.pth")
      try bytes.prefix(bytes.count - 1000).write(to: cut)
      #expect {
        _ = try EfficientNetLite0.load(contentsOf: cut, configuration: try EfficientNetConfiguration(threads: 1))
      } throws: { error in
        guard case ModelError.malformedTensor("cut.pth", let tensor, _) = error else { return false }
        return !tensor.isEmpty
      }
    }
  }

  @Test func theConfigurationIsValidated() throws {
    #expect(throws: TensorError.invalidConfiguration(parameter: "threads", allowed: "1…64", got: "0")) {
      try EfficientNetConfiguration(threads: 0)
    }
    #expect(throws: TensorError.invalidConfiguration(parameter: "preprocessing.crop", allowed: "224", got: "200")) {
      try EfficientNetConfiguration(threads: 1, preprocessing: try Preprocessing(shortSide: 256, crop: 200, filter: .bicubic, normalization: .efficientNetLite))
    }
  }
}
