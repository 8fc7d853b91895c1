/// Two words with a human similarity judgement.
public struct WordPair: Sendable, Equatable {
  public var first: String
  public var second: String
  /// The mean human score (0–10 in WordSim-353 and SimLex-999).
  public var score: Double
}

/// gensim's word-similarity files (`wordsim353.tsv`, `simlex999.txt`): `#` comment lines,
/// then `word1\tword2\tscore`. Items: one per pair (text = "word1 word2", score).
enum WordPairLoader {
  /// The pairs of a file.
  ///
  /// - Throws: `DatasetError.malformed` naming the bad line.
  static func pairs(_ text: String, dataset: String, path: String) throws(DatasetError) -> [WordPair] {
    var pairs: [WordPair] = []
    for (n, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t")
      guard fields.count == 3, let score = Double(fields[2]) else {
        throw .malformed(dataset: dataset, path: path, reason: "line \(n + 1): expected word\\tword\\tscore")
      }
      pairs.append(WordPair(first: String(fields[0]), second: String(fields[1]), score: score))
    }
    return pairs
  }

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    guard let file = context.info.files.first?.path else {
      throw .malformed(dataset: context.id, path: "", reason: "no file is pinned")
    }
    let (text, path) = try context.text(file)
    let pairs = try pairs(text, dataset: context.id, path: path)
    return context.dataset(
      items: pairs.enumerated().map { i, pair in
        DataItem(
          id: "\(i + 1)", text: "\(pair.first) \(pair.second)", references: [pair.first, pair.second],
          score: pair.score)
      },
      notes: [DatasetNote("word pairs", count: pairs.count, action: "all kept")])
  }
}
