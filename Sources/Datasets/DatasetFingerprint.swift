import Crypto

/// The fingerprint of a dataset: SHA-256 (hex) of its files' SHA-256 hex digests, sorted,
/// each followed by a newline.
///
/// It depends on file contents only, not on paths or class names, so moving a dataset or
/// relabelling its classes keeps it; callers that show class names hash those themselves.
enum DatasetFingerprint {
  /// Combines per-file digests; the order of `files` does not matter.
  static func combine(_ files: [DataFile]) -> String {
    let text = files.map(\.sha256).sorted().map { $0 + "\n" }.joined()
    return hex(SHA256.hash(data: Array(text.utf8)))
  }

  /// Lowercase hex of a digest.
  static func hex(_ digest: SHA256.Digest) -> String {
    digest.map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }
}

extension DatasetFingerprint {
  /// The fingerprint of a user dataset: SHA-256 (hex) of one line `<sha256>  <bytes>  <path>\n`
  /// per file, sorted by path, so a file's content, size and name all count — replacing,
  /// renaming or editing one image changes it.
  static func listing(_ files: [DataFile]) -> String {
    let lines = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
      .map { "\($0.sha256)  \($0.bytes)  \($0.path)\n" }
    return hex(SHA256.hash(data: Array(lines.joined().utf8)))
  }
}
