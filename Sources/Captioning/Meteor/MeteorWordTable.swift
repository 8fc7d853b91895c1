import Datasets

/// The distinct words of an evaluation (after METEOR's normalisation), each with what the
/// aligner's four modules compare, computed once per word instead of once per sentence pair.
struct MeteorWordTable {
  struct Word: Sendable {
    /// `String.hashCode()`: exact matching compares these (`Stage.wordsToKeys`).
    let key: Int32
    /// The hash of the Snowball stem (`StemMatcher.wordsToStemKeys`).
    let stemKey: Int32
    /// WordNet synsets of the word and its base forms, sorted.
    let synsets: [Int32]
    /// The id in the paraphrase table, −1 if absent.
    let paraphraseID: Int32
    /// In the jar's `function/english.words` (after `toLowerCase()`).
    let isFunctionWord: Bool
  }

  /// The words, in first-use order.
  private(set) var texts: [String] = []
  private var index = ByteStringIndex()

  /// The table index of each whitespace-separated word of `line` (`StringTokenizer`),
  /// adding new words.
  mutating func indices(of line: String) -> [Int] {
    var line = line
    return line.withUTF8 { bytes in
      bytes.split(whereSeparator: JavaString.isTokenDelimiter).map { token in
        let (id, inserted) = index.insert(UnsafeBufferPointer(rebasing: token))
        if inserted { texts.append(String(decoding: token, as: UTF8.self)) }
        return Int(id)
      }
    }
  }

  /// The UTF-8 bytes of every word, by table index.
  var utf8: [ArraySlice<UInt8>] { texts.indices.map { index.bytes(Int32($0)) } }

  /// Every word's features, computed in parallel.
  func words(lexicon: MeteorLexicon, paraphrases: ParaphraseTable) -> [Word] {
    ParallelMap.map(Array(texts.indices)) { i in
      let text = texts[i]
      return Word(
        key: JavaString.hashCode(text), stemKey: JavaString.hashCode(SnowballEnglishStemmer.stem(text)),
        synsets: lexicon.synonyms.synsets(of: text), paraphraseID: paraphrases.id(ofWord: i),
        isFunctionWord: lexicon.functionWords.contains(JavaString.lowercased(text)))
    }
  }
}
