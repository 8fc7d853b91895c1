import Datasets
import Tensor

/// Zero-shot classifiers from class names: a text encoder embeds each class name through
/// every prompt template, and the class's weight is the mean of the L2-normalised prompt
/// embeddings, normalised again.
///
/// Reference: the `zeroshot_classifier` function of CLIP's "Prompt Engineering for
/// ImageNet" notebook (openai/CLIP, `notebooks/Prompt_Engineering_for_ImageNet.ipynb`):
/// `class_embeddings /= class_embeddings.norm(dim=-1, keepdim=True)`,
/// `class_embedding = class_embeddings.mean(dim=0)`, `class_embedding /= class_embedding.norm()`.
/// The notebook stacks classes as columns (`[d, classes]`); here they are rows.
public enum PromptEmbeddings {
  /// One unit-norm row per class of `prompts`.
  ///
  /// - Parameters:
  ///   - prompts: class names (the first name of each class is used) and templates (`{}`
  ///     marks the class name), e.g. one `PromptSet` of the `clip-prompts` dataset.
  ///   - encoder: the text encoder.
  ///   - batch: prompts per encoder call.
  /// - Returns: `[classes, encoder.info.dimension]`.
  /// - Throws: `FeatureError.noItems` without classes or templates, `.encoderFailed` if the
  ///   encoder fails.
  public static func classifier(
    _ prompts: PromptSet, encoder: any TextEncoder, batch: Int = 256
  ) throws(FeatureError) -> Tensor {
    guard !prompts.classes.isEmpty, !prompts.templates.isEmpty else {
      throw .noItems("prompt set \(prompts.name) (classes or templates)")
    }
    let texts = prompts.classes.indices.flatMap { prompts.prompts(for: $0) }
    let items = FeatureItems(
      ids: texts.indices.map(String.init), images: nil, texts: texts,
      labels: [Int?](repeating: nil, count: texts.count), classNames: [],
      data: FeatureData(source: "prompts of \(prompts.name)", fingerprint: ""))
    let embedded = try FeatureExtractor.extract(items, with: .text(encoder), batch: batch).features.values
    let d = encoder.info.dimension
    let perClass = prompts.templates.count
    var weights = [Float](repeating: 0, count: prompts.classes.count * d)
    for c in prompts.classes.indices {
      var mean = [Double](repeating: 0, count: d)
      for t in 0..<perClass {
        let row = embedded[(c * perClass + t) * d..<(c * perClass + t + 1) * d]
        let norm = normOf(row)
        for (j, x) in row.enumerated() { mean[j] += Double(x) / norm / Double(perClass) }
      }
      let norm = normOf(mean)
      for j in 0..<d { weights[c * d + j] = Float(mean[j] / norm) }
    }
    return Tensor(shape: [prompts.classes.count, d], storage: weights)
  }

  /// The class of each feature row: the largest cosine similarity to a classifier row
  /// (`max(by:)` keeps the first maximum: ties go to the lowest class index).
  ///
  /// - Parameters:
  ///   - features: `[n, d]`.
  ///   - classifier: `[classes, d]` unit rows from `classifier(_:encoder:batch:)`.
  public static func predictions(_ features: Tensor, classifier: Tensor) -> [Int] {
    precondition(features.shape.count == 2 && classifier.shape.count == 2 && features.shape[1] == classifier.shape[1],
                 "features \(features.shape) and classifier \(classifier.shape) disagree")
    let scores = matmul(features, classifier, transposeB: true)
    let classes = classifier.shape[0]
    return (0..<features.shape[0]).map { row in
      let slice = scores.storage[row * classes..<(row + 1) * classes]
      return (slice.indices.max { slice[$0] < slice[$1] } ?? row * classes) - row * classes
    }
  }

  /// Euclidean norm in `Double` (1 for a zero vector, so it divides safely).
  private static func normOf<C: Collection>(_ values: C) -> Double where C.Element: BinaryFloatingPoint {
    let norm = values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    return norm > 0 ? norm : 1
  }
}
