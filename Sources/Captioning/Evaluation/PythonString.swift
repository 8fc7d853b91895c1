/// Python 3 `str` splitting as the toolkit's scorers use it, on code points (not grapheme
/// clusters). BLEU and CIDEr split with `str.split()` (any Unicode white space, runs
/// collapsed), ROUGE-L with `str.split(" ")` (single spaces, empty fields kept); the two differ
/// on tokens that hold a non-breaking space, such as the PTB tokenizer's `3 1/2`.
enum PythonString {
  /// `str.split()`: the fields between runs of code points for which `str.isspace()` holds.
  static func whitespaceSplit(_ text: String) -> [Substring] {
    split(text, omittingEmpty: true, where: isSpace)
  }

  /// `str.split(" ")`: the fields between single spaces; `"".split(" ")` is `[""]`.
  static func spaceSplit(_ text: String) -> [Substring] {
    split(text, omittingEmpty: false, where: { $0 == " " })
  }

  /// The byte ranges of the fields of UTF-8 `bytes` split as `str.split()` splits: on the
  /// UTF-8 encodings of the code points `isSpace` accepts.
  static func whitespaceFields(_ bytes: [UInt8]) -> [Range<Int>] {
    var fields: [Range<Int>] = []
    var start = 0
    var i = 0
    while i < bytes.count {
      let width = spaceWidth(bytes, at: i)
      if width > 0 {
        if start < i { fields.append(start..<i) }
        i += width
        start = i
      } else {
        i += 1
      }
    }
    if start < bytes.count { fields.append(start..<bytes.count) }
    return fields
  }

  /// The byte length of the space code point at `i`, or 0.
  private static func spaceWidth(_ b: [UInt8], at i: Int) -> Int {
    switch b[i] {
    case 0x09...0x0D, 0x1C...0x20: return 1
    case 0xC2 where i + 1 < b.count && (b[i + 1] == 0x85 || b[i + 1] == 0xA0): return 2
    case 0xE1 where i + 2 < b.count && b[i + 1] == 0x9A && b[i + 2] == 0x80: return 3  // U+1680
    case 0xE2 where i + 2 < b.count:
      // U+2000–U+2FFF (the input is valid UTF-8, so the next two bytes are continuations).
      let scalar = 0x2000 | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
      return Unicode.Scalar(scalar).map(isSpace) == true ? 3 : 0
    case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3  // U+3000
    default: return 0
    }
  }

  /// `str.isspace()` for one code point: bidirectional class WS, B or S, or category Zs
  /// (CPython `_PyUnicode_IsWhitespace`), which adds U+001C–U+001F and U+0085 to ASCII's set.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      true
    default:
      false
    }
  }

  /// `str.replace(old, new)`: every non-overlapping occurrence, left to right, on code points.
  static func replacing(_ old: String, with new: String, in text: String) -> String {
    let pattern = Array(old.unicodeScalars)
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if i + pattern.count <= scalars.count && scalars[i..<i + pattern.count].elementsEqual(pattern) {
        result.append(contentsOf: new.unicodeScalars)
        i += pattern.count
      } else {
        result.append(scalars[i])
        i += 1
      }
    }
    return String(result)
  }

  private static func split(
    _ text: String, omittingEmpty: Bool, where isSeparator: (Unicode.Scalar) -> Bool
  ) -> [Substring] {
    let scalars = text.unicodeScalars
    var fields: [Substring] = []
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      if isSeparator(scalars[index]) {
        if !omittingEmpty || start < index { fields.append(Substring(scalars[start..<index])) }
        start = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    if !omittingEmpty || start < index { fields.append(Substring(scalars[start..<index])) }
    return fields
  }
}
