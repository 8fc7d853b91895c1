import ArgumentParser
import Foundation
import Notebook

/// The `reprise` command line. Human output goes to stderr, `--json` output to stdout.
/// Exit codes: 0 ok, 1 a computation failed, 2 bad input (report, flags, files, data).
@main
struct Reprise: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reprise",
    abstract: "Render Markdown reports with computation blocks into self-contained HTML and Markdown.",
    version: RepriseVersion.string,
    subcommands: [Render.self, List.self, Fetch.self, Features.self, Metrics.self, Clean.self, Bench.self])

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ReportError {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      Foundation.exit(error.exitCode)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
      Foundation.exit(error is ExitCode ? code.rawValue : 2)
    }
  }
}
