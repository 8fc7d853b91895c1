import Foundation
import Models
import Tensor
import TestSupport
import Testing

@Suite struct MiniLMTests {
  /// Cosine ≥ 0.9999 with sentence-transformers on every one of ≥ 500 tweets, book titles,
  /// captions and edge cases (empty text, text truncated at 256 tokens), at its batch size;
  /// the float32 references agree element-wise within 2e-5 (the int16 references carry at
  /// most 1.6e-5 of rounding, so only cosines are checked on those).
  @Test func matchesSentenceTransformersOnRealTexts() throws {
    let manifest = try MiniLMFixture.manifest()
    let model = try MiniLMFixture.model()
    let texts = manifest.cases.map(\.text)
    #expect(manifest.count >= 500 && texts.count == manifest.count)
    #expect(texts.contains("") && manifest.cases.contains { $0.tokens == manifest.max_length })
    #expect(texts.map { model.tokenIDs($0).count } == manifest.cases.map(\.tokens))

    let embeddings = model.encode(texts: texts, batchSize: manifest.batch_size)
    #expect(embeddings.shape == [manifest.count, 384])
    let reference = try MiniLMFixture.quantizedEmbeddings(manifest)
    let cosines = (0..<manifest.count).map { cosine(Array(embeddings[row: $0]), reference[$0]) }
    let worst = cosines.indices.min { cosines[$0] < cosines[$1] } ?? 0
    #expect(cosines[worst] >= 0.9999, "min cosine \(cosines[worst]) for \(manifest.cases[worst].source) \(texts[worst].debugDescription)")

    let full = try MiniLMFixture.fullEmbeddings(manifest)
    let maxDifference = zip(manifest.full_indices, full).map { index, expected in
      zip(embeddings[row: index], expected).map { abs($0 - $1) }.max() ?? 0
    }.max() ?? 0
    #expect(full.count == 40 && maxDifference <= 2e-5, "max |Δ| \(maxDifference) on \(full.count) float32 references")
  }

  /// Each text's embedding is the same whichever batch it is packed into and wherever it
  /// sits: one pass of mixed lengths, batches of 3, and texts one at a time agree row by row
  /// with the input order, and reordering the input reorders the rows.
  @Test func rowsFollowTheInputOrderWhateverTheBatching() throws {
    let model = try MiniLMFixture.model()
    let texts = [
      "A dog runs on the beach .", "", "#sunset over the bay 🌅 http://t.co/x", String(repeating: "long text ", count: 200),
      "Café Société: L'Été", "two people", "A child in a pink dress is climbing up a set of stairs in an entry way .",
    ]
    let together = model.encode(texts: texts, batchSize: 32)
    let byThree = model.encode(texts: texts, batchSize: 3)
    let reversed = model.encode(texts: texts.reversed(), batchSize: 2)
    for (i, text) in texts.enumerated() {
      let alone = Array(model.encode(texts: [text], batchSize: 1)[row: 0])
      #expect(maxDifference(together[row: i], alone) <= 1e-5, "row \(i)")
      #expect(maxDifference(byThree[row: i], alone) <= 1e-5, "row \(i)")
      #expect(maxDifference(reversed[row: texts.count - 1 - i], alone) <= 1e-5, "row \(i)")
    }
    for i in texts.indices {
      for j in texts.indices where j != i {
        #expect(maxDifference(together[row: i], Array(together[row: j])) > 0.05, "rows \(i) and \(j) are alike")
      }
    }
    #expect(model.encode(texts: [], batchSize: 4).shape == [0, 384])
  }

  @Test func describesItselfForCachesAndModelCards() throws {
    let model = try MiniLMFixture.model()
    #expect(model.info.id == "minilm-l6")
    #expect(model.info.dimension == 384)
    #expect(model.info.parameterCount == 22_565_376)  // transformers BertModel without pooler
    #expect(model.info.weightsSHA256 == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
    #expect(model.info.preprocessing == "BERT WordPiece (tokenizer.json), at most 256 tokens; mean pooling; L2 normalisation")
    #expect(model.configuration.layerNormEpsilon == 1e-12 && model.configuration.headCount == 12)
    #expect(model.pipeline == SentenceEmbeddingPipeline(
      maxSequenceLength: 256, lowercasesInput: false, embeddingDimension: 384, normalizes: true, poolingPath: "1_Pooling"))
    let pair = try model.encode(texts: ["a", "b c"])
    let norms = (0..<2).map { pair[row: $0].reduce(0) { $0 + $1 * $1 } }
    #expect(norms.allSatisfy { abs($0 - 1) < 1e-5 })
  }

  private func cosine(_ a: [Float], _ b: [Float]) -> Double {
    let (a, b) = (a.map(Double.init), b.map(Double.init))
    let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    return dot / (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
  }

  private func maxDifference(_ a: ArraySlice<Float>, _ b: [Float]) -> Float {
    zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
  }
}
