import Foundation

/// Reader for the IDX format of the MNIST distribution (unsigned-byte arrays only).
///
/// Layout (LeCun, Cortes, Burges, "The MNIST database", http://yann.lecun.com/exdb/mnist/):
/// bytes 0–1 are zero, byte 2 the element type (`0x08` = unsigned byte), byte 3 the number
/// of dimensions `r`; then `r` big-endian UInt32 extents; then the values, row-major.
public enum IDX {
  /// Reads an IDX file, raw or gzip-compressed (recognised by the gzip magic number, so
  /// the file name does not matter).
  ///
  /// - Throws: `MediaError` naming the file: unreadable, corrupt gzip, bad magic, a type
  ///   other than unsigned byte, or a payload whose length differs from the dimensions.
  /// - Complexity: O(file size + payload size).
  public static func read(_ url: URL) throws(MediaError) -> IDXArray {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: url.path, reason: error.localizedDescription)
    }
    let bytes = [UInt8](data)
    let payload = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes, file: url.path) : bytes
    return try parse(payload, file: url.path)
  }

  /// Parses the bytes of an uncompressed IDX file.
  ///
  /// - Parameters:
  ///   - bytes: the whole file.
  ///   - file: the name used in error messages.
  /// - Returns: the dimensions and payload.
  /// - Throws: `MediaError.malformedIDX` or `.unsupportedIDXType` naming `file`.
  public static func parse(_ bytes: [UInt8], file: String) throws(MediaError) -> IDXArray {
    guard bytes.count >= 4 else {
      throw .malformedIDX(file: file, reason: "\(bytes.count) bytes, shorter than the 4-byte magic")
    }
    guard bytes[0] == 0, bytes[1] == 0 else {
      let magic = bytes[0..<4].map { String(format: "%02x", $0) }.joined(separator: " ")
      throw .malformedIDX(file: file, reason: "bad magic \(magic), expected 00 00 08 <rank>")
    }
    guard bytes[2] == 0x08 else { throw .unsupportedIDXType(file: file, typeCode: bytes[2]) }
    let rank = Int(bytes[3])
    guard rank >= 1 else { throw .malformedIDX(file: file, reason: "zero dimensions") }
    let headerSize = 4 + 4 * rank
    guard bytes.count >= headerSize else {
      throw .malformedIDX(
        file: file, reason: "truncated header: \(rank) dimensions need \(headerSize) bytes")
    }
    var dimensions: [Int] = []
    var expected = 1
    for axis in 0..<rank {
      let offset = 4 + 4 * axis
      let extent = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      let (product, overflow) = expected.multipliedReportingOverflow(by: extent)
      guard !overflow else {
        throw .malformedIDX(file: file, reason: "dimensions \(dimensions + [extent]) overflow")
      }
      dimensions.append(extent)
      expected = product
    }
    let actual = bytes.count - headerSize
    guard actual == expected else {
      let problem = actual < expected ? "truncated" : "trailing bytes"
      throw .malformedIDX(
        file: file,
        reason:
          "\(problem): dimensions \(dimensions) need \(expected) bytes of data, found \(actual)")
    }
    return IDXArray(dimensions: dimensions, bytes: Array(bytes[headerSize...]))
  }
}
