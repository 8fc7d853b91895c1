import Foundation

/// Test double that writes raw (uncompressed) unsigned-byte IDX files.
///
/// IDX layout (LeCun et al.): two zero bytes, type code `0x08`, the number of dimensions,
/// each dimension as a big-endian UInt32, then the bytes in row-major order.
public enum IDXWriter {
  /// The IDX encoding of an unsigned-byte array; `bytes.count` need not match the dimensions,
  /// so tests can build malformed files.
  public static func encode(dimensions: [Int], bytes: [UInt8], typeCode: UInt8 = 0x08) -> [UInt8] {
    var out: [UInt8] = [0, 0, typeCode, UInt8(dimensions.count)]
    for d in dimensions {
      out += withUnsafeBytes(of: UInt32(d).bigEndian, Array.init)
    }
    return out + bytes
  }

  /// Writes `images.idx` (`[n, height, width]`, `n = images.count / (height·width)`) and
  /// `labels.idx` (`[labels.count]`) into `directory`.
  ///
  /// - Returns: the two file URLs.
  @discardableResult
  public static func write(
    images: [UInt8], height: Int, width: Int, labels: [UInt8], to directory: URL,
    prefix: String = ""
  ) throws -> (images: URL, labels: URL) {
    precondition(images.count % (height * width) == 0, "images.count not a multiple of h·w")
    let imagesURL = directory.appendingPathComponent(prefix + "images.idx")
    let labelsURL = directory.appendingPathComponent(prefix + "labels.idx")
    let n = images.count / (height * width)
    try Data(encode(dimensions: [n, height, width], bytes: images)).write(to: imagesURL)
    try Data(encode(dimensions: [labels.count], bytes: labels)).write(to: labelsURL)
    return (imagesURL, labelsURL)
  }
}
