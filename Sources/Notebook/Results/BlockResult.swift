import Charts

/// What a computation produces; cached as JSON and rendered by both writers.
///
/// Results hold data (table cells, chart series, images), not markup: captions, `show` and
/// the page template can change without re-running anything.
public struct BlockResult: Sendable, Codable {
  /// Named outputs in display order; `show:` picks among them by name.
  public var outputs: [NamedOutput]
  /// Values the block publishes for prose, keyed by path (`acc.5` is quoted as
  /// `{{val-<stem>.acc.5}}`).
  public var values: [PublishedValue]
  /// Short lines shown under the output: what produced the numbers, deviations from the thesis.
  public var notes: [String]
  /// Every seed the computation used.
  public var seeds: [UInt64]
  /// Large binary outputs for downstream blocks (e.g. `features`), by name; the bytes live in
  /// the ``ArtifactStore``. `nil` (omitted from `result.json`) for kinds that make none.
  public var artifacts: [String: Artifact]?

  public init(outputs: [NamedOutput] = [], values: [PublishedValue] = [], notes: [String] = [], seeds: [UInt64] = [],
              artifacts: [String: Artifact]? = nil) {
    self.outputs = outputs
    self.values = values
    self.notes = notes
    self.seeds = seeds
    self.artifacts = artifacts
  }

  public func value(_ key: String) -> PublishedValue? { values.first { $0.key == key } }
}

/// One output of a block with the name `show:` selects it by.
public struct NamedOutput: Sendable, Codable {
  public var name: String
  public var content: OutputContent

  public init(_ name: String, _ content: OutputContent) {
    self.name = name
    self.content = content
  }
}

/// The typed results a block can show.
public enum OutputContent: Sendable, Codable {
  case table(ResultTable)
  case bars(BarChart)
  case lines(LineChart)
  case heatmap(Heatmap)
  case gallery(Gallery)
  /// A short list of facts ("items: 10,000").
  case facts([Fact])

  /// Whether this output is a figure (drawn) rather than a table or text.
  public var isGraphic: Bool {
    switch self {
    case .bars, .lines, .heatmap, .gallery: true
    case .table, .facts: false
    }
  }
}

/// A name and a value, shown as a definition list.
public struct Fact: Sendable, Codable, Equatable {
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
