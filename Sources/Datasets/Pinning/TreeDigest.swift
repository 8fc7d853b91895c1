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
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: folder.path) else {
      throw .unreadable(path: folder.path, reason: "cannot list the folder")
    }
    var paths: [String] = []
    while let relative = walker.nextObject() as? String {
      let type = walker.fileAttributes?[.type] as? FileAttributeType
      if type == .typeRegular || type == .typeSymbolicLink {
        paths.append(relative)
      }
    }
    return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// The digest, file count and total size of `folder`, hashing through `fingerprints`.
  ///
  /// - Complexity: one `stat` per file when the hash cache is warm; otherwise reading all.
  static func digest(of folder: URL, fingerprints: FileFingerprints) throws(DatasetError) -> (
    sha256: String, files: Int, bytes: Int
  ) {
    let paths = try files(in: folder)
    var hasher = SHA256()
    var bytes = 0
    for path in paths {
      let url = folder.appendingPathComponent(path)
      let digest = try fingerprints.sha256(of: url)
      bytes += Int(try FileStatus(path: url.path).size)
      hasher.update(data: Array("\(digest)  \(path)\n".utf8))
    }
    return (DatasetFingerprint.hex(hasher.finalize()), paths.count, bytes)
  }
}
