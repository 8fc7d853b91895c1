import Charts
import Datasets
import Probes
import Tensor

/// `run: prototype`: few-shot prototype classification on raw pixels (thesis §4, Fig 4.2 on the
/// `pixels` lower-bound model), mean ± std over seeded trials.
enum PrototypeKind: Computation {
  static let name = "prototype"
  static let summary = "Few-shot prototype (class-mean) accuracy on raw pixels, mean ± std over trials"
  static let revision = 1
  static let usesBLAS = true
  static let outputs = ["chart", "table"]
  static let parameters = [
    CommonParameters.dataset(),
    Parameter("shots", .intList(1...1000, maxCount: 20), default: .list([.int(1), .int(5), .int(10)]),
              help: "examples per class in the support set, one evaluation per entry"),
    Parameter("trials", .int(1...1000), default: .int(10), help: "random support sets per shot count"),
    CommonParameters.seed(),
  ]

  static func defaultShow(labelPrefix: String?) -> [String] {
    switch labelPrefix {
    case "tbl-": ["table"]
    case "val-": []
    default: ["chart"]
    }
  }

  /// Every class needs more images than the largest shot count: the support plus a query.
  static func check(_ spec: BlockSpec, in context: RunContext) throws {
    let data = try context.catalog.labeledImages(spec.string("dataset"))
    let needed = (spec.ints("shots").max() ?? 0) + 1
    var counts = [Int](repeating: 0, count: data.classNames.count)
    for label in data.labels { counts[label] += 1 }
    if let smallest = counts.indices.min(by: { counts[$0] < counts[$1] }), counts[smallest] < needed {
      throw ReportError(at: spec.location(of: "shots"), "class '\(data.classNames[smallest])' of \(spec.string("dataset")) has \(counts[smallest]) images; \(needed - 1) shots need at least \(needed) (the support plus one query): lower 'shots'")
    }
  }

  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult {
    let id = spec.string("dataset")
    let data = try context.catalog.labeledImages(id)
    let configuration = PrototypeConfiguration(
      shots: spec.ints("shots"), trials: spec.int("trials"), seed: UInt64(spec.int("seed")))
    let size = data.width * data.height
    let features = Tensor(shape: [data.count, size], storage: data.pixels.map { Float($0) / 255 })
    let result: PrototypeResult
    do {
      result = try PrototypeClassifier.evaluate(
        features: features, labels: data.labels, classCount: data.classNames.count, configuration: configuration,
        progress: { done, total in context.progress.step(done, of: total) })
    } catch {
      throw ReportError(at: spec.location(of: "shots"), "\(error)")
    }
    let chance = 1 / Double(max(data.classNames.count, 1))
    let values = zip(result.shots, zip(result.mean, result.std)).map { shots, stats in
      PublishedValue.percent("acc.\(shots)", stats.0, std: stats.1)
    }
    let chart = LineChart(
      x: result.shots.map(Double.init),
      series: [Series(name: "pixels on \(id)", values: result.mean.map { $0 * 100 }, errors: result.std.map { $0 * 100 })],
      xLabel: "examples per class", yLabel: "accuracy (%)", xTickValues: result.shots.map(Double.init),
      yDomain: 0...100, referenceLine: ReferenceLine(value: chance * 100, label: "chance"))
    let table = ResultTable(
      columns: [.init("examples per class", .right), .init("accuracy (%)", .right), .init("queries per trial", .right)],
      rows: zip(values, zip(result.shots, result.queryCounts)).map { value, row in
        [.integer(row.0), .measure(value), .integer(row.1)]
      })
    return BlockResult(
      outputs: [NamedOutput("chart", .lines(chart)), NamedOutput("table", .table(table))],
      values: values,
      notes: [
        "Model: raw pixels scaled to [0, 1], L2-normalised (the thesis' lower bound). Prototype = mean of the normalised support images, not re-normalised; prediction = largest dot product (thesis code, utils.py:137-189).",
        "Deviation: \(id) is a single split, so each trial draws the support set from it and tests on every other image; the thesis tests on the test split with support drawn from the train split. Mean ± std (ddof 0) over \(configuration.trials) trials, seed \(configuration.seed).",
      ],
      seeds: [configuration.seed])
  }
}
