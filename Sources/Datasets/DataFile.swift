/// One file of a dataset with its content hash and size.
public struct DataFile: Sendable, Codable, Equatable {
  /// Path relative to the dataset's root (the mirror for built-in datasets, the user base
  /// folder for user datasets), e.g. `"mnist-test/t10k-images-idx3-ubyte.gz"`.
  public var path: String
  /// SHA-256 of the file's bytes, 64 lowercase hex digits.
  public var sha256: String
  /// Size in bytes.
  public var bytes: Int

  /// A file record.
  public init(path: String, sha256: String, bytes: Int) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
  }
}
