/// A scanner equivalent to Stanford CoreNLP 3.4.1's `PTBLexer` (JFlex) as
/// `PTBTokenizer -preserveLines` runs it: it turns UTF-16 text into lines of Penn Treebank
/// tokens, before lower-casing.
///
/// Not `Sendable`: the automata build their DFA states lazily. Create one per thread.
final class PTBLexer {
  private let rules = PTBLexerRules.all
  private let automaton: LexerAutomaton
  /// For rules with trailing context (JFlex `r1/r2`): automata for `r1` and for `r2` alone,
  /// used to find where `r1` ends inside the longest `r1r2` match.
  private let heads: [LexerAutomaton?]
  private let tails: [LexerAutomaton?]

  init() {
    automaton = LexerAutomaton(rules.map { rule in rule.trailing.map { rule.pattern + $0 } ?? rule.pattern })
    heads = rules.map { rule in rule.trailing.map { _ in LexerAutomaton([rule.pattern]) } }
    tails = rules.map { rule in rule.trailing.map { LexerAutomaton([$0]) } }
  }

  /// The lower-cased tokens of each line of `text` (lines end at the lexer's `NEWLINE`
  /// matches), as `PTBTokenizer -lowerCase` prints them: each token lower-cased on its own
  /// with `String.toLowerCase(Locale.ENGLISH)`.
  ///
  /// - Complexity: O(n) table lookups once the lazy DFA is warm.
  func lines(of text: [UInt16]) -> [[String]] {
    var lines: [[String]] = [[]]
    text.withUnsafeBufferPointer { units in
      var position = 0
      while position < units.count {
        guard let match = automaton.longestMatch(in: units, at: position) else {
          position += 1  // unreachable: the last rule matches any unit but `\n`, NEWLINE matches `\n`
          continue
        }
        let action = rules[match.rule].action
        let length = textLength(of: match, in: units, at: position)
        let (token, consumed) = apply(action, to: UnsafeBufferPointer(rebasing: units[position..<position + length]))
        if case .newline = action {
          lines.append([])
        } else if let token {
          lines[lines.count - 1].append(token)
        }
        position += consumed
      }
    }
    return lines
  }

  /// The length of `yytext`: the whole match, or for `r1/r2` the longest `r1` prefix after
  /// which `r2` matches the rest of the match exactly.
  private func textLength(
    of match: (length: Int, rule: Int), in units: UnsafeBufferPointer<UInt16>, at position: Int
  ) -> Int {
    guard let head = heads[match.rule], let tail = tails[match.rule] else { return match.length }
    for split in head.matchLengths(in: units, at: position, limit: match.length).reversed() {
      let rest = match.length - split
      if rest > 0 && tail.matchLengths(in: units, at: position + split, limit: rest).last == rest {
        return split
      }
    }
    return match.length
  }

  /// The lower-cased token an action makes of `text` (`nil` for none) and how many units it
  /// consumes (fewer than `text.count` after a JFlex `yypushback`).
  private func apply(
    _ action: PTBLexerAction, to text: UnsafeBufferPointer<UInt16>
  ) -> (token: String?, consumed: Int) {
    let count = text.count
    var whole: [UInt16] { Array(text) }
    switch action {
    case .token:
      return (Self.lowercased(text), count)
    case .keepingLast(let kept):
      return (Self.lowercased(UnsafeBufferPointer(rebasing: text.dropLast(kept))), count - kept)
    case .sgml, .fraction:
      return (Self.lowercased(whole.map { $0 == 0x20 ? 0xA0 : $0 }), count)
    case .replacement(let token):
      return (JavaString.lowercased(token), count)
    case .ampersand:
      return (Self.lowercased(Self.replacing("&amp;", with: "&", in: whole)), count)
    case .removingSoftHyphens:
      let kept = whole.filter { $0 != 0xAD }
      return (kept.isEmpty ? "-" : Self.lowercased(kept), count)
    case .quote(let opening):
      return (JavaString.lowercased(Self.latexQuotes(whole, opening: opening)), count)
    case .composedFraction:
      return (Self.mapping(whole, ["¼": "1/4", "½": "1/2", "¾": "3/4", "⅓": "1/3", "⅔": "2/3"]), count)
    case .currency:
      return (Self.mapping(whole, ["¢": "cents", "£": "#", "\u{80}": "$", "¤": "$", "₠": "$", "€": "$"]), count)
    case .acronymAtSentenceEnd:
      return count == 2
        ? (Self.lowercased(UnsafeBufferPointer(rebasing: text.prefix(1))), 1) : (Self.lowercased(text), count - 1)
    case .abbreviationAtSentenceEnd:
      return (Self.lowercased(text), count - 1)
    case .phone:
      return (JavaString.lowercased(Self.bracketNames(whole.map { $0 == 0x20 ? 0xA0 : $0 })), count)
    case .smiley:
      return (JavaString.lowercased(Self.bracketNames(whole)), count)
    case .hyphens:
      return ((3...4).contains(count) ? "--" : Self.lowercased(text), count)
    case .skip, .newline, .delete:
      return (nil, count)
    }
  }

  /// `String.toLowerCase(Locale.ENGLISH)` of UTF-16 text, with a fast path for ASCII.
  private static func lowercased(_ units: some Collection<UInt16>) -> String {
    guard units.allSatisfy({ $0 < 0x80 }) else {
      return JavaString.lowercased(String(decoding: units, as: UTF16.self))
    }
    return String(unsafeUninitializedCapacity: units.count) { bytes in
      for (index, unit) in units.enumerated() {
        bytes[index] = UInt8(unit) | (unit >= 0x41 && unit <= 0x5A ? 0x20 : 0)
      }
      return units.count
    }
  }

  /// `text` with every occurrence of the ASCII string `target` (matched ignoring ASCII case,
  /// as `(?i:&amp;)` does) replaced by `replacement`.
  private static func replacing(_ target: String, with replacement: String, in text: [UInt16]) -> [UInt16] {
    let pattern = Array(target.lowercased().utf16)
    var result: [UInt16] = []
    var index = 0
    while index < text.count {
      let end = index + pattern.count
      if end <= text.count
        && zip(text[index..<end], pattern).allSatisfy({ ($0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0)) == $1 })
      {
        result += replacement.utf16
        index = end
      } else {
        result.append(text[index])
        index += 1
      }
    }
    return result
  }

  /// Each unit replaced by its entry in `table` (keyed by one-unit strings), if any.
  private static func mapping(_ text: [UInt16], _ table: [String: String]) -> String {
    text.map { unit in table[String(decoding: [unit], as: UTF16.self)] ?? String(decoding: [unit], as: UTF16.self) }
      .joined()
  }

  /// Round parentheses as `-LRB-` / `-RRB-` (`normalizeParentheses`).
  private static func bracketNames(_ text: [UInt16]) -> String {
    mapping(text, ["(": "-LRB-", ")": "-RRB-"])
  }

  /// `PTBLexer.latexQuotes` (3.4.1): straight quotes and their entities become `` ` `` and
  /// ``` `` ``` when opening, `'` and `''` when closing; curly and CP1252 quotes map by
  /// their own direction.
  static func latexQuotes(_ text: [UInt16], opening: Bool) -> String {
    let entities = replacing("&quot;", with: "\"", in: replacing("&apos;", with: "'", in: text))
    return mapping(entities, [
      "'": opening ? "`" : "'", "\"": opening ? "``" : "''",
      "\u{91}": "`", "\u{2018}": "`", "\u{201B}": "`", "\u{2039}": "`",
      "\u{92}": "'", "\u{2019}": "'", "\u{203A}": "'",
      "\u{93}": "``", "\u{201C}": "``", "\u{AB}": "``",
      "\u{94}": "''", "\u{201D}": "''", "\u{BB}": "''",
    ])
  }
}
