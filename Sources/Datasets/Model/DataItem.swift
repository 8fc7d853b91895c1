/// One item of a dataset: a stable id and whatever the dataset has of text, labels, image,
/// score and split.
public struct DataItem: Sendable, Equatable {
  /// Stable across machines and runs (a file name, a tweet id, a line key, …).
  public var id: String
  /// The item's main text (a title, a tweet, a caption, a document, a word pair), or `""`.
  public var text: String
  /// Further texts: the other reference captions of an image, an analogy's answer, a
  /// clipart description.
  public var references: [String]
  /// Class index into `Dataset.classNames`, if the item has one.
  public var label: Int?
  /// Free keywords (multi-label targets), cleaned as the dataset documents.
  public var tags: [String]
  /// A numeric target (a word pair's human similarity), if any.
  public var score: Double?
  /// The image, if any.
  public var image: ImageRef?
  /// Train / validation / test, if the dataset is split.
  public var split: Split?

  /// An item; everything but the id is optional.
  public init(
    id: String, text: String = "", references: [String] = [], label: Int? = nil,
    tags: [String] = [], score: Double? = nil, image: ImageRef? = nil, split: Split? = nil
  ) {
    self.id = id
    self.text = text
    self.references = references
    self.label = label
    self.tags = tags
    self.score = score
    self.image = image
    self.split = split
  }
}
