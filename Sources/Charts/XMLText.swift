/// Escaping of text for XML and HTML documents (SVG charts, report pages).
public enum XMLText {
  /// Escapes `& < > " '` and replaces characters XML 1.0 forbids with U+FFFD; safe in
  /// element content and in double- or single-quoted attribute values, in XML and HTML5.
  ///
  /// - Complexity: O(n) in the string's Unicode scalars.
  public static func escape(_ string: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(string.utf8.count)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
