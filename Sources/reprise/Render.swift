import ArgumentParser
import Foundation
import Notebook

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a report's blocks (cached) and write <name>.html, <name>.md and <name>_files/.")

  @Argument(help: "The report, a Markdown file with ```reprise blocks.")
  var report: String

  @Option(name: .long, help: "Output folder.")
  var out = "public"

  @Flag(name: .long, help: "Never execute: every block must come from the cache.")
  var frozen = false

  @Option(name: .long, parsing: .upToNextOption, help: "Re-run these blocks (by label) and the blocks that read them.")
  var refresh: [String] = []

  @Option(name: .long, help: "Run only this block and what it reads; write nothing.")
  var only: String?

  @Flag(name: .long, help: "Treat warnings (unavailable values, missing images) as errors.")
  var strict = false

  @Option(name: .long, help: "Folder for the cache and fingerprints (default: <project>/.reprise, or REPRISE_STATE).")
  var state: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let reportURL = URL(fileURLWithPath: report)
    let project = Project.root(containing: reportURL.deletingLastPathComponent())
    let options = RenderOptions(
      report: reportURL, displayPath: report, outputFolder: URL(fileURLWithPath: out),
      execution: ExecutionOptions(frozen: frozen, refresh: Set(refresh), only: only), strict: strict,
      stateFolder: state.map { URL(fileURLWithPath: $0) } ?? environment["REPRISE_STATE"].map { URL(fileURLWithPath: $0) }
        ?? project.appendingPathComponent(".reprise"),
      mirror: Project.mirror(environment: environment, project: project))
    let reporter = ProgressReporter()
    let start = Date()
    let summary = try Renderer.render(options, reporter: reporter)
    let seconds = Date().timeIntervalSince(start)
    let files = summary.written.map(\.relativePath).joined(separator: ", ")
    reporter.message(
      "\(summary.records.count) blocks: executed \(summary.executed), from cache \(summary.cached), failed \(summary.failed); "
        + (files.isEmpty ? "nothing written" : "wrote \(files)") + " in \(NumberFormat.duration(seconds))")
  }
}
