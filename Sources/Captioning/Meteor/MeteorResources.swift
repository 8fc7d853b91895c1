import Foundation

/// Where METEOR 1.5's data are: `meteor-1.5.jar` (a zip holding WordNet synonyms, function
/// words and nonbreaking prefixes) and `paraphrase-en.gz`, both from the PyPI wheel
/// `pycocoevalcap==1.2` (`pycocoevalcap/meteor/`), plus a folder for the paraphrase index
/// Reprise builds from the table on first use.
public struct MeteorResources: Sendable, Equatable {
  public let jar: URL
  public let paraphrases: URL
  /// Where `paraphrase-en.reprise-index` is kept.
  public let indexDirectory: URL

  /// The resources at explicit paths.
  ///
  /// - Parameters:
  ///   - jar: `meteor-1.5.jar`.
  ///   - paraphrases: `paraphrase-en.gz`.
  ///   - indexDirectory: where to keep the paraphrase index; by default the paraphrase
  ///     table's folder when writable, else the temporary folder.
  /// - Throws: `CaptionMetricsError.meteorDataMissing` if a file does not exist.
  public init(jar: URL, paraphrases: URL, indexDirectory: URL? = nil) throws(CaptionMetricsError) {
    for file in [jar, paraphrases] where !FileManager.default.fileExists(atPath: file.path) {
      throw .meteorDataMissing("\(file.path) does not exist")
    }
    self.jar = jar
    self.paraphrases = paraphrases
    let folder = paraphrases.deletingLastPathComponent()
    self.indexDirectory =
      indexDirectory
      ?? (FileManager.default.isWritableFile(atPath: folder.path)
        ? folder : FileManager.default.temporaryDirectory.appendingPathComponent("reprise-meteor"))
  }

  /// The resources in `directory`: an unzipped `pycocoevalcap` 1.2 wheel (or its
  /// `pycocoevalcap/meteor` folder), i.e. `…/meteor-1.5.jar` and `…/data/paraphrase-en.gz`.
  public init(directory: URL, indexDirectory: URL? = nil) throws(CaptionMetricsError) {
    let candidates = ["pycocoevalcap/meteor", "meteor", "."].map { directory.appendingPathComponent($0) }
    guard
      let folder = candidates.first(where: {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent("meteor-1.5.jar").path)
      })
    else {
      throw .meteorDataMissing(
        "no meteor-1.5.jar under \(directory.path) (expected the unzipped wheel: pycocoevalcap/meteor/meteor-1.5.jar)")
    }
    try self.init(
      jar: folder.appendingPathComponent("meteor-1.5.jar"),
      paraphrases: folder.appendingPathComponent("data/paraphrase-en.gz"), indexDirectory: indexDirectory)
  }

  var indexFile: URL { indexDirectory.appendingPathComponent("paraphrase-en.reprise-index") }

  /// Builds and saves the paraphrase index unless it is there and current (else METEOR's
  /// first load builds it, which takes seconds). Nothing stays loaded.
  ///
  /// - Returns: whether the index was built.
  /// - Throws: `CaptionMetricsError.unreadableResource` if the paraphrase table cannot be read.
  public func buildIndexIfNeeded() throws(CaptionMetricsError) -> Bool {
    guard ParaphraseIndex.existing(source: paraphrases, indexURL: indexFile) == nil else { return false }
    _ = try ParaphraseIndex.load(source: paraphrases, indexURL: indexFile)
    return true
  }
}
