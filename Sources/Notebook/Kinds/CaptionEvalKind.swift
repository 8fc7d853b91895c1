import Captioning
import Charts
import Datasets
import Foundation

/// `run: caption-eval`: the COCO caption toolkit's scores (BLEU-1…4, METEOR, ROUGE-L,
/// CIDEr-D; pycocoevalcap 1.2 definitions, computed natively) on a multi-reference caption
/// dataset, for candidate captions made from the dataset itself:
/// - `held-out`: reference #k of each image scored against the image's other references,
///   a human upper bound;
/// - `other-image`: reference #k of the next image scored against the same references, a floor.
enum CaptionEvalKind: Computation {
  static let name = "caption-eval"
  static let summary = "COCO caption metrics (BLEU-1–4, METEOR, ROUGE-L, CIDEr-D) of held-out or mismatched references"
  static let revision = 1
  static let usesBLAS = false
  static let outputs = ["table", "chart"]
  static let sources = ["held-out", "other-image"]
  static let parameters = [
    CommonParameters.dataset("a dataset whose items have several reference captions (flickr8k-captions)"),
    Parameter("split", .string(choices: Split.allCases.map(\.rawValue) + ["all"]), default: .string("test"),
              help: "the images evaluated: those of this split, in the dataset's order"),
    Parameter("images", .int(2...10_000), default: .int(1000), help: "how many images of the split (the first ones)"),
    Parameter("candidates", .stringList(choices: sources, maxCount: 2),
              default: .list(sources.map { .string($0) }), help: "what is scored, one row each"),
    Parameter("held_out", .int(0...9), default: .int(0),
              help: "which reference is the candidate; the others are the references"),
    Parameter("metrics", .stringList(choices: CaptionMetric.allCases.map(\.rawValue), maxCount: 7),
              default: .list(CaptionMetric.allCases.map { .string($0.rawValue) }), help: "the scores computed"),
  ]

  static func defaultShow(labelPrefix: String?) -> [String] {
    switch labelPrefix {
    case "fig-": ["chart"]
    case "val-": []
    default: ["table"]
    }
  }

  /// Enough images in the split, each with more references than `held_out`.
  static func check(_ spec: BlockSpec, in context: RunContext) throws {
    let images = try evaluatedItems(spec, in: context)
    guard images.count >= spec.int("images") else {
      throw ReportError(at: spec.location(of: "images"), "\(spec.string("dataset")) has \(images.count) images in split '\(spec.string("split"))', fewer than \(spec.int("images")): lower 'images'")
    }
    if let short = images.prefix(spec.int("images")).first(where: { $0.references.count <= spec.int("held_out") + 1 }) {
      throw ReportError(at: spec.location(of: "held_out"), "image \(short.id) has \(short.references.count) references; holding out #\(spec.int("held_out")) needs at least \(spec.int("held_out") + 2)")
    }
  }

  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult {
    let items = Array(try evaluatedItems(spec, in: context).prefix(spec.int("images")))
    let heldOut = spec.int("held_out")
    let metrics = CaptionMetric.allCases.filter { spec.strings("metrics").contains($0.rawValue) }
    let meteor = metrics.contains(.meteor) ? try meteorResources(spec, in: context) : nil
    let evaluator = try CaptionEvaluator(.init(metrics: Set(metrics), meteor: meteor))
    let references = items.map { item in item.references.enumerated().filter { $0.offset != heldOut }.map(\.element) }
    let ids = items.map(\.id)
    var rows: [[TableCell]] = []
    var series: [Series] = []
    var values: [PublishedValue] = []
    let charted = metrics.filter { $0 != .cider }
    for source in spec.strings("candidates") {
      let candidates = items.indices.map { i in
        source == "held-out" ? items[i].references[heldOut] : items[(i + 1) % items.count].references[heldOut]
      }
      let scores: CaptionScores
      do {
        scores = try evaluator.evaluate(CaptionSet(imageIDs: ids, references: references, candidates: candidates))
      } catch {
        throw ReportError(.computation, at: spec.location, "\(error)")
      }
      let measures = metrics.map { PublishedValue(key: "\(source).\($0.rawValue.lowercased())", mean: scores.corpus[$0] ?? .nan, digits: 3) }
      values += measures
      rows.append([.text(source)] + measures.map(TableCell.measure))
      series.append(Series(name: source, values: charted.map { scores.corpus[$0] ?? .nan }))
    }
    let table = ResultTable(columns: [.init("candidate")] + metrics.map { .init($0.rawValue, .right) }, rows: rows)
    let chart = BarChart(categories: charted.map(\.rawValue), series: series, xLabel: "metric", yLabel: "score",
                         yDomain: 0...1)
    return BlockResult(
      outputs: [NamedOutput("table", .table(table)), NamedOutput("chart", .bars(chart))],
      values: values,
      notes: [
        "\(items.count) images of \(spec.string("dataset")) (\(spec.string("split"))); candidate: reference #\(heldOut) of the image (held-out) or of the next image (other-image); references: the image's other \(references.first?.count ?? 0).",
        "Scores as pycocoevalcap 1.2 computes them (PTB tokenisation, BLEU with the closest reference length, METEOR 1.5 -l en -norm, ROUGE-L β = 1.2, CIDEr-D σ = 6), natively; corpus BLEU and METEOR pool statistics, ROUGE-L and CIDEr average images. The chart leaves out CIDEr (range 0–10).",
      ])
  }

  /// The dataset's items of the chosen split, in dataset order.
  private static func evaluatedItems(_ spec: BlockSpec, in context: RunContext) throws -> [DataItem] {
    let data = try context.catalog.load(spec.string("dataset"))
    let split = spec.string("split")
    return data.items.filter { split == "all" || $0.split?.rawValue == split }
  }

  /// METEOR 1.5's data from the `meteor-1.5` package dataset (fetched on demand); the
  /// paraphrase index lives in the data store.
  private static func meteorResources(_ spec: BlockSpec, in context: RunContext) throws -> MeteorResources {
    do {
      let files = try context.catalog.files("meteor-1.5")
      guard let jar = files["pycocoevalcap/meteor/meteor-1.5.jar"],
        let paraphrases = files["pycocoevalcap/meteor/data/paraphrase-en.gz"]
      else { throw CaptionMetricsError.meteorDataMissing("the meteor-1.5 dataset lacks its files") }
      return try MeteorResources(
        jar: jar, paraphrases: paraphrases, indexDirectory: context.catalog.store?.root.appendingPathComponent("meteor-index"))
    } catch {
      throw ReportError(at: spec.location(of: "metrics"), "METEOR: \(error); run `reprise fetch meteor-1.5` or leave METEOR out of 'metrics'")
    }
  }
}
