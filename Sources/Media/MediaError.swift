/// A failure to read or write an image or array file; the description names the file and
/// what is wrong with it.
public enum MediaError: Error, CustomStringConvertible, Equatable {
  /// The file could not be opened or read.
  case unreadable(file: String, reason: String)
  /// The file starts like gzip but does not decompress.
  case corruptGzip(file: String, reason: String)
  /// The IDX header or payload is inconsistent (bad magic, truncated, trailing bytes, …).
  case malformedIDX(file: String, reason: String)
  /// The IDX element type is not unsigned byte (`0x08`).
  case unsupportedIDXType(file: String, typeCode: UInt8)
  /// Image dimensions or pixel buffer do not fit together.
  case invalidImage(reason: String)
  /// libpng reported an error.
  case png(operation: String, message: String)
  /// An image file (JPEG, PNG, SVG) that its decoder rejects: damaged, truncated or of an
  /// unsupported variant.
  case corruptImage(file: String, format: String, reason: String)
  /// A configuration value outside its allowed range.
  case invalidParameter(name: String, value: String, allowed: String)
  /// A file whose first bytes are not those of a supported image format.
  case unknownImageFormat(file: String)

  /// What went wrong and, where possible, how to fix it.
  public var description: String {
    switch self {
    case let .unreadable(file, reason):
      "cannot read \(file): \(reason)"
    case let .corruptGzip(file, reason):
      "\(file): corrupt gzip data (\(reason)); re-fetch the file"
    case let .malformedIDX(file, reason):
      "\(file): not a valid IDX file: \(reason)"
    case let .unsupportedIDXType(file, typeCode):
      "\(file): IDX element type 0x\(typeCode < 16 ? "0" : "")"
        + "\(String(typeCode, radix: 16, uppercase: true)) is not supported; only unsigned byte "
        + "(0x08) is"
    case let .invalidImage(reason):
      "invalid image: \(reason)"
    case let .png(operation, message):
      "PNG \(operation) failed: \(message)"
    case let .corruptImage(file, format, reason):
      "\(file): cannot decode this \(format) image: \(reason)"
    case let .invalidParameter(name, value, allowed):
      "\(name) = \(value) is not allowed; expected \(allowed)"
    case let .unknownImageFormat(file):
      "\(file): not a JPEG, PNG or SVG image (unrecognised first bytes)"
    }
  }
}
