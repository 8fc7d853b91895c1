import Foundation

/// BERT's WordPiece tokenizer as Hugging Face `tokenizers` runs it for all-MiniLM-L6-v2:
/// special tokens matched in the raw text, `BasicTokenizer`, `WordPiece`, truncation to
/// `maxLength` tokens including `[CLS]` and `[SEP]`, then `[CLS] … [SEP]`.
///
/// `maxLength` is the model's, not the tokenizer file's: sentence-transformers truncates
/// all-MiniLM-L6-v2 at `max_seq_length` 256 (`sentence_bert_config.json`) although its
/// `tokenizer.json` says 128 (and pads; this tokenizer never pads).
///
/// References: `tokenizers/src/tokenizer/added_vocabulary.rs` (special tokens split before
/// normalisation), `tokenizers/src/processors/template.rs`; Devlin et al. 2019, "BERT".
public struct BertTokenizer: Sendable {
  /// Tokens per sequence at most, `[CLS]` and `[SEP]` included; at least 2.
  public let maxLength: Int
  /// The id of `[CLS]`, which starts every sequence.
  public let clsID: Int
  /// The id of `[SEP]`, which ends every sequence.
  public let sepID: Int
  /// The vocabulary size.
  public let vocabularySize: Int
  private let basic: BasicTokenizer
  private let wordPiece: WordPiece
  /// Special tokens (`[CLS]`, `[MASK]`, …) recognised verbatim in the input, with their ids.
  private let specialTokens: [(scalars: [Unicode.Scalar], id: Int)]

  /// A tokenizer over `vocabulary` (a token's id is its index), which must contain
  /// `[UNK]`, `[CLS]` and `[SEP]`.
  ///
  /// - Parameters:
  ///   - specialTokens: tokens matched verbatim before normalisation; default: every
  ///     vocabulary token of the form `[PAD]`, `[UNK]`, `[CLS]`, `[SEP]`, `[MASK]` present.
  /// - Throws: `.malformedVocabulary` naming `source` when a required token is missing or
  ///   `maxLength < 2`.
  public init(
    vocabulary: [String], lowercase: Bool = true, maxLength: Int = 256,
    specialTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], source: String = "vocabulary"
  ) throws(ModelError) {
    let ids = Dictionary(vocabulary.enumerated().map { ($1.unicodeScalars.map(\.value), $0) }, uniquingKeysWith: { first, _ in first })
    func id(_ token: String) throws(ModelError) -> Int {
      guard let id = ids[token.unicodeScalars.map(\.value)] else {
        throw .malformedVocabulary(file: source, reason: "vocabulary of \(vocabulary.count) tokens has no \(token)")
      }
      return id
    }
    guard maxLength >= 2 else {
      throw .malformedVocabulary(file: source, reason: "maxLength \(maxLength) leaves no room for [CLS] and [SEP]")
    }
    self.maxLength = maxLength
    clsID = try id("[CLS]")
    sepID = try id("[SEP]")
    vocabularySize = vocabulary.count
    basic = BasicTokenizer(lowercase: lowercase)
    wordPiece = WordPiece(vocabulary: vocabulary, unknownID: try id("[UNK]"))
    self.specialTokens = specialTokens.compactMap { token in
      ids[token.unicodeScalars.map(\.value)].map { (scalars: Array(token.unicodeScalars), id: $0) }
    }
  }

  /// Reads `vocab.txt`: one token per line, the id is the 0-based line number.
  public static func load(vocabularyFile url: URL, lowercase: Bool = true, maxLength: Int = 256) throws(ModelError) -> BertTokenizer {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(file: url.lastPathComponent, reason: error.localizedDescription)
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return try BertTokenizer(vocabulary: lines, lowercase: lowercase, maxLength: maxLength, source: url.lastPathComponent)
  }

  /// Reads a Hugging Face `tokenizer.json` with a `WordPiece` model and a `BertNormalizer`
  /// (whose `lowercase` is honoured; other settings must be BERT's defaults, else an error);
  /// its special tokens are the `added_tokens` marked `special`.
  public static func load(tokenizerJSON url: URL, maxLength: Int = 256) throws(ModelError) -> BertTokenizer {
    let file = url.lastPathComponent
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    } catch {
      throw .malformedVocabulary(file: file, reason: "cannot read JSON: \(error.localizedDescription)")
    }
    guard let root = object as? [String: Any], let model = root["model"] as? [String: Any],
      model["type"] as? String == "WordPiece", let vocab = model["vocab"] as? [String: Int]
    else { throw .malformedVocabulary(file: file, reason: "no WordPiece model with a vocab") }
    var tokens = [String](repeating: "", count: vocab.count)
    for (token, id) in vocab {
      guard tokens.indices.contains(id), tokens[id].isEmpty else {
        throw .malformedVocabulary(file: file, reason: "ids are not 0..<\(vocab.count) (token \(token), id \(id))")
      }
      tokens[id] = token
    }
    let normalizer = root["normalizer"] as? [String: Any]
    let lowercase = normalizer?["lowercase"] as? Bool ?? true
    let standard =
      normalizer?["type"] as? String == "BertNormalizer" && normalizer?["clean_text"] as? Bool != false
      && normalizer?["handle_chinese_chars"] as? Bool != false
      && (normalizer?["strip_accents"] as? Bool).map { $0 == lowercase } ?? true
    guard standard else {
      throw .malformedVocabulary(
        file: file, reason: "normalizer is not a BertNormalizer with clean_text, handle_chinese_chars and strip_accents following lowercase")
    }
    let added = (root["added_tokens"] as? [[String: Any]] ?? []).filter { $0["special"] as? Bool == true }
    return try BertTokenizer(
      vocabulary: tokens, lowercase: lowercase, maxLength: maxLength,
      specialTokens: added.compactMap { $0["content"] as? String }, source: file)
  }

  /// The token ids of `text`: `[CLS]`, at most `maxLength − 2` word pieces, `[SEP]`.
  public func encode(_ text: String) -> [Int] {
    var ids: [Int] = []
    for segment in segments(text) {
      switch segment {
      case .special(let id): ids.append(id)
      case .text(let scalars):
        for word in basic.words(String(String.UnicodeScalarView(scalars))) {
          ids += wordPiece.ids(word)
        }
      }
      if ids.count >= maxLength - 2 { break }
    }
    return [clsID] + ids.prefix(maxLength - 2) + [sepID]
  }

  private enum Segment {
    case text([Unicode.Scalar])
    case special(Int)
  }

  /// `text` split around verbatim special tokens (leftmost match, longest first).
  private func segments(_ text: String) -> [Segment] {
    let scalars = Array(text.unicodeScalars)
    var segments: [Segment] = []
    var start = 0
    var i = 0
    while i < scalars.count {
      let match = specialTokens.filter { scalars[i...].starts(with: $0.scalars) }.max { $0.scalars.count < $1.scalars.count }
      if let match {
        segments.append(.text(Array(scalars[start..<i])))
        segments.append(.special(match.id))
        i += match.scalars.count
        start = i
      } else {
        i += 1
      }
    }
    segments.append(.text(Array(scalars[start...])))
    return segments
  }
}
