/// METEOR 1.5's WordNet synonym lookup (`edu/cmu/meteor/aligner/SynonymDictionary`), from the
/// jar's `synonym/english.synsets` and `synonym/english.exceptions`.
///
/// Two words are synonyms when their synset sets intersect, where a word's set is the
/// synsets of the word itself plus those of its base forms: the irregular forms listed in
/// the exceptions file or, failing that, one form found by `morph`. (The relations file is
/// not read: the loading code is disabled in the jar.)
struct SynonymDictionary: Sendable {
  /// The words of the synsets file; word `id`'s synsets are
  /// `synsetIDs[synsetRanges[id].start ..< synsetRanges[id].end]`.
  private var words = ByteStringIndex()
  private var synsetRanges: [(start: Int, end: Int)] = []
  private var synsetIDs: [Int32] = []
  private var wordToBases: [String: [String]] = [:]

  /// Parses the two files: `synsets` holds line pairs (word, then its synset ids as
  /// `StringTokenizer` fields), `exceptions` line pairs (base form, then its inflected forms).
  /// A word listed twice keeps its last synsets (`Hashtable.put`).
  init(synsets: String, exceptions: String) {
    var synsets = synsets
    synsets.withUTF8 { bytes in
      Self.forEachPair(bytes) { word, ids in
        let (id, inserted) = words.insert(word)
        let start = synsetIDs.count
        for field in ids.split(whereSeparator: JavaString.isTokenDelimiter) {
          if let value = Self.decimal(field) { synsetIDs.append(value) }
        }
        if inserted { synsetRanges.append((start, synsetIDs.count)) } else { synsetRanges[Int(id)] = (start, synsetIDs.count) }
      }
    }
    var exceptions = exceptions
    exceptions.withUTF8 { bytes in
      Self.forEachPair(bytes) { base, forms in
        let baseForm = String(decoding: base, as: UTF8.self)
        for form in forms.split(whereSeparator: JavaString.isTokenDelimiter) {
          wordToBases[String(decoding: form, as: UTF8.self), default: []].append(baseForm)
        }
      }
    }
  }

  /// Calls `body` with each pair of lines (the files hold one word per line, then its data).
  private static func forEachPair(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var previous: UnsafeBufferPointer<UInt8>?
    var start = 0
    for end in text.indices where text[end] == 0x0A {
      let line = UnsafeBufferPointer(rebasing: text[start..<end])
      if let first = previous {
        body(first, line)
        previous = nil
      } else {
        previous = line
      }
      start = end + 1
    }
    if let first = previous { body(first, UnsafeBufferPointer(rebasing: text[start...])) }
  }

  /// A synset id: a field of at most nine decimal digits (the file holds no other kind;
  /// `Integer.parseInt` would stop the jar on one, here it is skipped).
  private static func decimal(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int32? {
    guard (1...9).contains(field.count), field.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    return field.reduce(0) { $0 * 10 + Int32($1 - 0x30) }
  }

  /// The synsets of `word` as listed in the file (`getSynSets`), empty if it is not there.
  private func listedSynsets(_ word: String) -> ArraySlice<Int32> {
    guard let id = words.id(of: word) else { return [] }
    let range = synsetRanges[Int(id)]
    return synsetIDs[range.start..<range.end]
  }

  /// `getSynSets(word) ∪ getStemSynSets(word)`, as `SynonymMatcher.match` builds it,
  /// sorted and without repeats.
  func synsets(of word: String) -> [Int32] {
    var result = Array(listedSynsets(word))
    if let bases = wordToBases[word] {
      for base in bases { result += listedSynsets(base) }
    } else {
      result += listedSynsets(morph(word))
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
      if words.id(of: candidate) != nil { return candidate + ending }
    }
    return ""
  }
}
