import Foundation

/// An n-dimensional array in numpy's `.npy` format, as `Float` values in C (row-major) order.
///
/// Reads format versions 1.0, 2.0 and 3.0 with element types `<f4`, `<f8`, `<f2`, `<i8`,
/// `<i4` and `|u1` (converted to `Float`), in C or Fortran order (Fortran data is transposed
/// to C order on read). Writes `<f4` in C order, version 1.0 (2.0 when the header needs
/// more than 65,535 bytes), so numpy's `np.load` and PyTorch read it back unchanged.
///
/// Format: `numpy/lib/format.py` — magic `\x93NUMPY`, major and minor version bytes, the
/// header length (`uint16` in 1.0, `uint32` in 2.0 and 3.0, little-endian), the header (a
/// Python dictionary literal, ASCII in 1.0/2.0 and UTF-8 in 3.0, space-padded and ending in
/// `\n` so that the data starts at a multiple of 64 bytes), then the raw data.
public struct NPYArray: Sendable, Equatable {
  /// Dimensions, outermost first; `[]` for a 0-d array (one value).
  public let shape: [Int]
  /// `shape.reduce(1, *)` values in C order.
  public let values: [Float]

  /// The element types `read` accepts.
  public static var readableTypes: [String] { NPYElement.allCases.map(\.rawValue) }

  /// An array from its shape and C-ordered values.
  ///
  /// - Throws: `NPYError.shapeMismatch` if `values.count` is not the product of `shape`.
  public init(shape: [Int], values: [Float]) throws(NPYError) {
    guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == values.count else {
      throw .shapeMismatch(path: "<array>", shape: shape, valueCount: values.count)
    }
    self.shape = shape
    self.values = values
  }

  /// Reads a `.npy` file.
  ///
  /// - Throws: `NPYError` naming the file: unreadable, bad magic, unsupported version or
  ///   element type, malformed header, or truncated data.
  public static func read(contentsOf url: URL) throws(NPYError) -> NPYArray {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .io(path: url.path, reason: error.localizedDescription)
    }
    return try decode(data, path: url.path)
  }

  /// Decodes the bytes of a `.npy` file; `path` names it in errors.
  public static func decode(_ data: Data, path: String) throws(NPYError) -> NPYArray {
    let data = data.startIndex == 0 ? data : Data(data)
    let bytes = [UInt8](data.prefix(12))
    guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
      throw .badMagic(path: path)
    }
    let (major, minor) = (Int(bytes[6]), Int(bytes[7]))
    guard [1, 2, 3].contains(major), minor == 0 else {
      throw .unsupportedVersion(path: path, major: major, minor: minor)
    }
    let lengthBytes = major == 1 ? 2 : 4
    guard bytes.count >= 8 + lengthBytes else {
      throw .malformedHeader(path: path, reason: "the file ends inside the header length")
    }
    let headerLength = bytes[8..<(8 + lengthBytes)].reversed().reduce(0) { $0 << 8 | Int($1) }
    let dataStart = 8 + lengthBytes + headerLength
    guard data.count >= dataStart else {
      throw .malformedHeader(path: path, reason: "the header claims \(headerLength) bytes, the file ends first")
    }
    let headerBytes = data.subdata(in: (8 + lengthBytes)..<dataStart)
    guard let text = String(data: headerBytes, encoding: major == 3 ? .utf8 : .ascii) else {
      throw .malformedHeader(path: path, reason: major == 3 ? "not UTF-8" : "not ASCII")
    }
    let header: NPYHeader
    do {
      header = try NPYHeader.parse(text)
    } catch {
      throw .malformedHeader(path: path, reason: error.text)
    }
    guard let element = NPYElement(descr: header.descr) else {
      throw .unsupportedDType(path: path, descr: header.descr, supported: readableTypes)
    }
    let count = header.shape.reduce(1, *)
    let needed = count * element.size
    guard data.count - dataStart >= needed else {
      throw .truncated(path: path, expectedBytes: needed, actualBytes: data.count - dataStart)
    }
    let raw = data.withUnsafeBytes { all in
      element.decode(UnsafeRawBufferPointer(rebasing: all[dataStart..<(dataStart + needed)]), count: count)
    }
    let values = header.fortranOrder ? Self.cOrder(fromFortran: raw, shape: header.shape) : raw
    return NPYArray(checkedShape: header.shape, values: values)
  }

  /// Writes `values` (C order) as a `<f4` `.npy` file, atomically (a temporary file renamed
  /// into place), creating the folder if needed.
  ///
  /// - Throws: `NPYError.shapeMismatch` if the counts disagree, `.io` if the file cannot be
  ///   written.
  public static func write(shape: [Int], values: [Float], to url: URL) throws(NPYError) {
    guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == values.count else {
      throw .shapeMismatch(path: url.path, shape: shape, valueCount: values.count)
    }
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try encode(shape: shape, values: values).write(to: url, options: .atomic)
    } catch {
      throw .io(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Writes this array (see `write(shape:values:to:)`).
  public func write(to url: URL) throws(NPYError) {
    try Self.write(shape: shape, values: values, to: url)
  }

  /// The bytes of this array as a `<f4`, C-order `.npy` file.
  public var fileData: Data { Self.encode(shape: shape, values: values) }

  /// The bytes of a `<f4`, C-order `.npy` file.
  static func encode(shape: [Int], values: [Float]) -> Data {
    let literal = NPYHeader(descr: NPYElement.float32.rawValue, fortranOrder: false, shape: shape).literal
    // Version 1.0 stores the header length in 2 bytes; longer headers need 2.0.
    let major: UInt8 = literal.utf8.count + 64 > Int(UInt16.max) ? 2 : 1
    let prefixLength = major == 1 ? 10 : 12
    let unpadded = prefixLength + literal.utf8.count + 1
    let headerLength = literal.utf8.count + 1 + (64 - unpadded % 64) % 64
    var data = Data([0x93] + Array("NUMPY".utf8) + [major, 0])
    let lengthBytes = (0..<(prefixLength - 8)).map { UInt8(truncatingIfNeeded: headerLength >> (8 * $0)) }
    data.append(contentsOf: lengthBytes)
    data.append(contentsOf: Array(literal.utf8))
    data.append(contentsOf: [UInt8](repeating: 0x20, count: headerLength - literal.utf8.count - 1) + [0x0A])
    values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { data.append(contentsOf: $0) }
    return data
  }

  /// C-order values of an array stored in Fortran (column-major) order.
  static func cOrder(fromFortran values: [Float], shape: [Int]) -> [Float] {
    guard shape.count > 1, !values.isEmpty else { return values }
    var fortranStrides = [Int](repeating: 1, count: shape.count)
    for axis in 1..<shape.count { fortranStrides[axis] = fortranStrides[axis - 1] * shape[axis - 1] }
    var index = [Int](repeating: 0, count: shape.count)
    var result = [Float]()
    result.reserveCapacity(values.count)
    for _ in 0..<values.count {
      result.append(values[zip(index, fortranStrides).reduce(0) { $0 + $1.0 * $1.1 }])
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        if index[axis] < shape[axis] { break }
        index[axis] = 0
        axis -= 1
      }
    }
    return result
  }

  /// Construction after the decoder checked the counts.
  private init(checkedShape shape: [Int], values: [Float]) {
    self.shape = shape
    self.values = values
  }
}
