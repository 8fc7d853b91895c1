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
