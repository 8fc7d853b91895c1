/// A dataset Reprise knows by id: its provenance, where its pinned files come from, and
/// which loader reads them.
///
/// Add a dataset by adding one entry to `BuiltinDataset.all` (the entries live in the
/// `BuiltinDataset+*.swift` files, grouped by kind).
struct BuiltinDataset: Sendable {
  /// IDX images `[n, h, w]` and labels `[n]`, paths relative to the source root.
  struct IDXPair: Sendable {
    var images: String
    var labels: String
  }

  /// Which loader reads the files.
  enum Layout: Sendable {
    /// One IDX pair, no published split.
    case idxImages(IDXPair, classNames: [String])
    /// Published train and test IDX pairs.
    case idxSplits(train: IDXPair, test: IDXPair, classNames: [String])
    case mvsa, book30, clipart, emoji, cocoCaptions, flickr8k, analogies, wordPairs, leeCorpus
    case clipPrompts
    /// Files other code reads itself (e.g. METEOR's jar and paraphrase table).
    case packageFiles
  }

  /// Provenance and pinned files.
  var info: DatasetInfo
  /// Where the files come from.
  var source: DataSource
  var layout: Layout

  /// The built-in catalog, in listing order.
  static let all: [BuiltinDataset] = [
    mnistTest, fashionMNIST, mvsaSingle, book30Titles, clipart, emoji, cocoCaptions,
    flickr8kCaptions, analogies, wordsim353, simlex999, leeCorpus, clipPrompts, meteor,
    efficientNetLite0Weights, miniLMWeights,
  ]

  /// A mirror file whose original is `path` in `repository` at `commit` on GitHub.
  static func mirrorFile(
    _ mirrorPath: String, _ sha256: String, _ bytes: Int, repository: String, commit: String,
    path: String
  ) -> DataFile {
    DataFile(
      path: mirrorPath, sha256: sha256, bytes: bytes, origin: github(repository, commit, path))
  }

  /// `https://raw.githubusercontent.com/<repository>/<commit>/<path>`: a file's public
  /// location pinned to a commit.
  static func github(_ repository: String, _ commit: String, _ path: String) -> String {
    "https://raw.githubusercontent.com/\(repository)/\(commit)/\(path)"
  }
}
