import Foundation
import Notebook
import Testing

/// Progress on stderr: plain lines for logs, a redrawn status line on terminals, a heartbeat.
@Suite struct ProgressReporterTests {
  @Test func plainModePrintsWholeLinesWithRateAndETA() {
    let lines = LockedText()
    let reporter = ProgressReporter(isTerminal: false, heartbeat: 30, plainInterval: 0) { lines.append($0) }
    reporter.started("[1/2] fig-a (prototype)")
    Thread.sleep(forTimeInterval: 0.05)
    reporter.step(5, of: 10)
    reporter.finished("done in 0.10 s")
    let text = lines.text
    #expect(!text.contains("\r"))
    #expect(text.contains("[1/2] fig-a (prototype) running\n"))
    #expect(text.range(of: #"\[1/2\] fig-a \(prototype\) step 5/10, [0-9.]+/s, ETA [0-9.]+\x{A0}s, elapsed"#, options: .regularExpression) != nil)
    #expect(text.hasSuffix("[1/2] fig-a (prototype) done in 0.10 s\n"))
  }

  @Test func plainModeThrottlesStepLines() {
    let lines = LockedText()
    let reporter = ProgressReporter(isTerminal: false, heartbeat: 30, plainInterval: 60) { lines.append($0) }
    reporter.started("[1/1] x (prototype)")
    for i in 1...100 { reporter.step(i, of: 100) }
    reporter.finished("done")
    #expect(lines.text.components(separatedBy: "\n").filter { $0.contains("step") }.isEmpty)
  }

  @Test func heartbeatShowsASilentBlockIsAlive() {
    let lines = LockedText()
    let reporter = ProgressReporter(isTerminal: false, heartbeat: 0.2, plainInterval: 60) { lines.append($0) }
    reporter.started("[1/1] slow (prototype)")
    let deadline = Date().addingTimeInterval(10)
    while !lines.text.contains("still running"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    reporter.finished("done")
    #expect(lines.text.contains("[1/1] slow (prototype) still running, elapsed"))
  }

  @Test func terminalModeRedrawsOneStatusLine() {
    let lines = LockedText()
    let reporter = ProgressReporter(isTerminal: true) { lines.append($0) }
    reporter.started("[1/1] t (prototype)")
    reporter.step(1, of: 4)
    reporter.finished("done")
    #expect(lines.text.contains("\r\u{1B}[2K[1/1] t (prototype) step 1/4"))
    #expect(lines.text.hasSuffix("\r\u{1B}[2K[1/1] t (prototype) done\n"))
  }
}
