/// One file of a dataset with its content hash and size.
public struct DataFile: Sendable, Codable, Equatable {
  /// Path relative to the file's root: the mirror, the system root (Debian packages), the
  /// wheel (PyPI packages) or the user base folder, e.g. `"mnist-test/t10k-images-idx3-ubyte.gz"`.
  public var path: String
  /// SHA-256 of the file's bytes, 64 lowercase hex digits.
  public var sha256: String
  /// Size in bytes.
  public var bytes: Int
  /// The file's original public location, pinned to a commit, used when the mirror lacks
  /// it; `nil` when there is none (package files, derived files, user files).
  public var origin: String?

  /// A file record.
  public init(path: String, sha256: String, bytes: Int, origin: String? = nil) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
    self.origin = origin
  }
}
