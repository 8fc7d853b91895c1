/// Dispatches a built-in dataset to its loader. Each loader documents its source format,
/// the quirks it handles (each counted in a `DatasetNote`) and its split rule.
enum DatasetLoaders {
  /// Loads the verified files of a non-IDX dataset.
  static func load(_ layout: BuiltinDataset.Layout, context: LoaderContext) throws(DatasetError)
    -> Dataset
  {
    switch layout {
    case .mvsa: try MVSALoader.load(context)
    case .book30: try Book30Loader.load(context)
    case .clipart: try ClipartLoader.load(context)
    case .emoji: try EmojiLoader.load(context)
    case .cocoCaptions: try CocoCaptionsLoader.load(context)
    case .flickr8k: try Flickr8kLoader.load(context)
    case .analogies: try AnalogyLoader.load(context)
    case .wordPairs: try WordPairLoader.load(context)
    case .leeCorpus: try LeeCorpusLoader.load(context)
    case .clipPrompts: try ClipPromptsLoader.load(context)
    case .packageFiles:
      context.dataset(
        items: context.info.files.map { DataItem(id: $0.path, text: $0.path) })
    case .idxImages, .idxSplits:
      throw .wrongKind(dataset: context.id, expected: "a dataset with its own loader (not IDX)")
    }
  }
}
