import ArgumentParser
import Foundation

struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Delete Reprise's state folder (cache and fingerprints), or with --cache only the cache.")

  @Flag(name: .long, help: "Delete only the result cache.")
  var cache = false

  @Option(name: .long, help: "Folder for the cache and fingerprints (default: <project>/.reprise).")
  var state: String?

  func run() throws {
    let project = Project.root(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    let folder = state.map { URL(fileURLWithPath: $0) } ?? project.appendingPathComponent(".reprise")
    let target = cache ? folder.appendingPathComponent("cache") : folder
    if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
    FileHandle.standardError.write(Data("removed \(target.path)\n".utf8))
  }
}
