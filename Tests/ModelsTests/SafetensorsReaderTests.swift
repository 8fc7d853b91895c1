import Foundation
import Models
import Tensor
import TestSupport
import Testing

@Suite struct SafetensorsReaderTests {
  /// The safetensors file the `safetensors` package wrote holds the same values as the
  /// PyTorch state (views made contiguous), every dtype converted exactly.
  @Test func readsEveryDtypeLikeSafetensors() throws {
    let expected = try CheckpointFixture.load().state
    let checkpoint = try Checkpoint.read(contentsOf: CheckpointFixture.url("all_dtypes.safetensors"))
    #expect(Set(checkpoint.names) == Set(expected.map(\.name)))
    #expect(checkpoint.names.count == expected.count)
    for reference in expected {
      let tensor = try #require(checkpoint.tensors.first { $0.name == reference.name })
      #expect(tensor.tensor.shape == reference.shape, "\(reference.name)")
      #expect(tensor.storedType.rawValue == reference.dtype, "\(reference.name)")
      #expect(tensor.tensor.storage == reference.values, "\(reference.name)")
    }
  }

  @Test func ordersTensorsByDataOffsetAndReadsTensorWrittenByReprise() throws {
    let data = Safetensors.encode([
      (name: "z", tensor: Tensor(shape: [2], storage: [1, 2])), (name: "a", tensor: Tensor(shape: [1, 1], storage: [-3])),
    ])
    let checkpoint = try read(data)
    #expect(checkpoint.names == ["z", "a"])
    #expect(checkpoint["a"] == Tensor(shape: [1, 1], storage: [-3]))
  }

  @Test func rejectsOverlappingTensorsNamingTheSecond() throws {
    let error = try readError(
      Self.file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: 8),
      name: "overlap.safetensors")
    #expect(error.description.hasPrefix("overlap.safetensors: tensor `b`: bytes 4..<8 overlap `a`"), "\(error)")
  }

  @Test(arguments: [
    (#"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, "needs 12"),
    (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, "outside the data section"),
    (#"{"w":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}}"#, "unsupported dtype F8_E4M3"),
    (#"{"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#, "negative extent"),
    (#"{"w":{"dtype":"F32","data_offsets":[0,8]}}"#, "lacks dtype, shape or data_offsets"),
  ])
  func rejectsAMalformedEntryNamingTheTensor(header: String, reason: String) throws {
    let error = try readError(Self.file(header, data: 8), name: "bad.safetensors")
    guard case .malformedTensor("bad.safetensors", "w", let message) = error else {
      Issue.record("expected an error about tensor w, got \(error)")
      return
    }
    #expect(message.contains(reason), "\(message)")
  }

  @Test func rejectsTruncatedMalformedAndUnknownFiles() throws {
    let whole = Self.file(#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: 8)
    let cut = try readError(whole.prefix(whole.count - 1), name: "cut.safetensors")
    #expect(cut.description.contains("tensor `w`"), "\(cut)")
    let headerCut = try readError(whole.prefix(20), name: "short.safetensors")
    #expect(headerCut.description.contains("header length"), "\(headerCut)")
    let garbage = try readError(Self.file("{not json}", data: 0), name: "garbage.safetensors")
    #expect(garbage.description.contains("not JSON"), "\(garbage)")
    let unknown = try readError(Data("plain text, no checkpoint".utf8), name: "notes.txt")
    #expect(unknown == .malformedFile(file: "notes.txt", reason: "neither safetensors nor a PyTorch checkpoint (zip or legacy) by its first bytes"))
  }

  @Test func theRealMiniLMCheckpointMatchesSafetensors() throws {
    let fixture = try CheckpointFixture.load().minilm
    let checkpoint = try Checkpoint.read(contentsOf: PinnedWheel.miniLM.member(fixture.member))
    #expect(checkpoint.tensors.count == fixture.count)
    try expectSummaries(fixture.tensors, in: checkpoint)
    #expect(checkpoint.tensors.first { $0.name == "embeddings.position_ids" }?.storedType == .i64)
  }

  /// A safetensors file with `header` and `data` zero bytes.
  private static func file(_ header: String, data: Int) -> Data {
    var bytes = Data()
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: Array(header.utf8))
    bytes.append(Data(count: data))
    return bytes
  }

  private func read(_ data: Data) throws -> Checkpoint {
    try withTemporaryDirectory { directory in
      let url = directory.appendingPathComponent("t.safetensors")
      try data.write(to: url)
      return try Checkpoint.read(contentsOf: url)
    }
  }
}
