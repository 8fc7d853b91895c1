import Foundation
import ZIPFoundation

/// The language data METEOR 1.5 reads from its jar for English: function words
/// (`function/english.words`), nonbreaking prefixes (`nonbreaking/english.prefixes`) and the
/// WordNet synonym files (`synonym/english.synsets`, `synonym/english.exceptions`).
struct MeteorLexicon: Sendable {
  let functionWords: Set<String>
  let normalizer: MeteorNormalizer
  let synonyms: SynonymDictionary

  /// Reads the four members of `meteor-1.5.jar` (a zip archive).
  ///
  /// - Throws: `CaptionMetricsError.unreadableResource` naming the jar and the member.
  init(jar: URL) throws(CaptionMetricsError) {
    let archive: Archive
    do {
      archive = try Archive(url: jar, accessMode: .read)
    } catch {
      throw .unreadableResource(jar.path, reason: "not a readable zip archive (\(error))")
    }
    func member(_ path: String) throws(CaptionMetricsError) -> String {
      guard let entry = archive[path] else {
        throw .unreadableResource(jar.path, reason: "no member \(path): is this METEOR 1.5's jar?")
      }
      var data = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
      } catch {
        throw .unreadableResource(jar.path, reason: "member \(path) cannot be extracted (\(error))")
      }
      return String(decoding: data, as: UTF8.self)
    }
    try self.init(
      functionWords: member("function/english.words"), prefixes: member("nonbreaking/english.prefixes"),
      synsets: member("synonym/english.synsets"), exceptions: member("synonym/english.exceptions"))
  }

  /// The lexicon from the files' contents.
  init(functionWords: String, prefixes: String, synsets: String, exceptions: String) {
    // `Aligner.setupModules`: one word per line (`readLine`), kept as is.
    self.functionWords = Set(functionWords.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    normalizer = MeteorNormalizer(prefixFile: prefixes)
    synonyms = SynonymDictionary(synsets: synsets, exceptions: exceptions)
  }
}
