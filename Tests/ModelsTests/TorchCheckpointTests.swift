import Foundation
import Models
import Tensor
import TestSupport
import Testing
import ZIPFoundation

@Suite struct TorchCheckpointTests {
  /// Every tensor, in state-dict order, equals what PyTorch wrote (values converted to
  /// float32 by PyTorch itself), including views, a scalar and an empty tensor.
  @Test(arguments: ["legacy.pt", "zip.pt"])
  func readsEveryDtypeAndViewLikePyTorch(file: String) throws {
    let expected = try CheckpointFixture.load().state
    let checkpoint = try Checkpoint.read(contentsOf: CheckpointFixture.url(file))
    #expect(checkpoint.names == expected.map(\.name))
    for (tensor, reference) in zip(checkpoint.tensors, expected) {
      #expect(tensor.tensor.shape == reference.shape, "\(reference.name)")
      #expect(tensor.storedType.rawValue == reference.dtype, "\(reference.name)")
      #expect(tensor.tensor.storage == reference.values, "\(reference.name)")
    }
    #expect(checkpoint["f32_transposed"]?[[3, 2]] == 1.75)
  }

  @Test func refusesAClassOutsideTheStateDictSubset() throws {
    #expect(throws: ModelError.unsupportedClass(file: "unsupported_class.pt", name: "collections.Counter")) {
      try Checkpoint.read(contentsOf: CheckpointFixture.url("unsupported_class.pt"))
    }
  }

  @Test func namesAnUnsupportedOpcode() throws {
    // The legacy preamble, then a state dict pickled with the text opcode PERSID (0x50).
    var bytes = try Data(contentsOf: CheckpointFixture.url("legacy.pt"))
    let preamble = try #require(Self.endOfThirdPickle(bytes))
    bytes = bytes.prefix(preamble) + Data([0x80, 0x02, 0x50]) + Data("0\n.".utf8)
    let error = try readError(bytes, name: "persid.pt")
    #expect(error == .unsupportedOpcode(file: "persid.pt", opcode: "PERSID (0x50)", offset: preamble + 2))
    #expect(error.description.contains("PERSID"))
  }

  @Test func aTruncatedLegacyFileNamesTheTensorWhoseDataIsMissing() throws {
    let bytes = try Data(contentsOf: CheckpointFixture.url("legacy.pt"))
    let error = try readError(bytes.prefix(bytes.count - 3), name: "cut.pt")
    guard case .malformedTensor(let file, let tensor, let reason) = error else {
      Issue.record("expected a tensor error, got \(error)")
      return
    }
    #expect(file == "cut.pt")
    #expect(try CheckpointFixture.load().state.map(\.name).contains(tensor))
    #expect(reason.contains("truncated"))
  }

  @Test func aZipWithoutOneStorageNamesTheTensor() throws {
    try withTemporaryDirectory { directory in
      let source = try Archive(url: CheckpointFixture.url("zip.pt"), accessMode: .read)
      let copy = directory.appendingPathComponent("partial.pt")
      let target = try Archive(url: copy, accessMode: .create)
      let dropped = try #require(source.first { $0.path.hasSuffix("/data/0") })
      for entry in source where entry.path != dropped.path {
        var bytes = Data()
        _ = try source.extract(entry) { bytes.append($0) }
        try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
          bytes.subdata(in: Int(position)..<(Int(position) + size))
        }
      }
      do throws(ModelError) {
        _ = try Checkpoint.read(contentsOf: copy)
        Issue.record("partial.pt was read without an error")
      } catch {
        #expect(error.description.hasPrefix("partial.pt: tensor `f32`: storage"), "\(error)")
      }
    }
  }

  @Test func theRealEfficientNetLite0CheckpointMatchesPyTorch() throws {
    let fixture = try CheckpointFixture.load().efficientnet
    let url = try PinnedWheel.efficientNetLite0.member(fixture.member)
    let checkpoint = try Checkpoint.read(contentsOf: url)
    #expect(checkpoint.tensors.count == fixture.count)
    #expect(Array(checkpoint.names.prefix(fixture.first_names?.count ?? 0)) == fixture.first_names)
    try expectSummaries(fixture.tensors, in: checkpoint)
  }

  /// The byte offset just after the third pickle (magic, protocol, system info) of a
  /// legacy file: the third `STOP` at the top level.
  private static func endOfThirdPickle(_ bytes: Data) -> Int? {
    var stops = 0
    for (offset, byte) in bytes.enumerated() where byte == 0x2E {
      stops += 1
      if stops == 3 { return offset + 1 }
    }
    return nil
  }
}

/// Writes `bytes` to a temporary file `name`, reads it, and returns the error it raised.
func readError(_ bytes: Data, name: String) throws -> ModelError {
  try withTemporaryDirectory { directory in
    let url = directory.appendingPathComponent(name)
    try bytes.write(to: url)
    do throws(ModelError) {
      _ = try Checkpoint.read(contentsOf: url)
    } catch {
      return error
    }
    throw CheckpointFixture.Unexpected(description: "\(name) was read without an error")
  }
}

/// Checks shape, sum and sum of magnitudes of each summarised tensor (float64 sums by
/// PyTorch; relative tolerance for the different summation order).
func expectSummaries(_ summaries: [CheckpointFixture.Summary], in checkpoint: Checkpoint) throws {
  for summary in summaries {
    let tensor = try #require(checkpoint[summary.name], "\(summary.name)")
    #expect(tensor.shape == summary.shape, "\(summary.name)")
    let values = tensor.storage.map(Double.init)
    let sum = values.reduce(0, +)
    let absSum = values.reduce(0) { $0 + abs($1) }
    #expect(abs(absSum - summary.abs_sum) <= 1e-9 * summary.abs_sum + 1e-9, "\(summary.name)")
    #expect(abs(sum - summary.sum) <= 1e-9 * summary.abs_sum + 1e-9, "\(summary.name)")
  }
}
