/// The part of METEOR's paraphrase table an evaluation can use, as the trie
/// `edu/cmu/meteor/aligner/ParaphraseTransducer` builds: phrase 1 is a path of words from the
/// root, and the nodes list ("emit") the phrase 2s in file order.
///
/// Only entries whose words all occur in the evaluated sentences are kept: any other entry
/// cannot match, since phrase 1 must be found in one sentence and phrase 2 in the other.
struct ParaphraseTable: Sendable {
  /// Word ids of the kept entries' words, keyed by UTF-8 bytes (Java compares strings by code
  /// units, not by canonical equivalence as Swift's `String ==` does).
  private var vocabulary: [[UInt8]: Int32] = [:]
  private var children = IntegerHashTable()
  private var emits: [[Int32]] = [[]]
  private var paraphrases: [[Int32]] = []

  /// The entries of `index` whose words are all in `words`.
  init(index: ParaphraseIndex, restrictedTo words: Set<[UInt8]>) {
    var local = [Int32](repeating: -1, count: index.words.count)
    for (id, word) in index.words.enumerated() where words.contains(Array(word.utf8)) {
      local[id] = Int32(vocabulary.count)
      vocabulary[Array(word.utf8)] = local[id]
    }
    index.forEachEntry(where: local.map { $0 >= 0 }) { phrase1, phrase2 in
      var node: Int32 = 0
      for word in phrase1 {
        let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: local[Int(word)]))
        node = children.value(for: key) {
          emits.append([])
          return Int32(emits.count - 1)
        }
      }
      emits[Int(node)].append(Int32(paraphrases.count))
      paraphrases.append(phrase2.map { local[Int($0)] })
    }
  }

  /// `ParaphraseTransducer.translate`: the word's id, or −1 when no kept entry uses it.
  func id(of word: String) -> Int32 {
    vocabulary[Array(word.utf8)] ?? -1
  }

  /// `getReferencePaths(words, start)`: for each phrase 1 that starts at `start`, its length
  /// and the index of each of its phrase 2s, by increasing length then file order.
  func paths(_ words: [Int32], from start: Int) -> [(length: Int, paraphrase: Int)] {
    var result: [(length: Int, paraphrase: Int)] = []
    var node: Int32 = 0
    for offset in 0..<(words.count - start) {
      let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: words[start + offset]))
      guard words[start + offset] >= 0, let child = children.value(for: key) else { break }
      node = child
      for paraphrase in emits[Int(node)] { result.append((offset + 1, Int(paraphrase))) }
    }
    return result
  }

  /// The word ids of phrase 2 number `index`.
  func paraphrase(_ index: Int) -> [Int32] { paraphrases[index] }

  /// The number of kept entries.
  var count: Int { paraphrases.count }
}
