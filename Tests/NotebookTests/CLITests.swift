import Foundation
import Notebook
import TestSupport
import Testing

/// The `reprise` command: exit codes, messages on stderr, JSON on stdout, and recovery after
/// `kill -9`.
@Suite(.serialized) struct CLITests {
  @Test func renderTwiceSaysNothingWasExecuted() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    let first = try CLI.run(["render", "report.md"], in: project.root)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("3 blocks: executed 3, from cache 0, failed 0; wrote public/report_files, public/report.md, public/report.html"))
    let second = try CLI.run(["render", "report.md"], in: project.root)
    #expect(second.stderr.contains("3 blocks: executed 0, from cache 3, failed 0"))
    #expect(second.stderr.contains("[2/3] fig-proto (prototype) cached ("))
    #expect(second.stdout.isEmpty)
  }

  @Test func badInputExitsWithTwoAndALocation() throws {
    let project = try TestProject()
    try project.write("Text\n\n```reprise #fig-x\nrun: prototype\ndataset: stripes\nsize: 3\n```\n")
    let result = try CLI.run(["render", "report.md"], in: project.root)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("report.md:6:1: error: unknown key 'size' for 'prototype'; valid keys:"))
    #expect(!FileManager.default.fileExists(atPath: project.out.path))
    #expect(try CLI.run(["render", "missing.md"], in: project.root).status == 2)
    #expect(try CLI.run(["render", "report.md", "--bogus"], in: project.root).status == 2)
    #expect(try CLI.run(["list", "nothing"], in: project.root).status == 2)
  }

  @Test func invalidUTF8IsReportedWithItsLine() throws {
    let project = try TestProject()
    try Data("line one\nline \u{FF}two\n".utf8.map { $0 == 0xC3 ? 0xFF : $0 }).write(to: project.report)
    let result = try CLI.run(["render", "report.md"], in: project.root)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("report.md:2: error: the report is not valid UTF-8"))
  }

  @Test func listBlocksAsJSON() throws {
    let project = try TestProject()
    let result = try CLI.run(["list", "blocks", "--json"], in: project.root)
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: String]]]
    #expect(object?["blocks"]?.map { $0["kind"] ?? "" } == ["dataset-card", "prototype", "summary", "caption-eval", "features"])
  }

  @Test func killedDuringABlockThenRerenderedReusesCompletedBlocks() throws {
    let project = try TestProject()
    let report = """
      # Killed

      ```reprise #tbl-card
      run: dataset-card
      dataset: mnist-test
      samples: 2
      ```

      ```reprise #fig-proto
      run: prototype
      dataset: mnist-test
      shots: [1, 5]
      trials: 4
      seed: 3
      ```

      Accuracy {{val-proto.acc.5}}.

      """
    try project.write(report)
    let process = CLI.configured(["render", "report.md"], in: project.root)
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = Pipe()
    let seen = LockedText()
    stderr.fileHandleForReading.readabilityHandler = { handle in seen.append(String(decoding: handle.availableData, as: UTF8.self)) }
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while !seen.text.contains("[2/2] fig-proto (prototype) running"), Date() < deadline, process.isRunning {
      Thread.sleep(forTimeInterval: 0.01)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    stderr.fileHandleForReading.readabilityHandler = nil
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(seen.text.contains("[1/2] tbl-card (dataset-card) done"))
    #expect(!FileManager.default.fileExists(atPath: project.out.appendingPathComponent("report.md").path))

    let rerun = try CLI.run(["render", "report.md"], in: project.root)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(rerun.stderr.contains("[1/2] tbl-card (dataset-card) cached"))
    #expect(rerun.stderr.contains("executed 1, from cache 1"))

    let fresh = try TestProject()
    try fresh.write(report)
    #expect(try CLI.run(["render", "report.md"], in: fresh.root).status == 0)
    let body = { (text: String) in text.components(separatedBy: "## Computation appendix")[0] }
    #expect(body(try project.read("report.md")) == body(try fresh.read("report.md")))
  }
}

/// Text appended from a pipe's handler thread and read from the test's thread.
final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var storage = ""
  var text: String { lock.withLock { storage } }
  func append(_ s: String) { lock.withLock { storage += s } }
}
