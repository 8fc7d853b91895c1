import ArgumentParser
import Datasets
import Foundation
import Notebook

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the block kinds or the datasets Reprise knows.")

  enum What: String, ExpressibleByArgument, CaseIterable {
    case blocks, datasets
  }

  @Argument(help: "What to list: \(What.allCases.map(\.rawValue).joined(separator: ", ")).")
  var what: What

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  func run() throws {
    switch what {
    case .blocks:
      let rows = Registry.standard.kinds.map { kind in
        ["kind": kind.name, "summary": kind.summary,
         "keys": kind.parameters.map { "\($0.name)\($0.defaultValue == nil ? " (required)" : "")" }.joined(separator: ", ")]
      }
      try emit(rows, key: "blocks") { "\($0["kind"] ?? "")\t\($0["summary"] ?? "")\n\tkeys: \($0["keys"] ?? "")" }
    case .datasets:
      let environment = ProcessInfo.processInfo.environment
      let project = Project.root(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      let catalog = Catalog(
        mirror: Project.mirror(environment: environment, project: project), userBase: project,
        fingerprints: FileFingerprints(store: project.appendingPathComponent(".reprise/fingerprints.json")))
      let rows = catalog.ids.map { id -> [String: String] in
        let info = try? catalog.info(id)
        let status: String
        do {
          _ = try catalog.fingerprint(id)
          status = "ok"
        } catch {
          status = "missing"
        }
        return ["id": id, "status": status, "license": info?.license ?? "", "source": info?.source ?? "",
                "bytes": String(info?.files.reduce(0) { $0 + $1.bytes } ?? 0)]
      }
      try emit(rows, key: "datasets") { "\($0["id"] ?? "")\t\($0["status"] ?? "")\t\($0["license"] ?? "")\t\($0["source"] ?? "")" }
    }
  }

  private func emit(_ rows: [[String: String]], key: String, line: ([String: String]) -> String) throws {
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode([key: rows]), as: UTF8.self))
    } else {
      for row in rows { FileHandle.standardError.write(Data((line(row) + "\n").utf8)) }
    }
  }
}
