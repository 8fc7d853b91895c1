import Foundation
import Notebook
import TestSupport

/// A throw-away project folder with a report and a small synthetic IDX dataset.
///
/// The dataset is a test double ("synthetic stripes"): 3 classes × 12 images of 6×6 pixels,
/// class c has a bright horizontal stripe at rows 2c…2c+1 plus seeded noise, so prototypes
/// separate it. Real-data behaviour is tested on the mirror's MNIST elsewhere.
final class TestProject: @unchecked Sendable {
  let root: URL
  private(set) var log: [String] = []
  private let lock = NSLock()

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-nb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
    try writeStripes(noiseSeed: 1)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var report: URL { root.appendingPathComponent("report.md") }
  var out: URL { root.appendingPathComponent("public") }
  var state: URL { root.appendingPathComponent(".reprise") }

  /// Front matter declaring the synthetic dataset as `stripes`, with `classes` as class names.
  static func frontMatter(classes: [String] = ["top", "middle", "bottom"], title: String = "Test report") -> String {
    let names = classes.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ")
    return """
      ---
      title: "\(title)"
      datasets:
        - id: stripes
          format: idx
          images: data/images.idx
          labels: data/labels.idx
          classes: [\(names)]
      ---

      """
  }

  /// The synthetic images; a different `noiseSeed` changes the file's content.
  func writeStripes(noiseSeed: UInt64) throws {
    var state = noiseSeed &* 0x9E37_79B9_7F4A_7C15
    var images: [UInt8] = []
    var labels: [UInt8] = []
    for c in 0..<3 {
      for _ in 0..<12 {
        for row in 0..<6 {
          for _ in 0..<6 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = UInt8(truncatingIfNeeded: state >> 59)
            images.append(row / 2 == c ? 200 + noise : noise)
          }
        }
        labels.append(UInt8(c))
      }
    }
    try IDXWriter.write(images: images, height: 6, width: 6, labels: labels, to: root.appendingPathComponent("data"))
  }

  func write(_ text: String) throws {
    try Data(text.utf8).write(to: report)
  }

  /// Renders the report; `log` collects stderr lines.
  @discardableResult
  func render(_ execution: ExecutionOptions = ExecutionOptions(), strict: Bool = false) throws -> RenderSummary {
    let options = RenderOptions(
      report: report, displayPath: "report.md", outputFolder: out, execution: execution, strict: strict,
      stateFolder: state, mirror: TestPaths.mirror)
    let reporter = ProgressReporter(isTerminal: false) { [weak self] line in self?.append(line) }
    return try Renderer.render(options, reporter: reporter)
  }

  private func append(_ text: String) {
    lock.withLock { log.append(text) }
  }

  /// Ids of the blocks that ran in a render.
  static func executed(_ summary: RenderSummary) -> [String] {
    summary.records.filter(\.outcome.executed).map(\.spec.id)
  }

  func read(_ name: String) throws -> String {
    try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
  }
}

/// The three-block report most cache tests use: a card, a prototype run, a summary of it.
let threeBlockReport = TestProject.frontMatter() + """
  # Stripes

  See @fig-proto and @tbl-sum; one shot gives {{val-proto.acc.1}}.

  ```reprise #tbl-card
  run: dataset-card
  dataset: stripes
  samples: 3
  caption: The stripes.
  ```

  ```reprise #fig-proto
  run: prototype
  dataset: stripes
  shots: [1, 3]
  trials: 4
  seed: 5
  caption: Prototype accuracy.
  ```

  ```reprise #tbl-sum
  run: summary
  from: [fig-proto]
  caption: Summary.
  ```

  """

/// The 1-based line of the first line of `text` containing `needle`.
func line(of needle: String, in text: String) -> Int? {
  text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
}
