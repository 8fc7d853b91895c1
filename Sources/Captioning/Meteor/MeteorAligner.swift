/// METEOR 1.5's word alignment of a test sentence against one reference
/// (`edu/cmu/meteor/aligner/Aligner.align`), reproduced step for step.
///
/// 1. Candidate matches from the four modules, in order (L150-176): exact (equal
///    `hashCode`s), stem (equal stem hashes, different words), synonym (shared WordNet
///    synset, different words), paraphrase (phrase table, both directions). Identical
///    sentences use the exact module only (L146-149).
/// 2. Matches that are the only candidate at their position and cover words no other
///    candidate covers are fixed (L189-206).
/// 3. A beam search (width 40) over the reference positions picks the other matches
///    (`resolve`, L270-357), ranking partial alignments by the weighted number of matched
///    words (more is better), then chunks (fewer), then distance (smaller)
///    (`Constants.PARTIAL_COMPARE_TOTAL`), ties kept in order (`Collections.sort` is stable).
///    The weights are 1, 0.5, 0.5, 0.5 per module (`MeteorScorer.loadConfiguration`), added to
///    an `int` with Java's `+=`, which truncates: one-word stem, synonym or paraphrase matches
///    add nothing. Quirk, kept: the distance of a newly chosen match is added to the parent
///    path, not the new one (L336).
struct MeteorAligner {
  struct Match {
    /// Position and length in the reference (`start`, `length`).
    var start: Int
    var length: Int
    /// Position and length in the test sentence (`matchStart`, `matchLength`).
    var matchStart: Int
    var matchLength: Int
    /// 0 exact, 1 stem, 2 synonym, 3 paraphrase.
    var module: Int
  }

  /// A normalised sentence with what the matchers compare, prepared once for all the
  /// alignments it takes part in.
  struct Sentence {
    let words: [Int]
    let keys: [Int32]
    let stemKeys: [Int32]
    let isFunctionWord: [Bool]
    let paraphraseIDs: [Int32]
    /// Per position, the paraphrase-table phrases starting there (`getReferencePaths`).
    let paraphrasePaths: [[(length: Int, paraphrase: Int)]]
  }

  /// The chosen alignment.
  struct Alignment {
    var testLength: Int
    var referenceLength: Int
    var testFunctionWords: Int
    var referenceFunctionWords: Int
    /// Per module: matched words of the test / reference, content and function words apart.
    var testContent = SIMD4<Int>()
    var referenceContent = SIMD4<Int>()
    var testFunction = SIMD4<Int>()
    var referenceFunction = SIMD4<Int>()
    var chunks = 0
  }

  static let beamSize = 40
  static let searchWeights = [1.0, 0.5, 0.5, 0.5]

  let words: [MeteorWordTable.Word]
  let paraphrases: ParaphraseTable
  /// The words that share a synset with word `w`, sorted:
  /// `synonymWords[synonymStarts[w] ..< synonymStarts[w + 1]]`. One word's list stays in
  /// the cache while a reference word is matched against a test sentence.
  private let synonymStarts: [Int]
  private let synonymWords: [Int32]

  init(words: [MeteorWordTable.Word], paraphrases: ParaphraseTable) {
    self.words = words
    self.paraphrases = paraphrases
    var wordsBySynset: [Int32: [Int32]] = [:]
    for (w, word) in words.enumerated() {
      for synset in word.synsets { wordsBySynset[synset, default: []].append(Int32(w)) }
    }
    var synonyms = [[Int32]](repeating: [], count: words.count)
    for group in wordsBySynset.values where group.count > 1 {
      for a in group { synonyms[Int(a)] += group }
    }
    var starts = [0]
    var flat: [Int32] = []
    for list in synonyms {
      flat += Set(list).sorted()
      starts.append(flat.count)
    }
    synonymStarts = starts
    synonymWords = flat
  }

  func sentence(_ indices: [Int]) -> Sentence {
    let ids = indices.map { words[$0].paraphraseID }
    return Sentence(
      words: indices, keys: indices.map { words[$0].key }, stemKeys: indices.map { words[$0].stemKey },
      isFunctionWord: indices.map { words[$0].isFunctionWord }, paraphraseIDs: ids,
      paraphrasePaths: ids.indices.map { paraphrases.paths(ids, from: $0) })
  }

  /// Aligns `test` with `reference`.
  func align(test: Sentence, reference: Sentence) -> Alignment {
    let identical = test.keys == reference.keys
    var stage = Stage(testCount: test.words.count, referenceCount: reference.words.count)
    addExactAndStemMatches(test, reference, &stage, stems: !identical)
    if !identical {
      addSynonymMatches(test, reference, &stage)
      addParaphraseMatches(test, reference, &stage)
    }
    var fixed = [Int32](repeating: -1, count: reference.words.count)
    var search = Search(stage: stage, testCount: test.words.count)
    var initial = search.emptyPath()
    for position in 0..<reference.words.count where stage.counts[position] == 1 {
      let m = stage.matches[Int(stage.first[position])]
      let overlap = (0..<m.length).contains { stage.referenceCoverage[position + $0] != 1 }
        || (0..<m.matchLength).contains { stage.testCoverage[m.matchStart + $0] != 1 }
      if !overlap {
        fixed[position] = stage.first[position]
        search.setUsed(m, in: &initial)
      }
    }
    search.fixed = fixed
    let best = search.resolve(initial)
    var chosen = fixed
    var node = best.chosen
    while node >= 0 {
      let m = search.arena[Int(node)].match
      chosen[stage.matches[Int(m)].start] = m
      node = search.arena[Int(node)].next
    }

    var alignment = Alignment(
      testLength: test.words.count, referenceLength: reference.words.count,
      testFunctionWords: test.isFunctionWord.filter { $0 }.count,
      referenceFunctionWords: reference.isFunctionWord.filter { $0 }.count)
    let matches = chosen.map { $0 >= 0 ? stage.matches[Int($0)] : nil }
    for case let m? in matches {
      for j in 0..<m.matchLength {
        if test.isFunctionWord[m.matchStart + j] { alignment.testFunction[m.module] += 1 } else {
          alignment.testContent[m.module] += 1
        }
      }
      for j in 0..<m.length {
        if reference.isFunctionWord[m.start + j] { alignment.referenceFunction[m.module] += 1 } else {
          alignment.referenceContent[m.module] += 1
        }
      }
    }
    alignment.chunks = Self.chunks(matches)
    return alignment
  }

  // MARK: - Candidate matches (`Stage`, `*Matcher.match`)

  private struct Stage {
    var matches: [Match] = []
    /// Candidates by reference position, in the order the matchers add them: a linked list
    /// per position (`first`, then `next` of each match), which needs no array per position.
    var first: [Int32]
    var last: [Int32]
    var next: [Int32] = []
    var counts: [Int]
    var testCoverage: [Int]
    var referenceCoverage: [Int]

    init(testCount: Int, referenceCount: Int) {
      first = Array(repeating: -1, count: referenceCount)
      last = first
      counts = Array(repeating: 0, count: referenceCount)
      testCoverage = Array(repeating: 0, count: testCount)
      referenceCoverage = Array(repeating: 0, count: referenceCount)
    }

    mutating func add(_ m: Match) {
      let index = Int32(matches.count)
      matches.append(m)
      next.append(-1)
      if last[m.start] >= 0 { next[Int(last[m.start])] = index } else { first[m.start] = index }
      last[m.start] = index
      counts[m.start] += 1
      for j in 0..<m.matchLength { testCoverage[m.matchStart + j] += 1 }
      for j in 0..<m.length { referenceCoverage[m.start + j] += 1 }
    }
  }

  /// `ExactMatcher` then `StemMatcher`: every pair of positions, reference outer, test inner.
  private func addExactAndStemMatches(_ test: Sentence, _ reference: Sentence, _ stage: inout Stage, stems: Bool) {
    for (j, key) in reference.keys.enumerated() {
      for (i, testKey) in test.keys.enumerated() where testKey == key {
        stage.add(Match(start: j, length: 1, matchStart: i, matchLength: 1, module: 0))
      }
    }
    guard stems else { return }
    for (j, stem) in reference.stemKeys.enumerated() {
      for (i, testStem) in test.stemKeys.enumerated() where testStem == stem && test.keys[i] != reference.keys[j] {
        stage.add(Match(start: j, length: 1, matchStart: i, matchLength: 1, module: 1))
      }
    }
  }

  /// `SynonymMatcher`: words sharing a synset (of themselves or their base forms).
  private func addSynonymMatches(_ test: Sentence, _ reference: Sentence, _ stage: inout Stage) {
    synonymWords.withUnsafeBufferPointer { synonyms in
      for (j, r) in reference.words.enumerated() where synonymStarts[r] < synonymStarts[r + 1] {
        let list = UnsafeBufferPointer(rebasing: synonyms[synonymStarts[r]..<synonymStarts[r + 1]])
        for (i, t) in test.words.enumerated() where test.keys[i] != reference.keys[j] && Self.contains(list, Int32(t)) {
          stage.add(Match(start: j, length: 1, matchStart: i, matchLength: 1, module: 2))
        }
      }
    }
  }

  /// Whether the sorted `list` holds `value` (binary search).
  private static func contains(_ list: UnsafeBufferPointer<Int32>, _ value: Int32) -> Bool {
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < list.count && list[low] == value
  }

  /// `ParaphraseMatcher`: phrase 1 in the reference and phrase 2 in the test, then phrase 1
  /// in the test and phrase 2 in the reference.
  private func addParaphraseMatches(_ test: Sentence, _ reference: Sentence, _ stage: inout Stage) {
    for (j, paths) in reference.paraphrasePaths.enumerated() {
      for (length, index) in paths {
        paraphrases.forEachOccurrence(ofParaphrase: index, in: test.paraphraseIDs) { i, matchLength in
          stage.add(Match(start: j, length: length, matchStart: i, matchLength: matchLength, module: 3))
        }
      }
    }
    for (i, paths) in test.paraphrasePaths.enumerated() {
      for (matchLength, index) in paths {
        paraphrases.forEachOccurrence(ofParaphrase: index, in: reference.paraphraseIDs) { j, length in
          stage.add(Match(start: j, length: length, matchStart: i, matchLength: matchLength, module: 3))
        }
      }
    }
  }

  // MARK: - Beam search (`Aligner.resolve`, `PartialAlignment`)

  /// A partial alignment (`PartialAlignment`). Used-word flags are bits: inline for
  /// sentences of up to 128 words, in the search's arena beyond; chosen matches are a list in
  /// the search's arena. Copying a path copies a few integers.
  private struct Path {
    var test = (UInt64(0), UInt64(0))
    var reference = (UInt64(0), UInt64(0))
    /// Start of this path's flags in `Search.flags` when the sentences are long, else −1.
    var flags = -1
    /// Weighted matched words, truncated to integers as Java's `int += double` does.
    var weighted1 = 0
    var weighted2 = 0
    var chunks = 0
    var index = 0
    var lastMatchEnd = -1
    var distance = 0
    /// Head of the list of matches chosen by the search (not the fixed ones), −1 if none.
    var chosen: Int32 = -1

    /// Takes `m` as the next match: counts, chunk break if it does not continue the last
    /// match in the test sentence, and moves past it.
    mutating func take(_ m: Match) {
      let weight = MeteorAligner.searchWeights[m.module]
      weighted1 = Int(Double(weighted1) + Double(m.matchLength) * weight)
      weighted2 = Int(Double(weighted2) + Double(m.length) * weight)
      if lastMatchEnd != -1 && m.matchStart != lastMatchEnd { chunks += 1 }
      index = m.start + m.length
      lastMatchEnd = m.matchStart + m.matchLength
    }

    /// `PARTIAL_COMPARE_TOTAL`: whether `self` ranks strictly before `other`.
    func ranks(before other: Path) -> Bool {
      let total = weighted1 + weighted2
      let otherTotal = other.weighted1 + other.weighted2
      if total != otherTotal { return total > otherTotal }
      if chunks != other.chunks { return chunks < other.chunks }
      return distance < other.distance
    }
  }

  private struct Search {
    let stage: Stage
    let testCount: Int
    var fixed: [Int32] = []
    /// Chosen matches: (match, previous node).
    var arena: [(match: Int32, next: Int32)] = []
    /// Scratch space of `sort`.
    private var order: [Int32] = []
    private var sorted: [Path] = []
    /// Used-word flags of all paths when a sentence exceeds 128 words, `width` per path.
    var flags: [Bool] = []
    let width: Int
    let inline: Bool

    init(stage: Stage, testCount: Int) {
      self.stage = stage
      self.testCount = testCount
      width = testCount + stage.first.count
      inline = testCount <= 128 && stage.first.count <= 128
    }

    mutating func emptyPath() -> Path {
      var path = Path()
      if !inline {
        path.flags = flags.count
        flags += repeatElement(false, count: width)
      }
      return path
    }

    private static func bit(_ word: (UInt64, UInt64), _ i: Int) -> Bool {
      i < 64 ? word.0 >> i & 1 == 1 : word.1 >> (i - 64) & 1 == 1
    }

    private static func set(_ word: inout (UInt64, UInt64), _ i: Int) {
      if i < 64 { word.0 |= 1 << i } else { word.1 |= 1 << (i - 64) }
    }

    func isReferenceUsed(_ i: Int, by path: Path) -> Bool {
      inline ? Self.bit(path.reference, i) : flags[path.flags + testCount + i]
    }

    func isUsed(_ m: Match, by path: Path) -> Bool {
      if inline {
        return (0..<m.length).contains { Self.bit(path.reference, m.start + $0) }
          || (0..<m.matchLength).contains { Self.bit(path.test, m.matchStart + $0) }
      }
      return (0..<m.length).contains { flags[path.flags + testCount + m.start + $0] }
        || (0..<m.matchLength).contains { flags[path.flags + m.matchStart + $0] }
    }

    mutating func setUsed(_ m: Match, in path: inout Path) {
      for j in 0..<m.length {
        if inline { Self.set(&path.reference, m.start + j) } else { flags[path.flags + testCount + m.start + j] = true }
      }
      for j in 0..<m.matchLength {
        if inline { Self.set(&path.test, m.matchStart + j) } else { flags[path.flags + m.matchStart + j] = true }
      }
    }

    /// A copy of `path` with its own flags.
    mutating func copy(_ path: Path) -> Path {
      var copy = path
      if !inline {
        copy.flags = flags.count
        flags.append(contentsOf: flags[path.flags..<path.flags + width])
      }
      return copy
    }

    /// `Collections.sort` (stable) with `PARTIAL_COMPARE_TOTAL`: the paths' indices are
    /// sorted by rank, ties by index, then the paths gathered in that order.
    ///
    /// - Complexity: O(n log n) comparisons and n path copies for n paths.
    mutating func sort(_ paths: inout [Path]) {
      order.removeAll(keepingCapacity: true)
      order.append(contentsOf: 0..<Int32(paths.count))
      order.sort { a, b in
        if paths[Int(a)].ranks(before: paths[Int(b)]) { return true }
        if paths[Int(b)].ranks(before: paths[Int(a)]) { return false }
        return a < b
      }
      sorted.removeAll(keepingCapacity: true)
      for index in order { sorted.append(paths[Int(index)]) }
      swap(&paths, &sorted)
    }

    mutating func resolve(_ start: Path) -> Path {
      var paths: [Path] = []
      var nextPaths = [start]
      let positions = stage.first.count
      for current in 0...positions {
        swap(&paths, &nextPaths)
        sort(&paths)
        nextPaths.removeAll(keepingCapacity: true)
        for var path in paths.prefix(MeteorAligner.beamSize) {
          if current == positions {
            if path.lastMatchEnd != -1 { path.chunks += 1 }
            nextPaths.append(path)
            continue
          }
          if isReferenceUsed(current, by: path) {
            if current < path.index {
              nextPaths.append(path)
            } else if path.index < positions, fixed[path.index] >= 0 {
              // Only fixed matches are found this way: chosen ones are skipped past when taken.
              let m = stage.matches[Int(fixed[path.index])]
              path.take(m)
              path.distance += abs(m.start - m.matchStart)
              nextPaths.append(path)
            }
            continue
          }
          var candidate = stage.first[current]
          while candidate >= 0 {
            let m = stage.matches[Int(candidate)]
            if !isUsed(m, by: path) {
              var next = copy(path)
              setUsed(m, in: &next)
              arena.append((candidate, path.chosen))
              next.chosen = Int32(arena.count - 1)
              next.take(m)
              path.distance += abs(m.start - m.matchStart)
              nextPaths.append(next)
            }
            candidate = stage.next[Int(candidate)]
          }
          if path.lastMatchEnd != -1 {
            path.chunks += 1
            path.lastMatchEnd = -1
          }
          path.index += 1
          nextPaths.append(path)
        }
        if nextPaths.isEmpty, let first = paths.first { nextPaths.append(first) }
      }
      sort(&nextPaths)
      return nextPaths[0]
    }
  }

  /// `getCountAndChunks`: the number of runs of matches contiguous in both sentences.
  private static func chunks(_ matches: [Match?]) -> Int {
    var chunks = 0
    var index = 0
    var lastMatchEnd = -1
    while index < matches.count {
      if let m = matches[index] {
        if lastMatchEnd != -1 && m.matchStart != lastMatchEnd { chunks += 1 }
        index = m.start + m.length
        lastMatchEnd = m.matchStart + m.matchLength
      } else {
        if lastMatchEnd != -1 {
          chunks += 1
          lastMatchEnd = -1
        }
        index += 1
      }
    }
    return lastMatchEnd != -1 ? chunks + 1 : chunks
  }
}
