/// The part of METEOR's paraphrase table an evaluation can use, as the trie
/// `edu/cmu/meteor/aligner/ParaphraseTransducer` builds: phrase 1 is a path of words from the
/// root, and the nodes list ("emit") the phrase 2s in file order.
///
/// Only entries that can match are kept: phrase 1 must be found in one evaluated sentence and
/// phrase 2 in another, so every word of both must occur in the sentences, and every two
/// adjacent words of a phrase must occur side by side in some sentence.
struct ParaphraseTable: Sendable {
  /// Per evaluation word (by table index), its id here; −1 if the table lacks it.
  private var wordIDs: [Int32]
  private var children = IntegerHashTable()
  /// Per trie node, its first and last phrase 2 (−1 if none); per phrase 2, the next one of
  /// its node: the emit lists, in file order.
  private var firstEmit: [Int32] = [-1]
  private var lastEmit: [Int32] = [-1]
  private var nextEmit: [Int32] = []
  /// The words of phrase 2 number k are `phraseWords[phraseEnds[k] ..< phraseEnds[k + 1]]`.
  private var phraseWords: [Int32] = []
  private var phraseEnds: [Int] = [0]

  /// The entries of `index` that can match in `sentences`.
  ///
  /// - Parameters:
  ///   - words: the UTF-8 bytes of the evaluation's words.
  ///   - sentences: the evaluated sentences, as indices into `words`.
  init(index: ParaphraseIndex, words: [ArraySlice<UInt8>], sentences: [[Int]]) {
    // Ids follow the index's (sorted) order, so the table does not depend on word order.
    let found = words.indices.compactMap { w in index.id(of: Array(words[w])).map { (id: $0, word: w) } }
      .sorted { $0.id < $1.id }
    var local = [Int32](repeating: -1, count: index.wordCount)
    wordIDs = [Int32](repeating: -1, count: words.count)
    for (n, entry) in found.enumerated() {
      local[entry.id] = Int32(n)
      wordIDs[entry.word] = Int32(n)
    }
    var pairs = IntegerHashTable()
    for sentence in sentences {
      for (a, b) in zip(sentence, sentence.dropFirst()) where wordIDs[a] >= 0 && wordIDs[b] >= 0 {
        _ = pairs.value(for: Self.key(wordIDs[a], wordIDs[b])) { 0 }
      }
    }
    index.forEachEntry(where: local.map { $0 >= 0 }, adjacent: { pairs.value(for: Self.key(local[$0], local[$1])) != nil }) {
      phrase1, phrase2 in
      var node: Int32 = 0
      for word in phrase1 {
        node = children.value(for: Self.key(node, local[word])) {
          firstEmit.append(-1)
          lastEmit.append(-1)
          return Int32(firstEmit.count - 1)
        }
      }
      let paraphrase = Int32(phraseEnds.count - 1)
      nextEmit.append(-1)
      if lastEmit[Int(node)] >= 0 { nextEmit[Int(lastEmit[Int(node)])] = paraphrase } else { firstEmit[Int(node)] = paraphrase }
      lastEmit[Int(node)] = paraphrase
      for word in phrase2 { phraseWords.append(local[word]) }
      phraseEnds.append(phraseWords.count)
    }
  }

  private static func key(_ a: Int32, _ b: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
  }

  /// `ParaphraseTransducer.translate` for evaluation word `index`: its id, or −1.
  func id(ofWord index: Int) -> Int32 { wordIDs[index] }

  /// `getReferencePaths(words, start)`: for each phrase 1 that starts at `start`, its length
  /// and the index of each of its phrase 2s, by increasing length then file order.
  func paths(_ words: [Int32], from start: Int) -> [(length: Int, paraphrase: Int)] {
    var result: [(length: Int, paraphrase: Int)] = []
    var node: Int32 = 0
    for offset in 0..<(words.count - start) {
      guard words[start + offset] >= 0, let child = children.value(for: Self.key(node, words[start + offset])) else { break }
      node = child
      var paraphrase = firstEmit[Int(node)]
      while paraphrase >= 0 {
        result.append((offset + 1, Int(paraphrase)))
        paraphrase = nextEmit[Int(paraphrase)]
      }
    }
    return result
  }

  /// The word ids of phrase 2 number `index`.
  func paraphrase(_ index: Int) -> ArraySlice<Int32> { phraseWords[phraseEnds[index]..<phraseEnds[index + 1]] }

  /// Calls `body` with each position of phrase 2 number `index` in `sentence` (word ids),
  /// left to right, and the phrase's length.
  ///
  /// - Complexity: O(|sentence| · |phrase|), without allocation.
  func forEachOccurrence(ofParaphrase index: Int, in sentence: [Int32], _ body: (_ position: Int, _ length: Int) -> Void) {
    let start = phraseEnds[index]
    let length = phraseEnds[index + 1] - start
    guard length <= sentence.count else { return }
    phraseWords.withUnsafeBufferPointer { words in
      sentence.withUnsafeBufferPointer { sentence in
        for position in 0...(sentence.count - length) {
          var k = 0
          while k < length && sentence[position + k] == words[start + k] { k += 1 }
          if k == length { body(position, length) }
        }
      }
    }
  }

  /// The number of kept entries.
  var count: Int { phraseEnds.count - 1 }
}
