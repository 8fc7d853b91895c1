/// METEOR 1.5's WordNet synonym lookup (`edu/cmu/meteor/aligner/SynonymDictionary`), from the
/// jar's `synonym/english.synsets` and `synonym/english.exceptions`.
///
/// Two words are synonyms when their synset sets intersect, where a word's set is the
/// synsets of the word itself plus those of its base forms: the irregular forms listed in
/// the exceptions file or, failing that, one form found by `morph`. (The relations file is
/// not read: the loading code is disabled in the jar.)
struct SynonymDictionary: Sendable {
  private let wordToSynsets: [String: [Int32]]
  private let wordToBases: [String: [String]]

  /// Parses the two files: `synsets` holds line pairs (word, then its synset ids),
  /// `exceptions` line pairs (inflected form, then its base forms).
  init(synsets: String, exceptions: String) {
    var synsetsByWord: [String: [Int32]] = [:]
    Self.forEachPair(synsets) { word, ids in
      synsetsByWord[word] = ids.split(separator: " ").compactMap { Int32($0) }
    }
    var basesByWord: [String: [String]] = [:]
    Self.forEachPair(exceptions) { base, forms in
      for form in forms.split(separator: " ") { basesByWord[String(form), default: []].append(base) }
    }
    wordToSynsets = synsetsByWord
    wordToBases = basesByWord
  }

  /// Calls `body` with each pair of lines (the files hold one word per line, then its data).
  private static func forEachPair(_ text: String, _ body: (String, Substring) -> Void) {
    var previous: Substring?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let first = previous {
        body(String(first), line)
        previous = nil
      } else {
        previous = line
      }
    }
  }

  /// `getSynSets(word) ∪ getStemSynSets(word)`, as `SynonymMatcher.match` builds it,
  /// sorted and without repeats.
  func synsets(of word: String) -> [Int32] {
    var result = wordToSynsets[word] ?? []
    if let bases = wordToBases[word] {
      for base in bases { result += wordToSynsets[base] ?? [] }
    } else {
      result += wordToSynsets[morph(word)] ?? []
    }
    return Array(Set(result)).sorted()
  }

  /// Inflectional suffix rules (WordNet's `morphy`), tried in this order.
  private static let rules: [(suffix: String, ending: String)] = [
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("ies", "y"), ("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
    ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
  ]

  /// `SynonymDictionary.morph`: the first candidate base (suffix replaced) that has synsets,
  /// or `""`. Words ending in `ss` or of at most two letters are their own base. Quirk, kept:
  /// for a word ending in `ful` the base is returned with `ful` appended again.
  func morph(_ word: String) -> String {
    func endsWith(_ suffix: String) -> Bool { word.utf16.reversed().starts(with: suffix.utf16.reversed()) }
    let ending = endsWith("ful") ? "ful" : ""
    if endsWith("ss") || word.utf16.count <= 2 { return word }
    for rule in Self.rules where endsWith(rule.suffix) {
      let candidate = String(word.utf16.dropLast(rule.suffix.utf16.count)).map { $0 + rule.ending } ?? ""
      if wordToSynsets[candidate] != nil { return candidate + ending }
    }
    return ""
  }
}
