/// Greedy longest-match-first WordPiece over a fixed vocabulary.
///
/// A word longer than `maxCharactersPerWord` scalars becomes `[UNK]`. Otherwise, from the
/// start of the word, the longest prefix in the vocabulary is taken; each later piece is
/// looked up with the continuation prefix `##`; if some position has no match the whole
/// word becomes `[UNK]`. Tokens are compared scalar by scalar (not by Swift's canonical
/// string equivalence), as the reference compares bytes.
///
/// References: `tokenizers/src/models/wordpiece/mod.rs` (`tokenize`); Wu et al. 2016,
/// "Google's Neural Machine Translation System" (§4.1, wordpieces).
struct WordPiece: Sendable {
  /// Ids of tokens that may start a word.
  private let starts: [[Unicode.Scalar]: Int]
  /// Ids of `##`-tokens, keyed without the prefix.
  private let continuations: [[Unicode.Scalar]: Int]
  /// The id of `[UNK]`.
  let unknownID: Int
  let maxCharactersPerWord: Int

  /// - Parameters:
  ///   - vocabulary: token strings; a token's id is its index.
  ///   - unknownID: the id of the unknown token.
  init(vocabulary: [String], unknownID: Int, continuationPrefix: String = "##", maxCharactersPerWord: Int = 100) {
    var starts: [[Unicode.Scalar]: Int] = [:]
    var continuations: [[Unicode.Scalar]: Int] = [:]
    let prefix = Array(continuationPrefix.unicodeScalars)
    for (id, token) in vocabulary.enumerated() {
      let scalars = Array(token.unicodeScalars)
      if scalars.starts(with: prefix) {
        let piece = Array(scalars.dropFirst(prefix.count))
        continuations[piece] = continuations[piece] ?? id
      }
      starts[scalars] = starts[scalars] ?? id
    }
    self.starts = starts
    self.continuations = continuations
    self.unknownID = unknownID
    self.maxCharactersPerWord = maxCharactersPerWord
  }

  /// The ids of `word`'s pieces, or `[unknownID]`.
  func ids(_ word: [Unicode.Scalar]) -> [Int] {
    guard word.count <= maxCharactersPerWord else { return [unknownID] }
    var ids: [Int] = []
    var start = 0
    while start < word.count {
      let table = start == 0 ? starts : continuations
      var end = word.count
      var match: Int?
      while start < end {
        if let id = table[Array(word[start..<end])] {
          match = id
          break
        }
        end -= 1
      }
      guard let id = match else { return [unknownID] }
      ids.append(id)
      start = end
    }
    return ids
  }
}
