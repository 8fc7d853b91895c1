/// A folder of many files pinned by one digest (see `TreeDigest`), e.g. 8,121 SVG drawings.
public struct DataTree: Sendable, Codable, Equatable {
  /// Folder path relative to the dataset's root.
  public var path: String
  /// Number of files (regular files and symbolic links to files) under the folder.
  public var files: Int
  /// Total size of those files in bytes.
  public var bytes: Int
  /// `TreeDigest` of the folder, 64 lowercase hex digits.
  public var sha256: String

  /// A pinned folder.
  public init(path: String, files: Int, bytes: Int, sha256: String) {
    self.path = path
    self.files = files
    self.bytes = bytes
    self.sha256 = sha256
  }
}
