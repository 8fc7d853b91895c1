import Charts
import Foundation

/// `run: summary`: collects values published by other blocks into one table (rows = blocks,
/// columns = value keys) and grouped bars, optionally with a row of means ± standard error of
/// the mean across blocks (the thesis' Fig 4.5 aggregation).
enum SummaryKind: Computation {
  static let name = "summary"
  static let summary = "A table and bar chart of values published by other blocks, with optional means ± SEM"
  static let revision = 1
  static let usesBLAS = false
  static let outputs = ["table", "chart"]
  static let parameters = [
    Parameter("from", .stringList(choices: nil, maxCount: 50), role: .blocks, help: "labels of the blocks to collect"),
    Parameter("values", .stringList(choices: nil, maxCount: 50), default: .list([]),
              help: "value keys to collect (default: every key the blocks publish)"),
    Parameter("average", .bool, default: .bool(false), help: "add a row of means ± SEM across the blocks"),
  ]

  static func defaultShow(labelPrefix: String?) -> [String] {
    switch labelPrefix {
    case "fig-": ["chart"]
    case "val-": []
    default: ["table"]
    }
  }

  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult {
    let sources = spec.strings("from")
    var keys = spec.strings("values").filter { $0 != "" }
    if keys.isEmpty {
      for label in sources {
        for value in context.upstream[label]?.values ?? [] where !keys.contains(value.key) { keys.append(value.key) }
      }
    }
    for key in keys where !sources.contains(where: { context.upstream[$0]?.value(key) != nil }) {
      throw ReportError(at: spec.location(of: "values"), "no block in 'from' publishes a value '\(key)'")
    }
    var rows: [[TableCell]] = []
    var published: [PublishedValue] = []
    var series: [Series] = []
    for label in sources {
      let result = context.upstream[label]
      let cells = keys.map { key in result?.value(key).map(TableCell.measure) ?? .empty }
      rows.append([.text(Label.stem(of: label))] + cells)
      for key in keys { if let v = result?.value(key) { published.append(renamed(v, "\(Label.stem(of: label)).\(key)")) } }
      series.append(Series(
        name: Label.stem(of: label),
        values: keys.map { key in result?.value(key).map { $0.mean * $0.scale } ?? .nan },
        errors: keys.map { key in result?.value(key).map { ($0.std ?? 0) * $0.scale } ?? 0 }))
    }
    if spec.bool("average") {
      let means = keys.map { key in mean(of: sources.compactMap { context.upstream[$0]?.value(key) }, key: key) }
      rows.append([.text("mean ± SEM")] + means.map { $0.map(TableCell.measure) ?? .empty })
      published += means.compactMap { $0 }
    }
    let table = ResultTable(columns: [.init("block")] + keys.map { .init($0, .right) }, rows: rows)
    let chart = BarChart(categories: keys, series: series, xLabel: "value", yLabel: nil)
    return BlockResult(outputs: [NamedOutput("table", .table(table)), NamedOutput("chart", .bars(chart))],
                       values: published)
  }

  private static func renamed(_ value: PublishedValue, _ key: String) -> PublishedValue {
    var copy = value
    copy.key = key
    return copy
  }

  /// Mean of the blocks' means, with the standard error of the mean (std ddof 0 / √n, as the
  /// thesis' summary plots compute it) as spread.
  private static func mean(of values: [PublishedValue], key: String) -> PublishedValue? {
    guard let first = values.first else { return nil }
    let n = Double(values.count)
    let m = values.map(\.mean).reduce(0, +) / n
    let variance = values.map { ($0.mean - m) * ($0.mean - m) }.reduce(0, +) / n
    var result = first
    result.key = "mean.\(key)"
    result.mean = m
    result.std = variance.squareRoot() / n.squareRoot()
    return result
  }
}
