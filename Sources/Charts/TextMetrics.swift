/// Estimated text widths for laying out labels without a font engine.
///
/// Advance widths approximate DejaVu Sans, the widest of the fonts in the SVG font
/// stack, so estimates err towards too wide and labels do not overflow.
enum TextMetrics {
  /// The ellipsis appended to truncated text.
  static let ellipsis = "…"

  /// Estimated width of `text` in pixels at `fontSize` pixels.
  static func width(_ text: String, fontSize: Double) -> Double {
    text.unicodeScalars.reduce(0) { $0 + advance($1) } * fontSize
  }

  /// `text` with runs of whitespace (newlines included) collapsed to one space and trimmed,
  /// as SVG renders it.
  static func singleLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// `text` shortened to fit `maxWidth`, ending in "…" when shortened.
  ///
  /// - Returns: The longest prefix of whole characters that fits with the ellipsis, or
  ///   `text` itself when it fits.
  static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> String {
    guard width(text, fontSize: fontSize) > maxWidth else { return text }
    let budget = maxWidth - width(ellipsis, fontSize: fontSize)
    var prefix = ""
    for character in text {
      guard width(prefix + String(character), fontSize: fontSize) <= budget else { break }
      prefix.append(character)
    }
    return prefix.trimmingSuffix(while: \.isWhitespace) + ellipsis
  }

  /// Greedy word wrap of `text` into at most `maxLines` lines of at most `maxWidth`.
  ///
  /// Words wider than a line are broken between characters. Text left over after the
  /// last line is appended to it and truncated with "…".
  static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
    guard maxLines > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for word in singleLine(text).split(separator: " ").map(String.init) {
      let candidate = current.isEmpty ? word : current + " " + word
      if width(candidate, fontSize: fontSize) <= maxWidth {
        current = candidate
        continue
      }
      if !current.isEmpty { lines.append(current) }
      current = word
      while width(current, fontSize: fontSize) > maxWidth, current.count > 1 {
        let head = longestPrefix(of: current, maxWidth: maxWidth, fontSize: fontSize)
        lines.append(head)
        current.removeFirst(head.count)
      }
    }
    if !current.isEmpty { lines.append(current) }
    guard lines.count > maxLines else { return lines }
    let rest = lines[(maxLines - 1)...].joined(separator: " ")
    return Array(lines[..<(maxLines - 1)]) + [
      truncate(rest, maxWidth: maxWidth, fontSize: fontSize)
    ]
  }

  /// The longest non-empty prefix of `text` that fits `maxWidth` (at least one character).
  private static func longestPrefix(of text: String, maxWidth: Double, fontSize: Double) -> String {
    var prefix = ""
    for character in text {
      let longer = prefix + String(character)
      guard prefix.isEmpty || width(longer, fontSize: fontSize) <= maxWidth else { break }
      prefix = longer
    }
    return prefix
  }

  /// Advance width of one scalar in em.
  private static func advance(_ scalar: Unicode.Scalar) -> Double {
    switch scalar {
    case "i", "j", "l", "I", ".", ",", ":", ";", "!", "|", "'", "`": 0.32
    case " ", "f", "t", "r", "(", ")", "[", "]", "{", "}", "-", "\"", "/", "\\": 0.42
    case "m", "w", "M", "W", "@", "%", "…": 1.0
    case "0"..."9": 0.64
    case "A"..."Z": 0.76
    case "\u{0}"..."\u{10FF}": 0.63
    default: 1.0
    }
  }
}

extension String {
  /// This string without trailing characters matching `predicate`.
  fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
    var trimmed = self
    while let last = trimmed.last, predicate(last) { trimmed.removeLast() }
    return trimmed
  }
}
