/// Line-level text decoding for files that may hold invalid UTF-8.
enum TextLines {
  /// Splits bytes at `\n` (a final empty line after a trailing newline is dropped; `\r`
  /// before `\n` is removed).
  static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.map { $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0 }
  }

  /// The 1-based number of the first line that is not valid UTF-8, or `nil`.
  static func firstInvalidLine(_ bytes: [UInt8]) -> Int? {
    split(bytes).firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
  }

  /// Decodes UTF-8, dropping every byte that is not part of a valid sequence (Python's
  /// `errors='ignore'`).
  ///
  /// - Returns: the text and whether anything was dropped.
  static func decodeDroppingInvalid<C: Collection>(_ bytes: C) -> (text: String, dropped: Bool)
  where C.Element == UInt8 {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
    var text = ""
    var dropped = false
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
      case .emptyInput: break loop
      case .error: dropped = true
      }
    }
    return (text, dropped)
  }
}
