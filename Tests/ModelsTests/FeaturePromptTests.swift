@testable import Datasets
import Models
import Tensor
import Testing

/// Zero-shot classifiers from prompts, as CLIP's `zeroshot_classifier` builds them.
@Suite struct FeaturePromptTests {
  static func unit(_ v: [Double]) -> [Double] {
    let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return v.map { $0 / norm }
  }

  @Test func classWeightsAreRenormalisedMeansOfNormalisedPrompts() throws {
    let prompts = PromptSet(name: "toy", classes: [["ab", "alias"], ["b"]], templates: ["{}", "a {}"])
    let weights = try PromptEmbeddings.classifier(prompts, encoder: TestDoubleTextEncoder(), batch: 3)
    #expect(weights.shape == [2, 3])
    // Class 0: "ab" → (1, 1, 2), "a ab" → (2, 1, 4); class 1: "b" → (0, 1, 1), "a b" → (1, 1, 3).
    let expected = [
      [[1.0, 1, 2], [2, 1, 4]], [[0, 1, 1], [1, 1, 3]],
    ].flatMap { rows in
      let units = rows.map(Self.unit)
      return Self.unit((0..<3).map { j in (units[0][j] + units[1][j]) / 2 })
    }
    for (got, want) in zip(weights.storage, expected) { #expect(abs(Double(got) - want) < 1e-6) }
  }

  @Test func predictionsTakeTheMostSimilarClassAndTheFirstOnTies() {
    let classifier = Tensor(shape: [2, 3], storage: [1, 0, 0, 0, 1, 0])
    let features = Tensor(shape: [3, 3], storage: [0.2, 0.9, 0, 3, 1, 0, 1, 1, 0])
    #expect(PromptEmbeddings.predictions(features, classifier: classifier) == [1, 0, 0])
  }

  @Test func emptyPromptSetsAreRefused() {
    #expect(throws: FeatureError.noItems("prompt set none (classes or templates)")) {
      try PromptEmbeddings.classifier(PromptSet(name: "none", classes: [], templates: ["{}"]), encoder: TestDoubleTextEncoder())
    }
  }
}
