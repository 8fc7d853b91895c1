/// A regular expression over UTF-16 code units, written with Swift operators so that the
/// tokenizer's rules read like a JFlex specification: `a + b` is concatenation, `a || b`
/// alternation (`||` binds looser than `+`, as `|` does in a regular expression; Swift's `|`
/// would not), `a.star`, `a.plus`, `a.optional` and `a.repeated(1...4)` repetition.
indirect enum LexPattern: Sendable {
  case units(CodeUnitClass)
  case concatenation([LexPattern])
  case alternation([LexPattern])
  case repetition(LexPattern, min: Int, max: Int?)

  /// A literal matched as JFlex's `%caseless` scanner matches strings and single characters
  /// outside classes: each letter in either case (`Character.toUpperCase`/`toLowerCase`).
  static func caseless(_ text: String) -> LexPattern {
    .concatenation(
      text.unicodeScalars.map { scalar in
        let variants = Set([String(scalar), String(scalar).uppercased(), String(scalar).lowercased()])
          .filter { $0.utf16.count == 1 }
        return .units(CodeUnitClass(variants.joined()))
      })
  }

  /// One of the characters of `characters`, case-sensitively (a JFlex `[…]` class).
  static func oneOf(_ characters: String, ranges: [ClosedRange<UInt16>] = []) -> LexPattern {
    .units(CodeUnitClass(characters, ranges: ranges))
  }

  /// Any character except those of `characters` (a JFlex `[^…]` class).
  static func noneOf(_ characters: String, ranges: [ClosedRange<UInt16>] = []) -> LexPattern {
    .units(CodeUnitClass(characters, ranges: ranges).complement)
  }

  static func + (lhs: LexPattern, rhs: LexPattern) -> LexPattern {
    .concatenation([lhs, rhs])
  }

  static func || (lhs: LexPattern, rhs: LexPattern) -> LexPattern {
    .alternation([lhs, rhs])
  }

  /// Alternation of many patterns.
  static func any(_ patterns: [LexPattern]) -> LexPattern {
    .alternation(patterns)
  }

  /// Alternation of caseless literals (`a|b|c` in a JFlex macro).
  static func anyWord(_ words: [String]) -> LexPattern {
    .alternation(words.map(caseless))
  }

  var star: LexPattern { .repetition(self, min: 0, max: nil) }
  var plus: LexPattern { .repetition(self, min: 1, max: nil) }
  var optional: LexPattern { .repetition(self, min: 0, max: 1) }
  func repeated(_ range: ClosedRange<Int>) -> LexPattern {
    .repetition(self, min: range.lowerBound, max: range.upperBound)
  }
}
