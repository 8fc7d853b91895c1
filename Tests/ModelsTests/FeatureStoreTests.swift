import Datasets
import Foundation
import Models
import TestSupport
import Testing

/// Extraction with test-double encoders, feature files and their sidecars.
@Suite struct FeatureStoreTests {
  static func items(_ folder: URL) throws -> FeatureItems {
    try FeatureInputTests.writePNG(folder.appendingPathComponent("red.png"), rgb: (255, 0, 0))
    try FeatureInputTests.writePNG(folder.appendingPathComponent("grey.png"), rgb: (10, 20, 30))
    try FeatureInputTests.writePNG(folder.appendingPathComponent("blue.png"), rgb: (0, 0, 200))
    return try FeatureItems.images(in: folder, fingerprints: FileFingerprints(store: nil))
  }

  @Test func imageRowsFollowTheIdsInBatches() throws {
    try withTemporaryDirectory { folder in
      var steps: [[Int]] = []
      let store = try FeatureExtractor.extract(try Self.items(folder), with: .image(TestDoubleImageEncoder()), batch: 2) {
        steps.append([$0, $1])
      }
      #expect(store.sidecar.ids == ["blue", "grey", "red"])
      #expect(store.features.shape == [3, 3])
      #expect(store.features.values == [0, 0, 200, 10, 20, 30, 255, 0, 0])
      #expect(steps == [[2, 3], [3, 3]])
      #expect(store.sidecar.model.id == "test-double-image")
      #expect(store.sidecar.labels == nil && store.sidecar.classNames == nil)
      let statistics = FeatureStatistics(store)
      #expect(statistics.maxNorm == 255 && abs(statistics.minNorm - (100.0 + 400 + 900).squareRoot()) < 1e-9)
      #expect(abs(statistics.meanNorm - (200 + (100.0 + 400 + 900).squareRoot() + 255) / 3) < 1e-9)
    }
  }

  @Test func anUndecodableImageIsNamed() throws {
    try withTemporaryDirectory { folder in
      let items = try Self.items(folder)
      let broken = folder.appendingPathComponent("grey.png")
      try Data("not a png".utf8).write(to: broken)
      do throws(FeatureError) {
        _ = try FeatureExtractor.extract(items, with: .image(TestDoubleImageEncoder()), batch: 8)
        Issue.record("expected an error")
      } catch {
        guard case .unreadableImage(let path, _) = error else {
          Issue.record("wrong error \(error)")
          return
        }
        #expect(path == broken.path)
        #expect(error.isInputError)
      }
    }
  }

  @Test func encoderFailuresAndModalityMismatchesAreReported() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("t.txt")
      try Data("ab\nfail\n".utf8).write(to: file)
      let texts = try FeatureItems.textLines(of: file)
      do throws(FeatureError) {
        _ = try FeatureExtractor.extract(texts, with: .text(TestDoubleTextEncoder()), batch: 1)
        Issue.record("expected an error")
      } catch {
        guard case .encoderFailed("test-double-text", 1, _) = error else {
          Issue.record("wrong error \(error)")
          return
        }
        #expect(!error.isInputError)
      }
      #expect(throws: FeatureError.self) { try FeatureExtractor.extract(texts, with: .image(TestDoubleImageEncoder()), batch: 4) }
    }
  }

  @Test func storesRoundTripWithTheirSidecar() throws {
    try withTemporaryDirectory { folder in
      let file = folder.appendingPathComponent("t.txt")
      try Data("aab\n\nb\n".utf8).write(to: file)
      let store = try FeatureExtractor.extract(try FeatureItems.textLines(of: file), with: .text(TestDoubleTextEncoder()), batch: 2)
      #expect(store.features.values == [2, 1, 3, 0, 0, 0, 0, 1, 1])
      let out = folder.appendingPathComponent("out/x.npy")
      try store.write(to: out)
      #expect(try FeatureStore.read(contentsOf: out) == store)
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/x.json"))) as? [String: Any]
      #expect(json?["ids"] as? [String] == ["0", "1", "2"])
      #expect((json?["model"] as? [String: Any])?["id"] as? String == "test-double-text")
      #expect((json?["data"] as? [String: Any])?["fingerprint"] as? String == store.sidecar.data.fingerprint)
      #expect(json?["labels"] == nil)
    }
  }

  @Test func labelsAndClassNamesAreWrittenWhenKnown() throws {
    let info = EncoderInfo(id: "m", weightsSHA256: "0", dimension: 1, preprocessing: "", parameterCount: 0)
    let sidecar = FeatureSidecar(
      ids: ["a", "b"], labels: [1, nil], classNames: ["x", "y"], model: info, data: FeatureData(source: "s", fingerprint: "f"))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let text = String(decoding: try encoder.encode(sidecar), as: UTF8.self)
    #expect(text.contains("\"class_names\":[\"x\",\"y\"]") && text.contains("\"labels\":[1,null]"))
  }

  @Test func aFileWithoutSidecarIsNumberedByRow() throws {
    try withTemporaryDirectory { folder in
      let url = folder.appendingPathComponent("user.npy")
      try NPYArray.write(shape: [2, 2], values: [1, 2, 3, 4], to: url)
      let store = try FeatureStore.read(contentsOf: url)
      #expect(store.sidecar.ids == ["0", "1"])
      #expect(store.sidecar.model.id == "user" && store.sidecar.model.dimension == 2)
      #expect(store.sidecar.model.weightsSHA256 == (try FileFingerprints(store: nil).sha256(of: url)))
      try NPYArray.write(shape: [4], values: [1, 2, 3, 4], to: url)
      #expect(throws: FeatureError.self) { try FeatureStore.read(contentsOf: url) }
    }
  }

  @Test func featureFilesAreAlignedToTheItemsById() throws {
    try withTemporaryDirectory { folder in
      let info = EncoderInfo(id: "user", weightsSHA256: "0", dimension: 2, preprocessing: "", parameterCount: 0)
      let store = try FeatureStore(
        features: try NPYArray(shape: [3, 2], values: [1, 1, 2, 2, 3, 3]),
        sidecar: FeatureSidecar(ids: ["c", "a", "b"], labels: [], classNames: [], model: info, data: FeatureData(source: "", fingerprint: "")))
      let url = folder.appendingPathComponent("user.npy")
      try store.write(to: url)
      let catalog = EncoderCatalog(
        catalog: Catalog(mirror: nil, userBase: folder, fingerprints: FileFingerprints(store: nil)), encoders: [])
      let model = try catalog.load("user.npy")
      let items = FeatureItems(
        ids: ["a", "b"], images: nil, texts: nil, labels: [nil, nil], classNames: [], data: FeatureData(source: "two", fingerprint: "f"))
      let aligned = try FeatureExtractor.extract(items, with: model, batch: 1)
      #expect(aligned.features.values == [2, 2, 3, 3])
      var unknown = items
      unknown.ids = ["a", "q"]
      #expect(throws: FeatureError.self) { try FeatureExtractor.extract(unknown, with: model, batch: 1) }
      #expect(try catalog.fingerprint("user.npy").contains("+"))
    }
  }

  @Test func unknownModelsListTheKnownOnes() throws {
    try withTemporaryDirectory { folder in
      let catalog = Catalog(mirror: nil, userBase: folder, fingerprints: FileFingerprints(store: nil))
      let double = BuiltinEncoder(id: "double", modality: "text", architecture: "counts", trainingData: "none") { _ in .text(TestDoubleTextEncoder()) }
      let encoders = EncoderCatalog(catalog: catalog, encoders: [double])
      #expect(throws: FeatureError.unknownModel("nope", known: ["double"])) { try encoders.load("nope") }
      #expect(throws: FeatureError.missingInput(path: folder.appendingPathComponent("gone.npy").path, reason: "no such feature file")) {
        try encoders.load("gone.npy")
      }
    }
  }
}
