import Foundation
import Media
import TestSupport
import Testing

@Suite struct IDXTests {
  let mnist = TestPaths.mirror.appendingPathComponent("mnist-test")

  @Test func readsTheMirroredMNISTImages() throws {
    let images = try IDX.read(mnist.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
    #expect(images.dimensions == [10_000, 28, 28])
    #expect(images.bytes.count == 10_000 * 28 * 28)
    #expect(images.bytes.max() == 255)
  }

  @Test func readsTheMirroredMNISTLabels() throws {
    let labels = try IDX.read(mnist.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
    #expect(labels.dimensions == [10_000])
    #expect(Array(labels.bytes.prefix(5)) == [7, 2, 1, 0, 4])
    #expect(labels.bytes.allSatisfy { $0 < 10 })
  }

  @Test func readsRawIDX() throws {
    try withTemporaryDirectory { folder in
      let url = folder.appendingPathComponent("raw.idx")
      try Data(IDXWriter.encode(dimensions: [2, 3], bytes: [1, 2, 3, 4, 5, 6])).write(to: url)
      #expect(try IDX.read(url) == IDXArray(dimensions: [2, 3], bytes: [1, 2, 3, 4, 5, 6]))
    }
  }

  /// Files that must be rejected, and a phrase the error must contain besides the file name.
  static let malformedFiles: [(name: String, bytes: [UInt8], phrase: String)] = [
    ("bad-magic.idx", [1, 2, 8, 1, 0, 0, 0, 1, 9], "bad magic"),
    ("float.idx", IDXWriter.encode(dimensions: [1], bytes: [0, 0, 0, 0], typeCode: 0x0D), "0x0D"),
    (
      "short-payload.idx",
      IDXWriter.encode(dimensions: [3, 2, 2], bytes: Array(repeating: 1, count: 10)), "truncated"
    ),
    ("long-payload.idx", IDXWriter.encode(dimensions: [2], bytes: [1, 2, 3]), "trailing bytes"),
    ("short-header.idx", [0, 0, 8, 3, 0, 0, 0, 1], "truncated header"),
    ("tiny.idx", [0, 0], "shorter than"),
    ("garbage.gz", [0x1F, 0x8B, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "corrupt gzip"),
  ]

  @Test(arguments: malformedFiles)
  func rejectsMalformedFilesNamingThem(name: String, bytes: [UInt8], phrase: String) throws {
    try withTemporaryDirectory { folder in
      let url = folder.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      let error = #expect(throws: MediaError.self) { try IDX.read(url) }
      #expect(error?.description.contains(url.path) == true)
      #expect(error?.description.contains(phrase) == true, "\(String(describing: error))")
    }
  }

  @Test func rejectsATruncatedGzipFile() throws {
    let original = try Data(contentsOf: mnist.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
    try withTemporaryDirectory { folder in
      let url = folder.appendingPathComponent("labels-cut.gz")
      try original.prefix(original.count / 2).write(to: url)
      let error = #expect(throws: MediaError.self) { try IDX.read(url) }
      #expect(error == .corruptGzip(file: url.path, reason: "truncated: the stream ends early"))
    }
  }

  @Test func reportsAMissingFile() {
    let url = URL(fileURLWithPath: "/nonexistent/reprise/missing.idx")
    let error = #expect(throws: MediaError.self) { try IDX.read(url) }
    #expect(error?.description.contains("missing.idx") == true)
  }
}
