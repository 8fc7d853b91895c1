/// METEOR 1.5's `-norm` text normalisation for English with punctuation kept
/// (`edu/cmu/meteor/util/Normalizer.normalizeLine(line, LANG_EN, true)`), followed by the
/// lower-casing `MeteorScorer.getMeteorStats` applies (`test.toLowerCase()`).
///
/// Each step below is one Java `replaceAll`/`replace` of the original, in order, applied
/// with Java's semantics: a left-to-right scan for non-overlapping matches, on code points.
/// The nonbreaking-prefix list (`nonbreaking/english.prefixes` in the jar) decides which
/// `word.` keep their period.
struct MeteorNormalizer: Sendable {
  /// Prefixes that keep a following period: everywhere (`true`) or only before a number.
  let nonbreakingPrefixes: [String: Bool]

  /// Parses `english.prefixes`: one prefix per line, `#` comments, `#NUMERIC_ONLY#` marks
  /// prefixes that only stay whole before digits (`Normalizer.nbpList`).
  init(prefixFile: String) {
    var prefixes: [String: Bool] = [:]
    for line in prefixFile.split(separator: "\n", omittingEmptySubsequences: false) {
      let tokens = JavaString.tokens(String(line))
      guard let prefix = tokens.first, !prefix.hasPrefix("#") else { continue }
      prefixes[String(prefix)] = tokens.count > 1 && tokens[1] == "#NUMERIC_ONLY#" ? false : true
    }
    nonbreakingPrefixes = prefixes
  }

  typealias Text = [Unicode.Scalar]

  /// The normalised, lower-cased line.
  func normalize(_ line: String) -> String {
    // Words of lower-case letters and digits (most tokenized captions) are left as they are
    // by every step; only runs of spaces collapse and the ends are trimmed.
    if line.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x20 }) {
      let spaced = line.utf8.first == 0x20 || line.utf8.last == 0x20
        || zip(line.utf8, line.utf8.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
      return spaced ? line.split(separator: " ").joined(separator: " ") : line
    }
    var text: Text = [" "] + Array(line.unicodeScalars) + [" "]
    // Separate every character that is not alphanumeric, white space or . ' ` , - ‘ ’.
    text = text.flatMap { Self.isSeparatedAsIs($0) ? [$0] : [" ", $0, " "] }
    text = escapeMultipleDots(text)
    // `([^\p{Digit}])[,]([^\p{Digit}])`, then digit-comma-non-digit, non-digit-comma-digit.
    for (left, right) in [(false, false), (true, false), (false, true)] {
      text = Self.replaceTriples(text, { Self.isDigit($0) == left }, ",", { Self.isDigit($0) == right }, with: " , ")
    }
    text = text.map { "`‘’".unicodeScalars.contains($0) ? "'" : $0 }
    text = Self.replacingDoubleQuotes(text)
    text = Self.replacing("–", with: "-", in: text)
    text = Self.replacing("--", with: "-", in: text)
    // `([ALNUM\.])[\-]([ALNUM])` → "$1 $2": dashes between words go.
    text = Self.replaceTriples(text, { Self.isAlphanumeric($0) || $0 == "." }, "-", Self.isAlphanumeric, with: " ")
    text = splitContractions(text)
    text = breakFinalPeriods(text)
    // Unescape the dots: `DOTDOTMULTI` → `DOTMULTI.` until none is left, then `DOTMULTI` → `.`.
    while Self.contains(text, "DOTDOTMULTI") { text = Self.replacing("DOTDOTMULTI", with: "DOTMULTI.", in: text) }
    text = Self.replacing("DOTMULTI", with: ".", in: text)
    // `[  \u2000-\u200A\u202F\u205F\u3000\u00A0]+` → " ", then `String.trim()`.
    var collapsed = String.UnicodeScalarView()
    for scalar in text {
      if Self.isSpaceForWhitespaceRule(scalar) {
        if collapsed.last != " " { collapsed.append(" ") }
      } else {
        collapsed.append(scalar)
      }
    }
    return JavaString.lowercased(String(JavaString.trimmed(Substring(String(collapsed)))))
  }

  // MARK: - Character classes of the original patterns

  /// `alpha`: `A-Za-zŠŽšžŸÀ-ÖØ-öø-ž` and the Cyrillic ranges `Ѐ-ӿԀ-ԧꙀ-ꙮ꙾-ꚗᴀ-ᵿ`.
  static func isAlpha(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x41...0x5A, 0x61...0x7A, 0x160, 0x17D, 0x161, 0x17E, 0x178, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17E,
      0x400...0x4FF, 0x500...0x527, 0xA640...0xA66E, 0xA67E...0xA697, 0x1D00...0x1D7F:
      true
    default:
      false
    }
  }

  static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isAlpha(c) }

  /// `\p{Digit}` (POSIX, ASCII only).
  static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

  /// The characters `r_sep_other` leaves alone: alphanumerics, `\s` and `. ' ` , - ‘ ’`.
  private static func isSeparatedAsIs(_ c: Unicode.Scalar) -> Bool {
    isAlphanumeric(c) || " \t\n\u{0B}\u{0C}\r.'`,-‘’".unicodeScalars.contains(c)
  }

  private static func isSpaceForWhitespaceRule(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x20, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xA0: true
    default: false
    }
  }

  // MARK: - Steps

  /// `\.([\.]+)` → " DOTMULTI$1", then, while `DOTMULTI.` remains, `DOTMULTI\.([^\.])` →
  /// "DOTDOTMULTI $1" and `DOTMULTI.` → "DOTDOTMULTI" (protects `...` from period splitting).
  private func escapeMultipleDots(_ text: Text) -> Text {
    var result: Text = []
    var i = 0
    while i < text.count {
      if text[i] == ".", i + 1 < text.count, text[i + 1] == "." {
        result += " DOTMULTI".unicodeScalars
        i += 1
        while i < text.count && text[i] == "." {
          result.append(".")
          i += 1
        }
      } else {
        result.append(text[i])
        i += 1
      }
    }
    while Self.contains(result, "DOTMULTI.") {
      let marker = Array("DOTMULTI.".unicodeScalars)
      var next: Text = []
      var j = 0
      while j < result.count {
        if j + marker.count < result.count, Array(result[j..<j + marker.count]) == marker,
          result[j + marker.count] != "."
        {
          next += "DOTDOTMULTI ".unicodeScalars
          next.append(result[j + marker.count])
          j += marker.count + 1
        } else {
          next.append(result[j])
          j += 1
        }
      }
      result = Self.replacing("DOTMULTI.", with: "DOTDOTMULTI", in: next)
    }
    return result
  }

  /// English contractions split to the right (`r_cont_en` … `r_cont_en5`):
  /// `([^a])'([^a])` → "$1 ' $2", `([^a\d])'([a])` → "$1 ' $2", `([a])'([^a])` → "$1 ' $2",
  /// `([a])'([a])` → "$1 '$2", `(\d)'(s)` → "$1 '$2" (a = alpha).
  private func splitContractions(_ text: Text) -> Text {
    let alpha = Self.isAlpha
    var t = Self.replaceTriples(text, { !alpha($0) }, "'", { !alpha($0) }, with: " ' ")
    t = Self.replaceTriples(t, { !alpha($0) && !Self.isDigit($0) }, "'", alpha, with: " ' ")
    t = Self.replaceTriples(t, alpha, "'", { !alpha($0) }, with: " ' ")
    t = Self.replaceTriples(t, alpha, "'", alpha, with: " '")
    return Self.replaceTriples(t, Self.isDigit, "'", { $0 == "s" }, with: " '")
  }

  /// Splits words at white space and breaks the final period off each `word.` unless it is
  /// an acronym with letters (`U.S.` → `US`), a nonbreaking prefix, followed by a lower-case
  /// word, or a numeric-only prefix followed by a number.
  private func breakFinalPeriods(_ text: Text) -> Text {
    let words = JavaString.tokens(String(String.UnicodeScalarView(text)))
    var result = ""
    for (i, word) in words.enumerated() {
      let next = i + 1 < words.count ? words[i + 1] : nil
      if word.utf16.count > 1 && word.hasSuffix(".") {
        let prefix = word.dropLast()
        let kind = nonbreakingPrefixes[String(prefix)]
        if prefix.contains(".") && prefix.unicodeScalars.contains(where: Self.isAlpha) {
          result += word.replacingAll(".", with: "")
        } else if kind == true || next?.unicodeScalars.first.map({ ("a"..."z").contains($0) }) == true {
          result += word
        } else if kind == false, next?.unicodeScalars.first.map(Self.isDigit) == true {
          result += word
        } else {
          result += prefix + " ."
        }
      } else {
        result += word
      }
      result += " "
    }
    return Array(result.unicodeScalars)
  }

  // MARK: - Java string operations

  /// Java `replaceAll` of a three-character pattern `([first])middle([last])` with
  /// `"$1" + infix + "$2"`, where `infix` includes the middle character as the template does.
  private static func replaceTriples(
    _ text: Text, _ first: (Unicode.Scalar) -> Bool, _ middle: Unicode.Scalar, _ last: (Unicode.Scalar) -> Bool,
    with infix: String
  ) -> Text {
    var result: Text = []
    var i = 0
    while i < text.count {
      if i + 2 < text.count && text[i + 1] == middle && first(text[i]) && last(text[i + 2]) {
        result.append(text[i])
        result += infix.unicodeScalars
        result.append(text[i + 2])
        i += 3
      } else {
        result.append(text[i])
        i += 1
      }
    }
    return result
  }

  /// `([“”]|'')` → `" \" "`.
  private static func replacingDoubleQuotes(_ text: Text) -> Text {
    var result: Text = []
    var i = 0
    while i < text.count {
      if text[i] == "“" || text[i] == "”" {
        result += " \" ".unicodeScalars
        i += 1
      } else if text[i] == "'", i + 1 < text.count, text[i + 1] == "'" {
        result += " \" ".unicodeScalars
        i += 2
      } else {
        result.append(text[i])
        i += 1
      }
    }
    return result
  }

  /// Java `String.replace(target, replacement)`: every non-overlapping occurrence, left to right.
  static func replacing(_ target: String, with replacement: String, in text: Text) -> Text {
    let pattern = Array(target.unicodeScalars)
    var result: Text = []
    var i = 0
    while i < text.count {
      if i + pattern.count <= text.count && Array(text[i..<i + pattern.count]) == pattern {
        result += replacement.unicodeScalars
        i += pattern.count
      } else {
        result.append(text[i])
        i += 1
      }
    }
    return result
  }

  private static func contains(_ text: Text, _ target: String) -> Bool {
    let pattern = Array(target.unicodeScalars)
    guard text.count >= pattern.count else { return false }
    return (0...(text.count - pattern.count)).contains { Array(text[$0..<$0 + pattern.count]) == pattern }
  }
}

extension StringProtocol {
  /// Every occurrence of `target` replaced, on code points (Java `String.replace`).
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    String(String.UnicodeScalarView(unicodeScalars.flatMap { $0 == target.unicodeScalars.first ? Array(replacement.unicodeScalars) : [$0] }))
  }
}
