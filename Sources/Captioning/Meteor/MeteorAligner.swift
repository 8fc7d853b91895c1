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
    var testContent = [Int](repeating: 0, count: 4)
    var referenceContent = [Int](repeating: 0, count: 4)
    var testFunction = [Int](repeating: 0, count: 4)
    var referenceFunction = [Int](repeating: 0, count: 4)
    var chunks = 0
  }

  static let beamSize = 40
  static let searchWeights = [1.0, 0.5, 0.5, 0.5]

  let words: [MeteorWordTable.Word]
  let paraphrases: ParaphraseTable

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
    var initial = Path(testCount: test.words.count, referenceCount: reference.words.count)
    for (position, candidates) in stage.byStart.enumerated() where candidates.count == 1 {
      let m = stage.matches[Int(candidates[0])]
      let overlap = (0..<m.length).contains { stage.referenceCoverage[position + $0] != 1 }
        || (0..<m.matchLength).contains { stage.testCoverage[m.matchStart + $0] != 1 }
      if !overlap {
        fixed[position] = candidates[0]
        initial.setUsed(m)
      }
    }
    var search = Search(stage: stage, fixed: fixed)
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
    /// Candidate indices by reference position, in the order the matchers add them.
    var byStart: [[Int32]]
    var testCoverage: [Int]
    var referenceCoverage: [Int]

    init(testCount: Int, referenceCount: Int) {
      byStart = Array(repeating: [], count: referenceCount)
      testCoverage = Array(repeating: 0, count: testCount)
      referenceCoverage = Array(repeating: 0, count: referenceCount)
    }

    mutating func add(_ m: Match) {
      byStart[m.start].append(Int32(matches.count))
      matches.append(m)
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
    for (j, r) in reference.words.enumerated() where !words[r].synsets.isEmpty {
      for (i, t) in test.words.enumerated()
      where test.keys[i] != reference.keys[j] && Self.intersect(words[t].synsets, words[r].synsets) {
        stage.add(Match(start: j, length: 1, matchStart: i, matchLength: 1, module: 2))
      }
    }
  }

  private static func intersect(_ a: [Int32], _ b: [Int32]) -> Bool {
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] { return true }
      if a[i] < b[j] { i += 1 } else { j += 1 }
    }
    return false
  }

  /// `ParaphraseMatcher`: phrase 1 in the reference and phrase 2 in the test, then phrase 1
  /// in the test and phrase 2 in the reference.
  private func addParaphraseMatches(_ test: Sentence, _ reference: Sentence, _ stage: inout Stage) {
    func occurrences(of phrase: [Int32], in sentence: [Int32]) -> [Int] {
      guard phrase.count <= sentence.count else { return [] }
      return (0...(sentence.count - phrase.count)).filter { start in
        phrase.indices.allSatisfy { sentence[start + $0] == phrase[$0] }
      }
    }
    for (j, paths) in reference.paraphrasePaths.enumerated() {
      for (length, index) in paths {
        let phrase = paraphrases.paraphrase(index)
        for i in occurrences(of: phrase, in: test.paraphraseIDs) {
          stage.add(Match(start: j, length: length, matchStart: i, matchLength: phrase.count, module: 3))
        }
      }
    }
    for (i, paths) in test.paraphrasePaths.enumerated() {
      for (length, index) in paths {
        let phrase = paraphrases.paraphrase(index)
        for j in occurrences(of: phrase, in: reference.paraphraseIDs) {
          stage.add(Match(start: j, length: phrase.count, matchStart: i, matchLength: length, module: 3))
        }
      }
    }
  }

  // MARK: - Beam search (`Aligner.resolve`, `PartialAlignment`)

  /// Positions covered so far: two 64-bit words for sentences up to 128 words, flags beyond.
  private struct Coverage {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var rest: [Bool]

    init(count: Int) { rest = count > 128 ? Array(repeating: false, count: count) : [] }

    subscript(i: Int) -> Bool {
      get { rest.isEmpty ? (i < 64 ? low >> i & 1 == 1 : high >> (i - 64) & 1 == 1) : rest[i] }
      set {
        if !rest.isEmpty {
          rest[i] = newValue
        } else if i < 64 {
          low = newValue ? low | 1 << i : low & ~(1 << i)
        } else {
          high = newValue ? high | 1 << (i - 64) : high & ~(1 << (i - 64))
        }
      }
    }
  }

  /// A partial alignment (`PartialAlignment`); its chosen matches are a list in the
  /// search's arena, so copying a path copies a few integers.
  private struct Path {
    var testUsed: Coverage
    var referenceUsed: Coverage
    /// Weighted matched words, truncated to integers as Java's `int += double` does.
    var weighted1 = 0
    var weighted2 = 0
    var chunks = 0
    var index = 0
    var lastMatchEnd = -1
    var distance = 0
    /// Head of the list of matches chosen by the search (not the fixed ones), −1 if none.
    var chosen: Int32 = -1

    init(testCount: Int, referenceCount: Int) {
      testUsed = Coverage(count: testCount)
      referenceUsed = Coverage(count: referenceCount)
    }

    func isUsed(_ m: Match) -> Bool {
      (0..<m.length).contains { referenceUsed[m.start + $0] } || (0..<m.matchLength).contains { testUsed[m.matchStart + $0] }
    }

    mutating func setUsed(_ m: Match) {
      for j in 0..<m.length { referenceUsed[m.start + j] = true }
      for j in 0..<m.matchLength { testUsed[m.matchStart + j] = true }
    }

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
    let fixed: [Int32]
    var arena: [(match: Int32, next: Int32)] = []

    init(stage: Stage, fixed: [Int32]) {
      self.stage = stage
      self.fixed = fixed
    }

    /// `Collections.sort` (stable) with `PARTIAL_COMPARE_TOTAL`.
    static func sorted(_ paths: [Path]) -> [Path] {
      paths.indices.sorted { a, b in
        if paths[a].ranks(before: paths[b]) { return true }
        if paths[b].ranks(before: paths[a]) { return false }
        return a < b
      }.map { paths[$0] }
    }

    mutating func resolve(_ start: Path) -> Path {
      var nextPaths = [start]
      let positions = stage.byStart.count
      for current in 0...positions {
        let paths = Self.sorted(nextPaths)
        nextPaths = []
        for var path in paths.prefix(MeteorAligner.beamSize) {
          if current == positions {
            if path.lastMatchEnd != -1 { path.chunks += 1 }
            nextPaths.append(path)
            continue
          }
          if path.referenceUsed[current] {
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
          for candidate in stage.byStart[current] {
            let m = stage.matches[Int(candidate)]
            guard !path.isUsed(m) else { continue }
            var next = path
            next.setUsed(m)
            arena.append((candidate, path.chosen))
            next.chosen = Int32(arena.count - 1)
            next.take(m)
            path.distance += abs(m.start - m.matchStart)
            nextPaths.append(next)
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
      return Self.sorted(nextPaths)[0]
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
