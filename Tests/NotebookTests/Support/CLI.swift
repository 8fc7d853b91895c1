import Foundation
import TestSupport

/// Runs the `reprise` executable built beside the test bundle.
struct CLI {
  static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("reprise")

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs to completion in `folder` with the mirror and one BLAS thread.
  static func run(_ arguments: [String], in folder: URL) throws -> Result {
    let process = configured(arguments, in: folder)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                  stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func configured(_ arguments: [String], in folder: URL) -> Process {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["REPRISE_MIRROR"] = TestPaths.mirror.path
    environment["OPENBLAS_NUM_THREADS"] = "1"
    environment.removeValue(forKey: "REPRISE_STATE")
    process.environment = environment
    return process
  }
}
