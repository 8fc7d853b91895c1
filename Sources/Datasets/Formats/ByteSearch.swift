#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Substring search on UTF-8 bytes with `memchr(3)` and `memcmp(3)`, for scanning large
/// XML texts (the clipart metadata) without Foundation's UTF-16 string search.
enum ByteSearch {
  /// The offset of the first occurrence of `needle` in `haystack`, or `nil`.
  ///
  /// - Complexity: O(haystack · needle) in the worst case; about one `memchr` pass for
  ///   needles whose first byte is rare (`<`).
  static func offset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first, let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
    let last = haystack.count - needle.count
    var start = 0
    return needle.withUnsafeBufferPointer { pattern -> Int? in
      guard let pattern = pattern.baseAddress else { return nil }
      while start <= last {
        guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
        let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
        start = offset + 1
      }
      return nil
    }
  }

  /// The offset of the first occurrence of `needle` in `bytes`, or `nil`.
  static func offset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { offset(of: needle, in: $0) }
  }
}

extension Substring {
  /// The range of the first occurrence of `needle`, compared byte for byte in UTF-8 (no
  /// Unicode normalisation), or `nil`.
  func utf8Range(of needle: String) -> Range<String.Index>? {
    let pattern = Array(needle.utf8)
    let offset =
      utf8.withContiguousStorageIfAvailable { ByteSearch.offset(of: pattern, in: $0) }
      ?? ByteSearch.offset(of: pattern, in: Array(utf8))
    guard let offset else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    return start..<utf8.index(start, offsetBy: pattern.count)
  }
}
