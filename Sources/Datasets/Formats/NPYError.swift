/// A `.npy` file that cannot be read or written; the description names the file and says
/// what is wrong with it.
public enum NPYError: Error, CustomStringConvertible, Equatable {
  /// The file does not start with `\x93NUMPY`.
  case badMagic(path: String)
  /// A format version other than 1.0, 2.0 or 3.0.
  case unsupportedVersion(path: String, major: Int, minor: Int)
  /// The header dictionary is not what numpy writes (`descr`, `fortran_order`, `shape`).
  case malformedHeader(path: String, reason: String)
  /// An element type Reprise does not read.
  case unsupportedDType(path: String, descr: String, supported: [String])
  /// Fewer bytes than the header's shape and type need.
  case truncated(path: String, expectedBytes: Int, actualBytes: Int)
  /// Shape and value count disagree when writing.
  case shapeMismatch(path: String, shape: [Int], valueCount: Int)
  /// The file could not be read or written.
  case io(path: String, reason: String)

  /// What went wrong, naming the file.
  public var description: String {
    switch self {
    case .badMagic(let path):
      "\(path) is not a .npy file (it does not start with \\x93NUMPY)"
    case let .unsupportedVersion(path, major, minor):
      "\(path): .npy format version \(major).\(minor) is not supported (1.0, 2.0 and 3.0 are)"
    case let .malformedHeader(path, reason):
      "\(path): malformed .npy header: \(reason)"
    case let .unsupportedDType(path, descr, supported):
      "\(path): element type '\(descr)' is not supported; save as one of "
        + supported.joined(separator: ", ") + " (e.g. numpy's `x.astype(np.float32)`)"
    case let .truncated(path, expected, actual):
      "\(path) is truncated: the header's shape and type need \(expected) bytes of data, the "
        + "file has \(actual)"
    case let .shapeMismatch(path, shape, count):
      "\(path): shape \(shape) holds \(shape.reduce(1, *)) values, got \(count)"
    case let .io(path, reason):
      "cannot access \(path): \(reason)"
    }
  }
}
