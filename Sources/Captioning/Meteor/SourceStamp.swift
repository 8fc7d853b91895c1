import Foundation

/// What identifies the file an index was built from: its size and a 64-bit checksum of all
/// its bytes. An index whose stamp differs from its source's is stale.
///
/// The checksum is FNV-1a over 8-byte words with an extra shift-xor per word (not CRC-32: a
/// gzip file ends with the CRC-32 of its data, so for stored blocks the CRC-32 of the whole
/// file is the same for any content of a given length).
struct SourceStamp: Equatable {
  let size: UInt64
  let checksum: UInt64

  init(size: UInt64, checksum: UInt64) {
    self.size = size
    self.checksum = checksum
  }

  /// The stamp of the file at `url`, `nil` if it cannot be read.
  ///
  /// - Complexity: one pass over the file, a multiplication per 8 bytes.
  init?(of url: URL) {
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0x100_0000_01B3
        hash ^= hash >> 29
      }
      let words = raw.count / 8
      for i in 0..<words { mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))) }
      for offset in (8 * words)..<raw.count { mix(UInt64(raw[offset])) }
    }
    self.init(size: UInt64(data.count), checksum: hash)
  }
}
