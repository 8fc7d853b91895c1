import Dispatch
import Foundation

/// Progress of a render on stderr: one line per block (label, n/N, kind, outcome, time), step
/// progress with rate and ETA for long blocks, and a heartbeat so a silent block is visibly alive.
///
/// On a terminal the running block is one status line redrawn in place; otherwise (CI logs,
/// pipes) every message is a plain line, and step lines are throttled to one per `plainInterval`.
public final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private let isTerminal: Bool
  private let write: @Sendable (String) -> Void
  private let heartbeat: Double
  private let plainInterval: Double
  private var timer: DispatchSourceTimer?
  private var current: (prefix: String, started: Double, lastLine: Double, done: Int, total: Int)?

  /// - Parameters:
  ///   - isTerminal: redraw a status line (true) or print plain lines (false).
  ///   - heartbeat: seconds of silence after which a plain-mode "still running" line is printed.
  ///   - write: where text goes (stderr by default).
  public init(isTerminal: Bool = isatty(STDERR_FILENO) != 0, heartbeat: Double = 30, plainInterval: Double = 5,
              write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
    self.isTerminal = isTerminal
    self.heartbeat = heartbeat
    self.plainInterval = plainInterval
    self.write = write
  }

  private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// A line that is not about the running block (warnings, the final summary).
  public func message(_ text: String) {
    lock.withLock { emitLine(text) }
  }

  /// A block starts executing.
  public func started(_ prefix: String) {
    lock.withLock {
      let t = Self.now()
      current = (prefix, t, t, 0, 0)
      if isTerminal { drawStatus(t) } else { emitLine("\(prefix) running") }
    }
    startTimer()
  }

  /// A block reports `done` of `total` steps.
  public func step(_ done: Int, of total: Int) {
    lock.withLock {
      guard var block = current else { return }
      block.done = done
      block.total = total
      current = block
      let t = Self.now()
      if isTerminal { drawStatus(t) } else if t - block.lastLine >= plainInterval {
        emitLine("\(block.prefix) \(stepText(block, t))")
      }
    }
  }

  /// The running block ended; `outcome` is printed after the block's prefix.
  public func finished(_ outcome: String) {
    stopTimer()
    lock.withLock {
      let prefix = current?.prefix ?? ""
      current = nil
      emitLine("\(prefix) \(outcome)")
    }
  }

  private func stepText(_ block: (prefix: String, started: Double, lastLine: Double, done: Int, total: Int), _ t: Double) -> String {
    let elapsed = t - block.started
    guard block.total > 0 else { return "elapsed \(NumberFormat.duration(elapsed))" }
    let rate = elapsed > 0 ? Double(block.done) / elapsed : 0
    var text = "step \(block.done)/\(block.total)"
    if rate > 0 {
      text += ", \(NumberFormat.fixed(rate, digits: rate < 10 ? 2 : 0))/s"
      text += ", ETA \(NumberFormat.duration(Double(block.total - block.done) / rate))"
    }
    return text + ", elapsed \(NumberFormat.duration(elapsed))"
  }

  private func emitLine(_ text: String) {
    write((isTerminal ? "\r\u{1B}[2K" : "") + text + "\n")
    if var block = current {
      block.lastLine = Self.now()
      current = block
      if isTerminal { drawStatus(block.lastLine) }
    }
  }

  private func drawStatus(_ t: Double) {
    guard let block = current else { return }
    write("\r\u{1B}[2K\(block.prefix) \(stepText(block, t))")
  }

  private func startTimer() {
    let timer = DispatchSource.makeTimerSource(queue: .global())
    let interval = isTerminal ? 1.0 : min(heartbeat, 5)
    timer.schedule(deadline: .now() + interval, repeating: interval)
    timer.setEventHandler { [weak self] in self?.tick() }
    lock.withLock { self.timer = timer }
    timer.resume()
  }

  private func stopTimer() {
    lock.withLock {
      timer?.cancel()
      timer = nil
    }
  }

  private func tick() {
    lock.withLock {
      guard let block = current else { return }
      let t = Self.now()
      if isTerminal {
        drawStatus(t)
      } else if t - block.lastLine >= heartbeat {
        emitLine("\(block.prefix) still running, \(stepText(block, t))")
      }
    }
  }
}

/// The handle a computation reports its steps through.
public struct StepProgress: Sendable {
  let reporter: ProgressReporter?

  public init(reporter: ProgressReporter?) { self.reporter = reporter }

  /// Reports that `done` of `total` steps are complete.
  public func step(_ done: Int, of total: Int) { reporter?.step(done, of: total) }
}
