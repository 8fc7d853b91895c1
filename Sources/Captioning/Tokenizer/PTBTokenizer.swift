import Foundation

/// Caption tokenization as the COCO caption toolkit does it
/// (`pycocoevalcap/tokenizer/ptbtokenizer.py`), without Java.
///
/// The toolkit joins all captions of one call with `\n` (after replacing newlines inside a
/// caption by spaces, L37), runs Stanford CoreNLP 3.4.1's
/// `PTBTokenizer -preserveLines -lowerCase` on the result (L28-30), and for each output line
/// drops the tokens in `punctuation` and joins the rest with single spaces (L62-66).
///
/// Because the lexer sees the joined text, a caption's tokens can depend on the next one:
/// `etc.` followed by a caption that starts with a capital gets an extra `.` (then removed).
/// Callers reproduce the toolkit by passing captions in the toolkit's order: per image in
/// image order, all references; the candidates in a separate call.
public enum PTBTokenizer {
  /// The tokens removed after tokenization (`ptbtokenizer.py:21-22`). The list holds the
  /// upper-case bracket names, but `-lowerCase` has turned them into `-lrb-` first, so
  /// brackets are never removed: a faithful quirk.
  public static let punctuation: Set<String> = [
    "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",", ":", "-", "--",
    "...", ";",
  ]

  /// Tokenizes `captions` as one toolkit call does: one string of space-separated tokens per
  /// caption, in order.
  ///
  /// Deviation: the other line breaks the lexer knows (`\r`, U+000B, U+000C, U+2028, U+2029)
  /// are replaced by spaces like `\n`. The toolkit leaves them, the lexer breaks the line
  /// there, and every later caption is then paired with the wrong image (its lines are
  /// zipped with the image ids).
  public static func tokenize(_ captions: [String]) -> [String] {
    lexedLines(captions).map { tokens in
      tokens.filter { !punctuation.contains($0) }.joined(separator: " ")
    }
  }

  /// The lower-cased tokens of each caption before punctuation removal: what
  /// `PTBTokenizer -preserveLines -lowerCase` prints, one line per caption.
  static func lexedLines(_ captions: [String]) -> [[String]] {
    guard !captions.isEmpty else { return [] }
    var text: [UInt16] = []
    for (index, caption) in captions.enumerated() {
      if index > 0 { text.append(0x0A) }
      for unit in caption.utf16 {
        switch unit {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029: text.append(0x20)
        default: text.append(unit)
        }
      }
    }
    return shared.lines(of: text)
  }

  /// One lexer for the process: its DFA is built lazily, and a fresh one would redo that
  /// warm-up on every call. A lock makes it safe to share.
  private static let shared = SharedLexer()

  private final class SharedLexer: @unchecked Sendable {
    private let lock = NSLock()
    private let lexer = PTBLexer()

    func lines(of text: [UInt16]) -> [[String]] {
      lock.withLock { lexer.lines(of: text) }
    }
  }
}
