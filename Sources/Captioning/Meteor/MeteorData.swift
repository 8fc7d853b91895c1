import Foundation

/// METEOR's loaded data: the lexicon read from the jar and the paraphrase index. Loading
/// takes about a second the first time (the index is built and saved), milliseconds after;
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
    if let cached = cache.value(for: resources) { return cached }
    let data = MeteorData(
      lexicon: try MeteorLexicon(jar: resources.jar),
      paraphrases: try ParaphraseIndex.load(source: resources.paraphrases, indexURL: resources.indexFile))
    cache.store(data, for: resources)
    return data
  }

  private static let cache = Cache()

  private final class Cache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(MeteorResources, MeteorData)] = []

    func value(for resources: MeteorResources) -> MeteorData? {
      lock.withLock { entries.first { $0.0 == resources }?.1 }
    }

    func store(_ data: MeteorData, for resources: MeteorResources) {
      lock.withLock { entries.append((resources, data)) }
    }
  }
}
