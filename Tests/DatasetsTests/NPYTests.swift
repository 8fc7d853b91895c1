import Foundation
import TestSupport
import Testing

@testable import Datasets

/// `.npy` files written by numpy (`scripts/fixtures/data_npy.py`).
@Suite struct NPYTests {
  static let folder = TestPaths.fixtures.appendingPathComponent("npy")
  static let base: [Float] = [0, 1, 2, 3, 100, 255]

  static func read(_ name: String) throws -> NPYArray {
    try NPYArray.read(contentsOf: folder.appendingPathComponent(name))
  }

  /// The error `name` raises (`nil` if it reads).
  static func failure(_ name: String) -> NPYError? {
    do {
      _ = try read(name)
      return nil
    } catch {
      return error as? NPYError
    }
  }

  @Test(arguments: ["f4", "f8", "f2", "i8", "i4", "u1"])
  func everyElementTypeReadsAsFloat(code: String) throws {
    let array = try Self.read("\(code)_2x3.npy")
    #expect(array.shape == [2, 3])
    #expect(array.values == Self.base)
  }

  @Test func fortranOrderIsTransposedToCOrder() throws {
    let array = try Self.read("fortran_2x3x4.npy")
    #expect(array.shape == [2, 3, 4])
    #expect(array.values == (0..<24).map(Float.init))
  }

  @Test func versionTwoAndThreeHeadersRead() throws {
    for name in ["v2_f4_3.npy", "v3_f4_3.npy"] {
      let array = try Self.read(name)
      #expect(array.shape == [3])
      #expect(array.values == [0.5, -1.25, 3])
    }
  }

  @Test func zeroDimensionalAndEmptyArrays() throws {
    let scalar = try Self.read("scalar_f4.npy")
    #expect(scalar.shape == [] && scalar.values == [7.5])
    let empty = try Self.read("empty_f4_0x5.npy")
    #expect(empty.shape == [0, 5] && empty.values.isEmpty)
  }

  @Test func writerOutputIsByteIdenticalToNumpy() throws {
    let numpy = try Data(contentsOf: Self.folder.appendingPathComponent("f4_2x3.npy"))
    #expect(NPYArray.encode(shape: [2, 3], values: Self.base) == numpy)
    let scalar = try Data(contentsOf: Self.folder.appendingPathComponent("scalar_f4.npy"))
    #expect(NPYArray.encode(shape: [], values: [7.5]) == scalar)
    let empty = try Data(contentsOf: Self.folder.appendingPathComponent("empty_f4_0x5.npy"))
    #expect(NPYArray.encode(shape: [0, 5], values: []) == empty)
  }

  @Test func writeIsAtomicAndRoundTrips() throws {
    try withTemporaryDirectory { directory in
      let url = directory.appendingPathComponent("sub/x.npy")
      let values = (0..<12).map { Float($0) * 0.25 - 1 }
      try NPYArray.write(shape: [3, 4], values: values, to: url)
      let back = try NPYArray.read(contentsOf: url)
      #expect(back == (try NPYArray(shape: [3, 4], values: values)))
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
      #expect(leftovers == ["x.npy"])
      #expect(throws: NPYError.shapeMismatch(path: url.path, shape: [5], valueCount: 12)) {
        try NPYArray.write(shape: [5], values: values, to: url)
      }
    }
  }

  @Test func longHeadersUseVersionTwo() throws {
    let shape = [Int](repeating: 1, count: 22_000)
    let data = NPYArray.encode(shape: shape, values: [4])
    #expect(data[6] == 2)
    #expect(try NPYArray.decode(data, path: "long.npy").shape == shape)
  }

  @Test func errorsNameTheFileAndTheProblem() throws {
    let bigEndian = try #require(Self.failure("big_endian_f4.npy"))
    #expect(bigEndian.description.contains("big_endian_f4.npy") && bigEndian.description.contains("'>f4'"))
    let object = try #require(Self.failure("pickled_object.npy"))
    #expect(object.description.contains("'|O'"))
    guard case .truncated(let path, 24, 20) = try #require(Self.failure("truncated_f4.npy")) else {
      Issue.record("expected a truncation error")
      return
    }
    #expect(path.hasSuffix("truncated_f4.npy"))
    #expect(throws: NPYError.badMagic(path: "x.npy")) { try NPYArray.decode(Data("PK\u{3}\u{4}zipdata".utf8), path: "x.npy") }
    #expect(Self.failure("missing.npy")?.description.contains("missing.npy") == true)
  }

  @Test func malformedHeadersAreRefusedWithTheReason() {
    #expect(throws: NPYHeader.Reason.self) { try NPYHeader.parse("{'descr': '<f4', 'shape': (2,), }") }
    #expect(throws: NPYHeader.Reason.self) { try NPYHeader.parse("{'descr': '<f4', 'fortran_order': maybe, 'shape': (2,)}") }
    #expect(throws: NPYHeader.Reason.self) { try NPYHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}") }
    #expect(throws: NPYHeader.Reason.self) { try NPYHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}") }
  }
}
