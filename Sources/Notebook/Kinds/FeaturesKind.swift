import Datasets
import Foundation
import Models

/// `run: features`: one feature row per item of a dataset (or split) from a built-in
/// encoder or a user's feature file, for downstream blocks; shows the model's card and a
/// summary (items, dimension, seconds, row norms).
///
/// The cache key holds the model's fingerprint (its weights' catalog fingerprint, or the
/// feature file's SHA-256; parameter role `.model`), the dataset's fingerprint, and the
/// parameters that decide the rows (split, text field, limit, batch — the batch changes
/// summation order in the encoders' matrix products). The preprocessing is part of the
/// encoder and so of its revision. The features (`.npy`, float32, C order) and their
/// sidecar (`.json`) are stored as artifacts, `features` and `sidecar`; downstream kinds
/// read them with ``upstreamFeatures(_:in:)``.
enum FeaturesKind: Computation {
  static let name = "features"
  static let summary = "Features of a dataset's items from an encoder (or a feature file), with the model's card"
  static let revision = 1
  static let usesBLAS = true
  static let outputs = ["table", "card"]
  static let parameters = [
    Parameter(
      "model", .string(choices: nil), role: .model,
      help: "encoder id (\(BuiltinEncoder.standard.map(\.id).joined(separator: ", "))) or a feature file X.npy (sidecar X.json optional)"),
    CommonParameters.dataset(),
    Parameter("split", .string(choices: Split.allCases.map(\.rawValue) + ["all"]), default: .string("all"),
              help: "the items encoded: those of this split, in the dataset's order"),
    Parameter("text", .string(choices: TextField.allCases.map(\.rawValue)), default: .string(TextField.text.rawValue),
              help: "which text of an item a text encoder reads"),
    Parameter("limit", .int(0...10_000_000), default: .int(0), help: "only the first N items (0: all)"),
    Parameter("batch", .int(FeatureExtractor.batchRange), default: .int(32), help: "items per encoder call"),
  ]

  static func defaultShow(labelPrefix: String?) -> [String] {
    labelPrefix == "val-" ? [] : ["table"]
  }

  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult {
    guard let artifacts = context.artifacts else {
      throw ReportError(.computation, at: spec.location, "features need a cache folder for their .npy artifact")
    }
    let reference = spec.string("model")
    let items = try selectedItems(spec, in: context)
    let encoders = EncoderCatalog(catalog: context.catalog)
    let model: FeatureModel
    do {
      model = try encoders.load(reference)
    } catch {
      throw ReportError(at: spec.location(of: "model"), error.description)
    }
    let start = Date()
    let store: FeatureStore
    do {
      store = try FeatureExtractor.extract(items, with: model, batch: spec.int("batch")) { done, total in
        context.progress.step(done, of: total)
      }
    } catch {
      throw ReportError(error.isInputError ? .input : .computation, at: spec.location(of: "model"), error.description)
    }
    let seconds = Date().timeIntervalSince(start)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let stored = [
      "features": try artifacts.store(store.features.fileData, fileExtension: "npy"),
      "sidecar": try artifacts.store(try encoder.encode(store.sidecar), fileExtension: "json"),
    ]
    let statistics = FeatureStatistics(store)
    let rate = seconds > 0 ? Double(store.count) / seconds : 0
    let info = model.info
    let table = ResultTable(
      columns: [
        .init("model"), .init("items", .right), .init("dimension", .right), .init("seconds", .right),
        .init("items/s", .right), .init("mean norm", .right), .init("min norm", .right), .init("max norm", .right),
      ],
      rows: [[
        .text(info.id), .integer(store.count), .integer(store.dimension), .number(seconds, digits: 2),
        .number(rate, digits: 1), .number(statistics.meanNorm, digits: 3), .number(statistics.minNorm, digits: 3),
        .number(statistics.maxNorm, digits: 3),
      ]])
    return BlockResult(
      outputs: [
        NamedOutput("table", .table(table)),
        NamedOutput("card", .facts(card(reference, model: model, encoders: encoders, rate: rate, items: items))),
      ],
      values: [
        PublishedValue(key: "items", mean: Double(store.count), digits: 0),
        PublishedValue(key: "dimension", mean: Double(store.dimension), digits: 0),
        PublishedValue(key: "parameters", mean: Double(info.parameterCount), digits: 0),
        PublishedValue(key: "seconds", mean: seconds, digits: 2),
        PublishedValue(key: "rate", mean: rate, digits: 1),
        PublishedValue(key: "norm.mean", mean: statistics.meanNorm, digits: 3),
      ],
      notes: [
        "\(store.count) items of \(items.data.source); model \(info.id) (\(model.modality)), batch \(spec.int("batch")); "
          + "preprocessing: \(info.preprocessing). Seconds and items/s are those of the run that computed the cached features."
      ],
      artifacts: stored)
  }

  /// The items of the chosen split (the first `limit` when it is positive).
  private static func selectedItems(_ spec: BlockSpec, in context: RunContext) throws -> FeatureItems {
    let data = try context.catalog.load(spec.string("dataset"))
    let split = Split(rawValue: spec.string("split"))
    var items: FeatureItems
    do {
      items = try FeatureItems.dataset(data, split: split, field: TextField(rawValue: spec.string("text")) ?? .text)
    } catch {
      throw ReportError(at: spec.location(of: "split"), error.description)
    }
    let limit = spec.int("limit")
    if limit > 0, limit < items.ids.count { items = items.prefix(limit) }
    return items
  }

  /// The model card: what the model is, where its weights come from, and its measured speed.
  static func card(
    _ reference: String, model: FeatureModel, encoders: EncoderCatalog, rate: Double, items: FeatureItems
  ) -> [Fact] {
    let info = model.info
    var facts = [Fact("model", info.id)]
    if let builtin = encoders.encoder(reference), let weights = try? encoders.catalog.info(reference) {
      facts += [
        Fact("architecture", builtin.architecture),
        Fact("parameters", NumberFormat.grouped(info.parameterCount)),
        Fact("output", "\(info.dimension)-d \(builtin.modality) features"),
        Fact("training data", builtin.trainingData),
        Fact("source", weights.source),
        Fact("license", weights.license),
        Fact("citation", weights.citation),
      ]
    } else {
      facts += [Fact("output", "\(info.dimension)-d precomputed features"), Fact("source", reference)]
    }
    return facts + [
      Fact("preprocessing", info.preprocessing),
      Fact("weights", "sha256 " + String(info.weightsSHA256.prefix(16))),
      Fact("measured speed", "\(NumberFormat.fixed(rate, digits: 1)) items/s on \(items.ids.count) items of \(items.data.source)"),
    ]
  }

  /// The features an upstream `features` block made, read back from the artifact store.
  ///
  /// - Throws: ``ReportError`` if `label` is not an upstream block's label, its result has
  ///   no features, or the artifacts are missing or altered.
  static func upstreamFeatures(_ label: String, in context: RunContext) throws -> FeatureStore {
    guard let result = context.upstream[label], let features = result.artifacts?["features"],
      let sidecar = result.artifacts?["sidecar"], let artifacts = context.artifacts
    else {
      throw ReportError(.computation, at: nil, "block '\(label)' has no features (is it a `run: features` block?)")
    }
    let array = try NPYArray.decode(try artifacts.read(features), path: artifacts.url(of: features).path)
    let decoded = try JSONDecoder().decode(FeatureSidecar.self, from: try artifacts.read(sidecar))
    return try FeatureStore(features: array, sidecar: decoded, path: artifacts.url(of: features).path)
  }
}
