#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The parts of `stat(2)` that tell whether a file changed: size, modification time and
/// inode.
struct FileStatus: Codable, Equatable {
  /// Size in bytes.
  var size: Int64
  /// Modification time in nanoseconds since 1970.
  var modified: Int64
  /// Inode number (changes when a file is replaced by rename).
  var inode: UInt64

  /// The status of the regular file at `path`.
  ///
  /// - Throws: `DatasetError.unreadable` if it does not exist or is not a regular file.
  init(path: String) throws(DatasetError) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    size = Int64(info.st_size)
    modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    inode = UInt64(info.st_ino)
  }
}
