import ArgumentParser
import Datasets
import Foundation
import Notebook

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the block kinds, the datasets or the models Reprise knows.")

  enum What: String, ExpressibleByArgument, CaseIterable {
    case blocks, datasets, models
  }

  @Argument(help: "What to list: \(What.allCases.map(\.rawValue).joined(separator: ", ")).")
  var what: What

  @OptionGroup var data: DataOptions

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
      try listDatasets(models: false)
    case .models:
      try listDatasets(models: true)
    }
  }

  /// One row per dataset (or per model's weights): `ok` once every file is verified
  /// against its pin (never fetches).
  private func listDatasets(models: Bool) throws {
    let (catalog, fingerprints) = data.catalog(acquisition: nil)
    let ids = catalog.ids.filter { ((try? catalog.info($0))?.isModelWeights ?? false) == models }
    let rows = ids.map { id -> DatasetRow in
      let info = try? catalog.info(id)
      let status = Self.status(of: id, in: catalog)
      return DatasetRow(
        id: id, status: status, items: status == "ok" ? info?.items : nil, bytes: info?.bytes ?? 0,
        license: info?.license ?? "", source: Self.source(of: id, info: info, in: catalog))
    }
    try? fingerprints.save()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode([models ? "models" : "datasets": rows]), as: UTF8.self))
    } else {
      for row in rows {
        let items = row.items.map { "\($0) items" } ?? "-"
        FileHandle.standardError.write(Data("\(row.id)\t\(row.status)\t\(items)\t\(row.source)\t\(row.license)\n".utf8))
      }
    }
  }

  /// The package a dataset comes from, or the mirror and the repository@commit of its files.
  static func source(of id: String, info: DatasetInfo?, in catalog: Catalog) -> String {
    let source: DataSource?
    do {
      source = try catalog.source(id)
    } catch {
      source = nil
    }
    switch source {
    case .mirror: return "data mirror (\(info?.source ?? ""))"
    case let source?: return source.summary
    case nil: return info?.source ?? ""
    }
  }

  /// `ok` (every file verified), `missing`, `damaged` (a checksum differs) or `error`.
  static func status(of id: String, in catalog: Catalog) -> String {
    do throws(DatasetError) {
      _ = try catalog.fingerprint(id)
      return "ok"
    } catch {
      switch error {
      case .missingFile: return "missing"
      case .checksumMismatch, .treeMismatch: return "damaged"
      default: return "error"
      }
    }
  }

  /// A `list datasets` row; `items` is `null` until the dataset is verified.
  struct DatasetRow: Encodable {
    var id: String
    var status: String
    var items: Int?
    var bytes: Int
    var license: String
    var source: String

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(status, forKey: .status)
      try container.encode(items, forKey: .items)
      try container.encode(bytes, forKey: .bytes)
      try container.encode(license, forKey: .license)
      try container.encode(source, forKey: .source)
    }

    enum CodingKeys: String, CodingKey {
      case id, status, items, bytes, license, source
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
