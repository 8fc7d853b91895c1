/// Finds cross-references (`@fig-x`) and inline values (`{{val-x.a.b}}`) in prose text.
///
/// A cross-reference is `@` + a label with a known type prefix, not preceded by a letter, digit
/// or `.` (so e-mail addresses stay text). A trailing `.` or `-` ends the label, so "see
/// @fig-a." works. An inline value is `{{` + optional spaces + `val-…` path + spaces + `}}`.
enum ReferenceScanner {
  /// Splits `text` into plain text, cross-references and value references.
  /// - Parameters:
  ///   - text: one text run of a paragraph.
  ///   - location: the location of the run's first character.
  /// - Complexity: O(n) in the length of `text`.
  static func scan(_ text: String, at location: SourceLocation) -> [Inline] {
    let scalars = Array(text.unicodeScalars)
    var result: [Inline] = []
    var plain = String.UnicodeScalarView()
    var i = 0
    func flush() {
      if !plain.isEmpty { result.append(.text(String(plain))) }
      plain = String.UnicodeScalarView()
    }
    func here(_ offset: Int) -> SourceLocation {
      SourceLocation(file: location.file, line: location.line, column: location.column.map { $0 + offset })
    }
    while i < scalars.count {
      if scalars[i] == "@", i == 0 || !isWordScalar(scalars[i - 1]),
        let end = labelEnd(scalars, from: i + 1, allowDots: false),
        Label.noun(of: String(String.UnicodeScalarView(scalars[(i + 1)..<end]))) != nil
      {
        flush()
        let label = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
        result.append(.crossReference(label: label, location: here(i)))
        i = end
      } else if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{",
        let (path, end) = valueReference(scalars, from: i + 2)
      {
        flush()
        result.append(.valueReference(path: path, location: here(i)))
        i = end
      } else {
        plain.append(scalars[i])
        i += 1
      }
    }
    flush()
    return result
  }

  private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_"
  }

  /// End index (exclusive) of a label starting at `start`; trailing `.`/`-` are not part of it.
  private static func labelEnd(_ s: [Unicode.Scalar], from start: Int, allowDots: Bool) -> Int? {
    var end = start
    while end < s.count {
      let c = Character(s[end])
      guard Label.isLabelCharacter(c) || (allowDots && c == ".") else { break }
      end += 1
    }
    while end > start, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
    return end > start ? end : nil
  }

  /// Parses ` val-x.a.b }}` after the opening braces; returns the path and the index after `}}`.
  private static func valueReference(_ s: [Unicode.Scalar], from start: Int) -> (String, Int)? {
    var i = start
    while i < s.count, s[i] == " " { i += 1 }
    guard let end = labelEnd(s, from: i, allowDots: true) else { return nil }
    let path = String(String.UnicodeScalarView(s[i..<end]))
    guard path.hasPrefix("val-") else { return nil }
    var j = end
    while j < s.count, s[j] == " " { j += 1 }
    guard j + 1 < s.count, s[j] == "}", s[j + 1] == "}" else { return nil }
    return (path, j + 2)
  }
}
