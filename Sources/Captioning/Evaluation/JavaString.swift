/// The few `java.lang.String` and `java.util.StringTokenizer` behaviours that the COCO
/// caption toolkit's Java programs (Stanford PTBTokenizer 3.4.1, METEOR 1.5) apply to text,
/// reproduced exactly. Java strings are UTF-16, so everything here works on UTF-16 code units.
enum JavaString {
  /// `String.hashCode()`: `s[0]·31^(n−1) + … + s[n−1]` over UTF-16 code units, in wrapping
  /// 32-bit arithmetic. METEOR's aligner compares words by this hash, not by their text
  /// (`edu/cmu/meteor/aligner/Stage.wordsToKeys`), so two words with equal hashes match.
  static func hashCode(_ text: some StringProtocol) -> Int32 {
    var hash: Int32 = 0
    for unit in text.utf16 { hash = hash &* 31 &+ Int32(unit) }
    return hash
  }

  /// `String.toLowerCase(Locale.ENGLISH)`: the full Unicode lower-case mapping, with the one
  /// context-dependent rule Java applies, final sigma (U+03A3 becomes ς at the end of a
  /// word, σ elsewhere), which Swift's `lowercased()` does not apply.
  static func lowercased(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else {
      return text.lowercased()
    }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\u{03A3}" {
        result.append(isFinalSigma(scalars, at: index) ? "\u{03C2}" : "\u{03C3}")
      } else {
        result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(result)
  }

  /// Unicode's Final_Sigma condition as `java.lang.ConditionalSpecialCasing` evaluates it:
  /// a cased letter before (skipping case-ignorable ones) and none after.
  private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    func casedNeighbour(_ range: some Sequence<Int>) -> Bool {
      for i in range {
        let properties = scalars[i].properties
        if properties.isCaseIgnorable { continue }
        return properties.isCased
      }
      return false
    }
    return casedNeighbour(stride(from: index - 1, through: 0, by: -1))
      && !casedNeighbour(index + 1..<scalars.count)
  }

  /// `String.trim()`: drops every code unit ≤ U+0020 at both ends (not Unicode white space).
  static func trimmed(_ text: Substring) -> Substring {
    let units = text.utf16
    guard let first = units.firstIndex(where: { $0 > 0x20 }),
      let last = units.lastIndex(where: { $0 > 0x20 })
    else { return text[text.endIndex...] }
    return Substring(units[first...last])
  }

  /// `new StringTokenizer(text)` with its default delimiters `" \t\n\r\f"` (ASCII, so the
  /// split can run on UTF-8 bytes).
  static func tokens(_ text: String) -> [Substring] {
    text.utf8.split(whereSeparator: isTokenDelimiter).map { Substring($0) }
  }

  /// Whether `byte` is one of `StringTokenizer`'s default delimiters.
  static func isTokenDelimiter(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
}
