import Foundation

/// BERT's basic tokenizer: text clean-up, CJK splitting, optional lower-casing with accent
/// stripping, then splitting into words on whitespace and punctuation.
///
/// Follows Hugging Face `tokenizers` (`BertNormalizer` then `BertPreTokenizer`), the
/// implementation sentence-transformers runs:
/// 1. drop U+0000, U+FFFD and control characters (general category Cc, Cf, Co or Cn,
///    except tab, newline and carriage return); map white space (the Unicode `White_Space`
///    property) to a space;
/// 2. surround each CJK ideograph (the blocks BERT lists) with spaces;
/// 3. with lower-casing: decompose (NFD), drop non-spacing marks (Mn), lower-case each
///    scalar (full Unicode mapping, no context);
/// 4. split on white space, and make each punctuation character its own word (ASCII
///    punctuation, which includes `$+<=>^`|~`, and Unicode categories Pc Pd Ps Pe Pi Pf Po).
///
/// References: `tokenizers/src/normalizers/bert.rs`, `tokenizers/src/pre_tokenizers/bert.rs`;
/// google-research/bert `tokenization.py` (`BasicTokenizer`).
struct BasicTokenizer: Sendable {
  /// Lower-case and strip accents (`do_lower_case` of uncased models).
  var lowercase: Bool

  /// The words of `text`, each as its Unicode scalars.
  func words(_ text: String) -> [[Unicode.Scalar]] {
    var words: [[Unicode.Scalar]] = []
    var word: [Unicode.Scalar] = []
    for scalar in normalize(text) {
      if scalar.properties.isWhitespace {
        if !word.isEmpty { words.append(word) }
        word = []
      } else if Self.isPunctuation(scalar) {
        if !word.isEmpty { words.append(word) }
        words.append([scalar])
        word = []
      } else {
        word.append(scalar)
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  /// Steps 1–3.
  func normalize(_ text: String) -> [Unicode.Scalar] {
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !Self.isRemoved(scalar) {
      if Self.isWhitespace(scalar) {
        cleaned.append(" ")
      } else if Self.isCJK(scalar) {
        cleaned.append(contentsOf: [" ", scalar, " "])
      } else {
        cleaned.append(scalar)
      }
    }
    guard lowercase else { return Array(cleaned) }
    var result: [Unicode.Scalar] = []
    for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.properties.generalCategory != .nonspacingMark {
      result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
    return result
  }

  private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value == 0 || scalar.value == 0xFFFD { return true }
    if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .privateUse, .unassigned, .surrogate: return true
    default: return false
    }
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace
  }

  /// The CJK Unified Ideographs blocks and their extensions and compatibility blocks.
  private static let cjkRanges: [ClosedRange<UInt32>] = [
    0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
    0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F,
  ]

  private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    cjkRanges.contains { $0.contains(scalar.value) }
  }

  private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value
      return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
        || (0x7B...0x7E).contains(v)
    }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }
}
