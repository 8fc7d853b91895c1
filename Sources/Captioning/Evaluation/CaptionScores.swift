/// The result of a caption evaluation: corpus scores and one score per image, per metric.
public struct CaptionScores: Sendable, Equatable {
  /// The evaluated images, in evaluation order.
  public let imageIDs: [String]
  /// Corpus-level scores as the toolkit reports them (BLEU and METEOR from pooled
  /// statistics, ROUGE-L and CIDEr as means over images).
  public let corpus: [CaptionMetric: Double]
  /// Per-image scores, in `imageIDs` order.
  public let perImage: [CaptionMetric: [Double]]

  public init(imageIDs: [String], corpus: [CaptionMetric: Double], perImage: [CaptionMetric: [Double]]) {
    self.imageIDs = imageIDs
    self.corpus = corpus
    self.perImage = perImage
  }

  /// The metrics present, in the toolkit's order.
  public var metrics: [CaptionMetric] { corpus.keys.sorted() }
}
