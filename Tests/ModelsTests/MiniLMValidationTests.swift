import Foundation
import Models
import Tensor
import TestSupport
import Testing

/// Malformed configuration files and checkpoints are errors naming the file and the key or
/// tensor, before any text is encoded.
@Suite struct MiniLMValidationTests {
  /// A JSON edit of one configuration file: set `key` to the JSON `value`, or remove it.
  struct Edit: Sendable, CustomStringConvertible {
    var file: String
    var key: String
    var value: String?
    var expected: String
    var description: String { "\(file) \(key)" }
  }

  @Test(arguments: [
    Edit(file: "config.json", key: "layer_norm_eps", value: nil, expected: "config.json: key `layer_norm_eps`: missing"),
    Edit(
      file: "config.json", key: "hidden_act", value: #""relu""#,
      expected: #"config.json: key `hidden_act`: "relu" is not supported (expected gelu)"#),
    Edit(
      file: "config.json", key: "num_attention_heads", value: "5",
      expected: "config.json: key `num_attention_heads`: 5 heads do not divide hidden_size 384"),
    Edit(file: "config.json", key: "hidden_size", value: #""384""#, expected: "config.json: key `hidden_size`: expected Int"),
    Edit(
      file: "config.json", key: "position_embedding_type", value: #""relative_key""#,
      expected: #"config.json: key `position_embedding_type`: "relative_key" is not supported (expected absolute)"#),
    Edit(
      file: "sentence_bert_config.json", key: "max_seq_length", value: "1000",
      expected: "sentence_bert_config.json: key `max_seq_length`: 1000 is outside 2...512"),
    Edit(
      file: "1_Pooling/config.json", key: "pooling_mode_max_tokens", value: "true",
      expected: "1_Pooling/config.json: key `pooling_mode_max_tokens`: only mean pooling is supported; it must be false"),
    Edit(
      file: "1_Pooling/config.json", key: "word_embedding_dimension", value: "768",
      expected: "1_Pooling/config.json: key `word_embedding_dimension`: 768, but the encoder's hidden_size is 384"),
  ])
  func aBadConfigurationValueNamesFileAndKey(edit: Edit) throws {
    try withModelCopy { directory in
      let url = directory.appendingPathComponent(edit.file)
      var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      object[edit.key] = try edit.value.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
      try JSONSerialization.data(withJSONObject: object).write(to: url)
      #expect(try loadError(directory).description == edit.expected)
    }
  }

  @Test func anUnsupportedModuleOrBrokenFileIsNamed() throws {
    try withModelCopy { directory in
      let modules = directory.appendingPathComponent("modules.json")
      let original = try String(contentsOf: modules, encoding: .utf8)
      try original.replacingOccurrences(of: "models.Normalize", with: "models.Dense").write(to: modules, atomically: true, encoding: .utf8)
      #expect(try loadError(directory).description.hasPrefix("modules.json: key `[2].type`: expected the modules Transformer, Pooling"))
      try "{\"hidden_size\": 384,".write(to: directory.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
      #expect(try loadError(directory).description.hasPrefix("config.json: not valid JSON"))
      try FileManager.default.removeItem(at: directory.appendingPathComponent("config.json"))
      guard case .unreadable(file: "config.json", _) = try loadError(directory) else {
        Issue.record("a missing config.json is not reported as unreadable")
        return
      }
    }
  }

  @Test func aMissingMisshapenOrStrayTensorIsNamed() throws {
    let model = try MiniLMFixture.model()
    let checkpoint = try Checkpoint.read(contentsOf: MiniLMFixture.modelDirectory().appendingPathComponent("model.safetensors"))
    func error(_ tensors: [NamedTensor]) -> ModelError? {
      do {
        _ = try BertWeights(checkpoint: Checkpoint(tensors: tensors), configuration: model.configuration, file: "model.safetensors")
        return nil
      } catch {
        return error
      }
    }
    #expect(checkpoint.tensors.count == 104)
    #expect(error(checkpoint.tensors) == nil)
    let missing = "encoder.layer.3.intermediate.dense.bias"
    #expect(
      error(checkpoint.tensors.filter { $0.name != missing })
        == .malformedTensor(file: "model.safetensors", tensor: missing, reason: "missing"))
    let misshapen = "encoder.layer.5.attention.self.key.weight"
    let flattened = checkpoint.tensors.map { $0.name == misshapen ? NamedTensor(name: $0.name, tensor: $0.tensor.reshaped([-1]), storedType: $0.storedType) : $0 }
    #expect(
      error(flattened)
        == .malformedTensor(file: "model.safetensors", tensor: misshapen, reason: "shape [147456], but config.json implies [384, 384]"))
    let stray = NamedTensor(name: "encoder.layer.6.output.dense.bias", tensor: Tensor(zeros: [384]), storedType: .f32)
    #expect(
      error(checkpoint.tensors + [stray])
        == .malformedTensor(file: "model.safetensors", tensor: stray.name, reason: "not a tensor of a 6-layer BertModel"))
  }

  /// A copy of the model folder whose JSON files may be edited (weights and tokenizer linked).
  private func withModelCopy(_ body: (URL) throws -> Void) throws {
    let source = try MiniLMFixture.modelDirectory()
    try withTemporaryDirectory { directory in
      try FileManager.default.createDirectory(at: directory.appendingPathComponent("1_Pooling"), withIntermediateDirectories: true)
      for file in MiniLM.modelFiles {
        let (from, to) = (source.appendingPathComponent(file), directory.appendingPathComponent(file))
        if file.hasSuffix(".json") && file != "tokenizer.json" {
          try FileManager.default.copyItem(at: from, to: to)
        } else {
          try FileManager.default.createSymbolicLink(at: to, withDestinationURL: from)
        }
      }
      try body(directory)
    }
  }

  private func loadError(_ directory: URL) throws -> ModelError {
    do {
      _ = try MiniLM.load(directory: directory)
    } catch {
      return error
    }
    throw ModelError.malformedFile(file: directory.path, reason: "loaded although it should not")
  }
}
