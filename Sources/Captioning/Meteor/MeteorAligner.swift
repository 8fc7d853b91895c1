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
///    (`Constants.PARTIAL_COMPARE_TOTAL`). The weights are 1, 0.5, 0.5, 0.5 per module
///    (`MeteorScorer.loadConfiguration`), added to an `int` with Java's `+=`, which truncates:
///    one-word stem, synonym or paraphrase matches add nothing. Quirk, kept: the distance of a
///    newly chosen match is added to the parent path, not the new one (L336).
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

  /// Aligns `test` with `reference` (word indices into `words`).
  func align(test: [Int], reference: [Int]) -> Alignment {
    let identical = test.count == reference.count && zip(test, reference).allSatisfy { words[$0].key == words[$1].key }
    var stage = Stage(testCount: test.count, referenceCount: reference.count)
    addExactAndStemMatches(test, reference, &stage, stems: !identical)
    if !identical {
      addSynonymMatches(test, reference, &stage)
      addParaphraseMatches(test, reference, &stage)
    }
    var initial = PartialAlignment(testCount: test.count, referenceCount: reference.count)
    for (position, candidates) in stage.matches.enumerated() where candidates.count == 1 {
      let m = candidates[0]
      let overlap = (0..<m.length).contains { stage.referenceCoverage[position + $0] != 1 }
        || (0..<m.matchLength).contains { stage.testCoverage[m.matchStart + $0] != 1 }
      if !overlap {
        initial.matches[position] = m
        initial.setUsed(m)
      }
    }
    let best = resolve(stage, initial)

    var alignment = Alignment(
      testLength: test.count, referenceLength: reference.count,
      testFunctionWords: test.filter { words[$0].isFunctionWord }.count,
      referenceFunctionWords: reference.filter { words[$0].isFunctionWord }.count)
    for case let m? in best.matches {
      for j in 0..<m.matchLength {
        if words[test[m.matchStart + j]].isFunctionWord { alignment.testFunction[m.module] += 1 } else {
          alignment.testContent[m.module] += 1
        }
      }
      for j in 0..<m.length {
        if words[reference[m.start + j]].isFunctionWord { alignment.referenceFunction[m.module] += 1 } else {
          alignment.referenceContent[m.module] += 1
        }
      }
    }
    alignment.chunks = Self.chunks(best.matches)
    return alignment
  }

  // MARK: - Candidate matches (`Stage`, `*Matcher.match`)

  private struct Stage {
    /// Candidates by reference position, in the order the matchers add them.
    var matches: [[Match]]
    var testCoverage: [Int]
    var referenceCoverage: [Int]

    init(testCount: Int, referenceCount: Int) {
      matches = Array(repeating: [], count: referenceCount)
      testCoverage = Array(repeating: 0, count: testCount)
      referenceCoverage = Array(repeating: 0, count: referenceCount)
    }

    mutating func add(_ m: Match) {
      matches[m.start].append(m)
      for j in 0..<m.matchLength { testCoverage[m.matchStart + j] += 1 }
      for j in 0..<m.length { referenceCoverage[m.start + j] += 1 }
    }
  }

  /// `ExactMatcher` then `StemMatcher`: every pair of positions, reference outer, test inner.
  private func addExactAndStemMatches(_ test: [Int], _ reference: [Int], _ stage: inout Stage, stems: Bool) {
    for (j, r) in reference.enumerated() {
      for (i, t) in test.enumerated() where words[t].key == words[r].key {
        stage.add(Match(start: j, length: 1, matchStart: i, matchLength: 1, module: 0))
      }
    }
    guard stems else { return }
    for (j, r) in reference.enumerated() {
      for (i, t) in test.enumerated() where words[t].stemKey == words[r].stemKey && words[t].key != words[r].key {
        stage.add(Match(start: j, length: 1, matchStart: i, matchLength: 1, module: 1))
      }
    }
  }

  /// `SynonymMatcher`: words sharing a synset (of themselves or their base forms).
  private func addSynonymMatches(_ test: [Int], _ reference: [Int], _ stage: inout Stage) {
    for (j, r) in reference.enumerated() where !words[r].synsets.isEmpty {
      for (i, t) in test.enumerated() where words[t].key != words[r].key && Self.intersect(words[t].synsets, words[r].synsets) {
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
  private func addParaphraseMatches(_ test: [Int], _ reference: [Int], _ stage: inout Stage) {
    guard paraphrases.count > 0 else { return }
    let testIDs = test.map { words[$0].paraphraseID }
    let referenceIDs = reference.map { words[$0].paraphraseID }
    func occurrences(of phrase: [Int32], in sentence: [Int32]) -> [Int] {
      sentence.indices.filter { start in
        start + phrase.count <= sentence.count && phrase.indices.allSatisfy { sentence[start + $0] == phrase[$0] }
      }
    }
    for j in referenceIDs.indices {
      for (length, index) in paraphrases.paths(referenceIDs, from: j) {
        let phrase = paraphrases.paraphrase(index)
        for i in occurrences(of: phrase, in: testIDs) {
          stage.add(Match(start: j, length: length, matchStart: i, matchLength: phrase.count, module: 3))
        }
      }
    }
    for i in testIDs.indices {
      for (length, index) in paraphrases.paths(testIDs, from: i) {
        let phrase = paraphrases.paraphrase(index)
        for j in occurrences(of: phrase, in: referenceIDs) {
          stage.add(Match(start: j, length: phrase.count, matchStart: i, matchLength: length, module: 3))
        }
      }
    }
  }

  // MARK: - Beam search (`Aligner.resolve`, `PartialAlignment`)

  private struct PartialAlignment {
    var matches: [Match?]
    var testUsed: [Bool]
    var referenceUsed: [Bool]
    /// Weighted matched words, truncated to integers as Java's `int += double` does.
    var weighted1 = 0
    var weighted2 = 0
    var chunks = 0
    var index = 0
    var lastMatchEnd = -1
    var distance = 0

    init(testCount: Int, referenceCount: Int) {
      matches = Array(repeating: nil, count: referenceCount)
      testUsed = Array(repeating: false, count: testCount)
      referenceUsed = Array(repeating: false, count: referenceCount)
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
    func ranks(before other: PartialAlignment) -> Bool {
      let total = weighted1 + weighted2
      let otherTotal = other.weighted1 + other.weighted2
      if total != otherTotal { return total > otherTotal }
      if chunks != other.chunks { return chunks < other.chunks }
      return distance < other.distance
    }
  }

  /// `Collections.sort` (stable) with `PARTIAL_COMPARE_TOTAL`.
  private static func sorted(_ paths: [PartialAlignment]) -> [PartialAlignment] {
    paths.indices.sorted { a, b in
      if paths[a].ranks(before: paths[b]) { return true }
      if paths[b].ranks(before: paths[a]) { return false }
      return a < b
    }.map { paths[$0] }
  }

  private func resolve(_ stage: Stage, _ start: PartialAlignment) -> PartialAlignment {
    var nextPaths = [start]
    for current in 0...stage.matches.count {
      let paths = Self.sorted(nextPaths)
      nextPaths = []
      for var path in paths.prefix(Self.beamSize) {
        if current == stage.matches.count {
          if path.lastMatchEnd != -1 { path.chunks += 1 }
          nextPaths.append(path)
          continue
        }
        if path.referenceUsed[current] {
          if current < path.index {
            nextPaths.append(path)
          } else if path.index < path.matches.count, let m = path.matches[path.index] {
            path.take(m)
            path.distance += abs(m.start - m.matchStart)
            nextPaths.append(path)
          }
          continue
        }
        for m in stage.matches[current] where !path.isUsed(m) {
          var next = path
          next.setUsed(m)
          next.matches[current] = m
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
