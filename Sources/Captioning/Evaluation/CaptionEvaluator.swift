/// Scores captions exactly as the COCO caption toolkit's `COCOEvalCap.evaluate` does
/// (`pycocoevalcap/eval.py:18-62`), natively: PTB tokenisation of the references and of the
/// candidates (two separate tokenizer calls), then BLEU-1…4, METEOR, ROUGE-L and CIDEr(-D)
/// on the tokenized text.
public struct CaptionEvaluator: Sendable {
  /// What to compute.
  public struct Configuration: Sendable, Equatable {
    /// The metrics to compute; BLEU-1…4 are computed together.
    public var metrics: Set<CaptionMetric>
    /// METEOR's data; required when `metrics` contains `.meteor`.
    public var meteor: MeteorResources?

    public init(metrics: Set<CaptionMetric> = Set(CaptionMetric.allCases), meteor: MeteorResources? = nil) {
      self.metrics = metrics
      self.meteor = meteor
    }

    /// - Throws: `CaptionMetricsError.meteorDataMissing` if METEOR is asked for without data.
    public func validate() throws(CaptionMetricsError) {
      if metrics.contains(.meteor) && meteor == nil {
        throw .meteorDataMissing("pass --meteor-data DIR or set REPRISE_METEOR_DATA, or leave METEOR out")
      }
    }
  }

  public let configuration: Configuration

  public init(_ configuration: Configuration) throws(CaptionMetricsError) {
    try configuration.validate()
    self.configuration = configuration
  }

  /// Scores `captions`.
  ///
  /// - Throws: `CaptionMetricsError` if METEOR's data cannot be read.
  /// - Complexity: linear in the number of tokens for BLEU and CIDEr, quadratic per caption
  ///   pair for ROUGE-L and METEOR's alignment.
  public func evaluate(_ captions: CaptionSet) throws(CaptionMetricsError) -> CaptionScores {
    let metrics = configuration.metrics
    // METEOR's data load (a few hundred ms when not yet loaded) overlaps tokenization.
    let meteorData = metrics.contains(.meteor) ? configuration.meteor.map { resources in
      BackgroundResult { () throws(CaptionMetricsError) in try MeteorData.load(resources) }
    } : nil
    let references = Self.tokenizedReferences(captions.references)
    let candidates = PTBTokenizer.tokenize(captions.candidates)
    // The n-gram metrics run on one thread beside METEOR, which uses all cores.
    let ngrams = BackgroundResult { Self.ngramScores(metrics, candidates: candidates, references: references) }
    var corpus: [CaptionMetric: Double] = [:]
    var perImage: [CaptionMetric: [Double]] = [:]
    if let meteorData {
      (corpus[.meteor], perImage[.meteor]) = METEOR.score(
        candidates: candidates, references: references, data: try meteorData.value())
    }
    let ngramScores = try ngrams.value()
    corpus.merge(ngramScores.corpus) { $1 }
    perImage.merge(ngramScores.perImage) { $1 }
    return CaptionScores(imageIDs: captions.imageIDs, corpus: corpus, perImage: perImage)
  }

  /// BLEU-1…4, ROUGE-L and CIDEr-D among `metrics`.
  static func ngramScores(
    _ metrics: Set<CaptionMetric>, candidates: [String], references: [[String]]
  ) -> (corpus: [CaptionMetric: Double], perImage: [CaptionMetric: [Double]]) {
    var vocabulary = TokenVocabulary()
    var corpus: [CaptionMetric: Double] = [:]
    var perImage: [CaptionMetric: [Double]] = [:]
    let bleuMetrics: [CaptionMetric] = [.bleu1, .bleu2, .bleu3, .bleu4]
    let ngrams =
      metrics.isDisjoint(with: bleuMetrics + [.cider])
      ? nil : CaptionNGrams(candidates: candidates, references: references, vocabulary: &vocabulary)
    if let ngrams, !metrics.isDisjoint(with: bleuMetrics) {
      let bleu = BLEU.score(ngrams)
      for (k, metric) in bleuMetrics.enumerated() where metrics.contains(metric) {
        corpus[metric] = bleu.corpus[k]
        perImage[metric] = bleu.perImage[k]
      }
    }
    if metrics.contains(.rougeL) {
      (corpus[.rougeL], perImage[.rougeL]) = ROUGEL.score(
        candidates: candidates, references: references, vocabulary: &vocabulary)
    }
    if let ngrams, metrics.contains(.cider) {
      (corpus[.cider], perImage[.cider]) = CIDErD.score(ngrams)
    }
    return (corpus, perImage)
  }

  /// Tokenizes all references in one call, image after image, as the toolkit does, and
  /// regroups them per image.
  static func tokenizedReferences(_ references: [[String]]) -> [[String]] {
    var flat = PTBTokenizer.tokenize(references.flatMap { $0 })[...]
    return references.map { refs in
      defer { flat = flat.dropFirst(refs.count) }
      return Array(flat.prefix(refs.count))
    }
  }
}
