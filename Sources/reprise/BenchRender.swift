import ArgumentParser
import Foundation
import Notebook

/// Warm-cache render time of a report (the cache is filled first).
struct BenchRender: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Warm-cache render time of a report (target < 1 s, no block executed).")

  @Option(name: .long, help: "The report to render.")
  var report = "reports/example.md"

  @Option(name: .long, help: "Timed repetitions.")
  var runs = 10

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  func validate() throws {
    guard (1...1000).contains(runs) else { throw ValidationError("--runs must be in [1, 1000]") }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let reportURL = URL(fileURLWithPath: report)
    let project = Project.root(containing: reportURL.deletingLastPathComponent())
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let options = RenderOptions(
      report: reportURL, displayPath: report, outputFolder: out, stateFolder: project.appendingPathComponent(".reprise"),
      mirror: Project.mirror(environment: environment, project: project))
    let quiet = ProgressReporter(isTerminal: false) { _ in }
    let warm = try Renderer.render(options, reporter: quiet)
    var times: [Double] = []
    var executed = 0
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      executed += try Renderer.render(options, reporter: quiet).executed
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let median = times[times.count / 2]
    let name = "render-warm \(reportURL.lastPathComponent) (\(warm.records.count) blocks)"
    if json {
      struct Case: Encodable {
        var name: String
        var reprise_ms: Double
        var min_ms: Double
        var runs: Int
        var blocks_executed_in_timed_runs: Int
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let cases = [Case(name: name, reprise_ms: (median * 100).rounded() / 100, min_ms: (times[0] * 100).rounded() / 100,
                        runs: runs, blocks_executed_in_timed_runs: executed)]
      print(String(decoding: try encoder.encode(["cases": cases]), as: UTF8.self))
    } else {
      FileHandle.standardError.write(Data(
        "\(name): median \(String(format: "%.1f", median)) ms, min \(String(format: "%.1f", times[0])) ms over \(runs) runs; blocks executed in timed runs: \(executed) (target: < 1000 ms, 0 executed)\n".utf8))
    }
  }
}
