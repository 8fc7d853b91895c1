import Crypto
import Foundation

/// The digest of a folder: SHA-256 of the `sha256sum` listing of every file under it.
///
/// The listing has one line `<sha256 hex>  <relative path>\n` per regular file or symbolic
/// link to a file, in byte-wise order of the relative paths. The shell reproduces it with
/// `cd DIR && find . \( -type f -o -type l \) -printf '%P\n' | LC_ALL=C sort |
/// xargs -d '\n' sha256sum | sha256sum`.
enum TreeDigest {
  /// The files under `folder` (relative paths, byte-wise sorted), following no links to
  /// folders.
  ///
  /// - Throws: `DatasetError.unreadable` if the folder cannot be listed.
  static func files(in folder: URL) throws(DatasetError) -> [String] {
    try entries(in: folder).map(\.path)
  }

  /// The files under `folder` as `files(in:)` lists them, each with whether it is a
  /// symbolic link.
  ///
  /// - Throws: `DatasetError.unreadable` if the folder cannot be listed.
  /// - Complexity: O(n log n) for n files, one `lstat` each.
  static func entries(in folder: URL) throws(DatasetError) -> [(path: String, isLink: Bool)] {
    var found: [(key: [UInt8], path: String, isLink: Bool)] = []
    try walk(folder.standardizedFileURL.path, prefix: "", into: &found)
    found.sort { precedes($0.key, $1.key) }
    return found.map { ($0.path, $0.isLink) }
  }

  /// Adds the regular files and links under `root/prefix` to `found`, descending into real
  /// folders (`readdir(3)` types; `lstat(2)` where the file system gives none).
  static func walk(
    _ root: String, prefix: String, into found: inout [(key: [UInt8], path: String, isLink: Bool)]
  ) throws(DatasetError) {
    let folder = prefix.isEmpty ? root : root + "/" + prefix
    guard let stream = opendir(folder) else {
      throw .unreadable(path: folder, reason: "cannot list the folder: \(String(cString: strerror(errno)))")
    }
    defer { closedir(stream) }
    var folders: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      let relative = prefix.isEmpty ? name : prefix + "/" + name
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) {
        var info = stat()
        guard lstat(root + "/" + relative, &info) == 0 else { continue }
        type = Int32((info.st_mode & S_IFMT) >> 12)
      }
      switch type {
      case Int32(DT_REG): found.append((Array(relative.utf8), relative, false))
      case Int32(DT_LNK): found.append((Array(relative.utf8), relative, true))
      case Int32(DT_DIR): folders.append(relative)
      default: continue
      }
    }
    for subfolder in folders {
      try walk(root, prefix: subfolder, into: &found)
    }
  }

  /// Byte-wise order (`LC_ALL=C sort`), with `memcmp(3)`.
  static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    let order = a.withUnsafeBytes { x in
      b.withUnsafeBytes { y -> Int32 in
        guard let x = x.baseAddress, let y = y.baseAddress else { return 0 }
        return memcmp(x, y, min(a.count, b.count))
      }
    }
    return order != 0 ? order < 0 : a.count < b.count
  }

  /// The digest, file count and total size of `folder`, hashing through `fingerprints`.
  ///
  /// - Complexity: one `stat` per file when the hash cache is warm; otherwise reading all.
  static func digest(of folder: URL, fingerprints: FileFingerprints) throws(DatasetError) -> (
    sha256: String, files: Int, bytes: Int
  ) {
    let paths = try files(in: folder)
    let root = folder.standardizedFileURL.path
    var hasher = SHA256()
    var bytes = 0
    for path in paths {
      let digest = try fingerprints.digest(atPath: root + "/" + path)
      bytes += digest.size
      hasher.update(data: Array("\(digest.sha256)  \(path)\n".utf8))
    }
    return (DatasetFingerprint.hex(hasher.finalize()), paths.count, bytes)
  }
}
