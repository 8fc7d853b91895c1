import Foundation

/// METEOR's loaded data: the lexicon read from the jar and the paraphrase index. The first
/// load builds and saves the index (seconds); later loads parse the lexicon and map the
/// index after checking it against the table's `SourceStamp` (a fraction of a second).
/// `load` keeps what it loaded for the rest of the process.
public final class MeteorData: Sendable {
  let lexicon: MeteorLexicon
  let paraphrases: ParaphraseIndex

  private init(lexicon: MeteorLexicon, paraphrases: ParaphraseIndex) {
    self.lexicon = lexicon
    self.paraphrases = paraphrases
  }

  /// The data at `resources`, loaded once per process.
  ///
  /// - Throws: `CaptionMetricsError.unreadableResource` if a file cannot be read.
  public static func load(_ resources: MeteorResources) throws(CaptionMetricsError) -> MeteorData {
    try cache.value(for: resources) { () throws(CaptionMetricsError) in
      // The two files load side by side.
      let paraphrases = BackgroundResult { () throws(CaptionMetricsError) in
        try ParaphraseIndex.load(source: resources.paraphrases, indexURL: resources.indexFile)
      }
      let lexicon = try MeteorLexicon(jar: resources.jar)
      return MeteorData(lexicon: lexicon, paraphrases: try paraphrases.value())
    }
  }

  private static let cache = Cache()

  /// Loaded data by resources; one load at a time, so concurrent callers wait for the first.
  private final class Cache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(MeteorResources, MeteorData)] = []

    func value(
      for resources: MeteorResources, orLoad load: () throws(CaptionMetricsError) -> MeteorData
    ) throws(CaptionMetricsError) -> MeteorData {
      lock.lock()
      defer { lock.unlock() }
      if let known = entries.first(where: { $0.0 == resources })?.1 { return known }
      let data = try load()
      entries.append((resources, data))
      return data
    }
  }
}
