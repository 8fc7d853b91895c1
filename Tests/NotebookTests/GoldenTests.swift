import Foundation
import Notebook
import Tensor
import TestSupport
import Testing

/// `reports/example.md` rendered on the mirror's MNIST must give exactly the committed
/// Markdown (timings and the machine's OpenBLAS build masked). Regenerate after an intended
/// change with `REPRISE_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, and review the diff.
@Suite struct GoldenTests {
  static let golden = TestPaths.packageRoot.appendingPathComponent("Tests/NotebookTests/Golden/example.md")

  /// Replaces what legitimately differs between runs and machines.
  static func normalize(_ markdown: String) -> String {
    markdown
      .replacingOccurrences(of: #"\d+(\.\d+)?\x{A0}s|\d+\x{A0}min\x{A0}\d+\x{A0}s"#, with: "<time>", options: .regularExpression)
      .replacingOccurrences(of: #"\*\*OpenBLAS\*\* .*"#, with: "**OpenBLAS** <build>", options: .regularExpression)
  }

  @Test func exampleReportMarkdownMatchesTheGoldenFile() throws {
    BLAS.setThreadCount(1)
    try withTemporaryDirectory { folder in
      let options = RenderOptions(
        report: TestPaths.packageRoot.appendingPathComponent("reports/example.md"), displayPath: "example.md",
        outputFolder: folder.appendingPathComponent("public"), stateFolder: folder.appendingPathComponent("state"),
        mirror: TestPaths.mirror)
      let summary = try Renderer.render(options, reporter: ProgressReporter(isTerminal: false) { _ in })
      #expect(summary.records.count == 7)
      #expect(summary.failed == 1)
      let markdown = Self.normalize(
        try String(contentsOf: folder.appendingPathComponent("public/example.md"), encoding: .utf8))
      if ProcessInfo.processInfo.environment["REPRISE_UPDATE_GOLDEN"] == "1" {
        try Data(markdown.utf8).write(to: Self.golden)
      }
      let expected = try String(contentsOf: Self.golden, encoding: .utf8)
      let got = markdown.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let firstDifference = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
      #expect(markdown == expected, "first difference at line \((firstDifference?.offset ?? min(got.count, want.count)) + 1): got «\(firstDifference?.element.0 ?? "")», want «\(firstDifference?.element.1 ?? "")»")
      let assets = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("public/example_files").path)
      #expect(assets.sorted() == ["fig-digits-2.svg", "fig-proto-1.svg"])
    }
  }
}
