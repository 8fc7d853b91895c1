/// What the PTB lexer does with a match, one case per distinct action of Stanford CoreNLP
/// 3.4.1's `PTBLexer.flex`, with the options `PTBTokenizer` runs it with from the command
/// line (`ptb3Escaping` defaults except `americanize` and `escapeForwardSlashAsterisk`, which
/// 3.4.1 leaves off; `untokenizable=firstDelete`).
enum PTBLexerAction: Sendable {
  /// The matched text is a token.
  case token
  /// The first `length − n` units are a token; the last `n` are scanned again
  /// (`yypushback(n)`: `cannot` → `can` + `not`, `gonna` → `gon` + `na`).
  case keepingLast(Int)
  /// An SGML tag; spaces inside become U+00A0 (`normalizeSpace`).
  case sgml
  /// The token is a fixed string: `--` for dash characters and entities (`ptb3Dashes`),
  /// `...` for ellipses (`ptb3Ellipsis`), PTB names for brackets (`-LRB-`, `-RSB-`, …), `<`
  /// and `>` for `&lt;` and `&gt;`.
  case replacement(String)
  /// `&amp;` inside the token becomes `&` (`normalizeAmpersandEntity`).
  case ampersand
  /// Soft hyphens (U+00AD) are removed from words and numbers; a token of soft hyphens only
  /// becomes `-`.
  case removingSoftHyphens
  /// A quote, mapped to LaTeX quotes (`latexQuotes`): opening or closing by context.
  case quote(opening: Bool)
  /// A fraction with a whole part: the space becomes U+00A0 (`normalizeSpace`).
  case fraction
  /// A composed fraction character (½) is spelled out (`normalizeFractions`).
  case composedFraction
  /// Cent, pound and euro signs become `cents`, `#`, `$` (`normalizeCurrency`).
  case currency
  /// An acronym followed by a likely sentence start: a one-letter acronym loses its period;
  /// a longer one keeps it and the period is returned again as its own token.
  case acronymAtSentenceEnd
  /// An abbreviation followed by a sentence end: kept, and its period returned again.
  case abbreviationAtSentenceEnd
  /// A phone number: spaces become U+00A0, parentheses `-LRB-`/`-RRB-`.
  case phone
  /// An emoticon: parentheses become `-LRB-`/`-RRB-` (`normalizeParentheses`).
  case smiley
  /// A run of hyphens: three or four become `--`.
  case hyphens
  /// White space or an invisible character between tokens.
  case skip
  /// A line break: with `-preserveLines`, it ends the output line.
  case newline
  /// A character no rule covers: deleted (`untokenizable=firstDelete`).
  case delete
}
