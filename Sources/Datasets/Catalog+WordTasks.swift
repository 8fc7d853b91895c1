import Foundation

/// Typed access to the word-task and prompt datasets.
extension Catalog {
  /// Runs `parse` on the text of the pinned file `suffix` of built-in dataset `id`.
  func parseBuiltin<T>(
    _ id: String, file suffix: String,
    _ parse: (String, String, String) throws(DatasetError) -> T
  ) throws(DatasetError) -> T {
    guard case .builtin(let dataset) = try entry(id) else {
      throw .wrongKind(dataset: id, expected: "the built-in dataset \(id)")
    }
    let files = try ensured(dataset)
    let context = LoaderContext(info: dataset.info, fingerprint: DatasetFingerprint.combine(files)) {
      (path: String) throws(DatasetError) -> URL in try self.url(of: self.locate(path, in: dataset))
    }
    let (text, path) = try context.text(suffix)
    return try parse(text, id, path)
  }

  /// The analogy sections (5 semantic, 9 syntactic `gram*`) of `analogies`.
  public func analogySections() throws(DatasetError) -> [AnalogySection] {
    try parseBuiltin("analogies", file: "questions-words.txt", AnalogyLoader.sections)
  }

  /// The word pairs of `wordsim353` or `simlex999`.
  public func wordPairs(_ id: String) throws(DatasetError) -> [WordPair] {
    guard case .builtin(let dataset) = try entry(id), case .wordPairs = dataset.layout,
      let file = dataset.info.files.first?.path
    else { throw .wrongKind(dataset: id, expected: "a word-pair dataset (wordsim353, simlex999)") }
    return try parseBuiltin(id, file: file, WordPairLoader.pairs)
  }

  /// CLIP's prompt sets from `clip-prompts`.
  public func promptSets() throws(DatasetError) -> [PromptSet] {
    try parseBuiltin("clip-prompts", file: "prompts.md", ClipPromptsLoader.promptSets)
  }
}
