/// The info string of a fenced block: ```` ```reprise #fig-x .wide ````.
///
/// Grammar (a subset of Pandoc's attribute syntax, without braces so GitHub still shows the
/// language): `reprise` then any number of `#label` and `.class` words separated by spaces.
/// At most one label; labels are `[a-z][a-z0-9-]*` with a type prefix (`fig-`, `tbl-`, `val-`).
public struct InfoString: Sendable, Equatable {
  public var label: String?
  public var classes: [String]

  /// Returns `nil` when the fence is not a `reprise` block (its first word is something else).
  /// - Throws: `ReportError` for a malformed label or an unknown word after `reprise`.
  public static func parse(_ info: String, at location: SourceLocation) throws(ReportError) -> InfoString? {
    let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard words.first == "reprise" else { return nil }
    var result = InfoString(label: nil, classes: [])
    for word in words.dropFirst() {
      if word.hasPrefix("#") {
        let label = String(word.dropFirst())
        guard result.label == nil else {
          throw ReportError(at: location, "a block has at most one label; found '#\(result.label ?? "")' and '\(word)'")
        }
        try Label.validate(label, at: location)
        result.label = label
      } else if word.hasPrefix("."), word.count > 1 {
        result.classes.append(String(word.dropFirst()))
      } else {
        throw ReportError(at: location, "unexpected '\(word)' in the block header; expected '#label' or '.class'")
      }
    }
    return result
  }
}

/// Labels of blocks and sections, and the kinds of thing they name.
public enum Label {
  /// The label prefixes and what each names in prose.
  public static let prefixes: [(prefix: String, noun: String)] = [
    ("fig-", "Figure"), ("tbl-", "Table"), ("val-", "Value"), ("sec-", "Section"),
  ]

  /// The noun for a label ("Figure" for `fig-x`), or `nil` for an unknown prefix.
  public static func noun(of label: String) -> String? {
    prefixes.first { label.hasPrefix($0.prefix) }?.noun
  }

  /// The part after the type prefix: `fewshot` for `fig-fewshot`.
  public static func stem(of label: String) -> String {
    guard let prefix = prefixes.first(where: { label.hasPrefix($0.prefix) }) else { return label }
    return String(label.dropFirst(prefix.prefix.count))
  }

  /// Whether `c` can appear in a label after its first character.
  static func isLabelCharacter(_ c: Character) -> Bool {
    c.isASCII && (c.isLowercase || c.isNumber || c == "-" || c == "_")
  }

  /// Checks the label's characters and its type prefix.
  public static func validate(_ label: String, at location: SourceLocation) throws(ReportError) {
    let allowed = prefixes.map { "'\($0.prefix)'" }.joined(separator: ", ")
    guard let first = label.first, first.isASCII, first.isLowercase,
      label.allSatisfy(isLabelCharacter), !label.hasSuffix("-")
    else {
      throw ReportError(at: location, "invalid label '\(label)': use lower-case letters, digits and '-', starting with a type prefix (\(allowed))")
    }
    guard noun(of: label) != nil, stem(of: label).isEmpty == false else {
      throw ReportError(at: location, "label '\(label)' needs a type prefix: one of \(allowed)")
    }
  }
}
