import Foundation

/// Interned byte strings: ids 0, 1, … in insertion order, the bytes of all strings in one
/// buffer, found through an FNV-1a hash of the bytes (no allocation per string, and no
/// Unicode-aware comparison: strings are equal when their bytes are, as Java and Python
/// compare strings by code units).
struct ByteStringIndex: Sendable {
  private var table = IntegerHashTable()
  private var storage: [UInt8] = []
  /// `ends[id]` … `ends[id + 1]` is the range of string `id` in `storage`.
  private var ends: [Int] = [0]

  /// The number of strings.
  var count: Int { ends.count - 1 }

  /// The id of `bytes`, if it was inserted.
  func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    probe(bytes).id
  }

  /// The id of the UTF-8 form of `text`, if it was inserted.
  func id(of text: some StringProtocol) -> Int32? {
    var utf8 = String(text)
    return utf8.withUTF8 { id(of: $0) }
  }

  /// The id of `bytes`, inserting them first if they are new.
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
    let (known, key) = probe(bytes)
    if let known { return (known, false) }
    let id = table.value(for: key) {
      storage.append(contentsOf: bytes)
      ends.append(storage.count)
      return Int32(ends.count - 2)
    }
    return (id, true)
  }

  /// The bytes of string `id`.
  func bytes(_ id: Int32) -> ArraySlice<UInt8> {
    storage[ends[Int(id)]..<ends[Int(id) + 1]]
  }

  /// The id of `bytes` if present, and the table key it has (or would get). Equal hashes of
  /// different strings are told apart by probing again with a salt.
  private func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32?, key: UInt64) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    var key = hash
    while let id = table.value(for: key) {
      let start = ends[Int(id)]
      let length = ends[Int(id) + 1] - start
      let equal = length == bytes.count && storage.withUnsafeBufferPointer { stored in
        guard let storedStart = stored.baseAddress, let given = bytes.baseAddress else { return true }  // both empty
        return memcmp(storedStart + start, given, length) == 0
      }
      if equal { return (id, key) }
      key &+= 0x9E37_79B9_7F4A_7C15
    }
    return (nil, key)
  }
}
