/// The distinct words of an evaluation (after METEOR's normalisation), each with what the
/// aligner's four modules compare, computed once per word instead of once per sentence pair.
struct MeteorWordTable {
  struct Word {
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

  private(set) var words: [Word] = []
  private(set) var texts: [String] = []
  private var index: [[UInt8]: Int] = [:]

  /// The table index of each whitespace-separated word of `line` (`StringTokenizer`),
  /// adding new words.
  mutating func indices(of line: String, lexicon: MeteorLexicon) -> [Int] {
    JavaString.tokens(line).map { token in
      let bytes = Array(token.utf8)
      if let known = index[bytes] { return known }
      let text = String(token)
      words.append(
        Word(
          key: JavaString.hashCode(text), stemKey: JavaString.hashCode(SnowballEnglishStemmer.stem(text)),
          synsets: lexicon.synonyms.synsets(of: text), paraphraseID: -1,
          isFunctionWord: lexicon.functionWords.contains(JavaString.lowercased(text))))
      texts.append(text)
      index[bytes] = words.count - 1
      return words.count - 1
    }
  }

  /// The UTF-8 bytes of every word, to select the usable paraphrase entries.
  var vocabulary: Set<[UInt8]> { Set(index.keys) }

  /// Records each word's paraphrase-table id.
  mutating func attach(_ paraphrases: ParaphraseTable) {
    words = zip(words, texts).map { word, text in
      Word(
        key: word.key, stemKey: word.stemKey, synsets: word.synsets, paraphraseID: paraphrases.id(of: text),
        isFunctionWord: word.isFunctionWord)
    }
  }
}
