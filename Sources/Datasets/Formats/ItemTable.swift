import Foundation

/// A table of items with named columns, read from CSV (RFC 4180, first record = column
/// names, UTF-8) or JSON (an array of objects whose values are strings, numbers, booleans
/// or `null`).
struct ItemTable {
  /// One row: its cells by column name and where it is in the file (`line 3`, `entry 2`,
  /// 1-based).
  struct Row {
    var cells: [String: String]
    var place: String
  }

  /// The column names (CSV header; for JSON every key any object has, in first-seen order).
  var columns: [String]
  /// The rows, in file order.
  var rows: [Row]

  /// Why a file is not a table; `reason` names the place in the file.
  struct FormatError: Error {
    var reason: String
  }

  /// Reads `bytes` as CSV or JSON, chosen by the extension of `path`.
  static func read(_ bytes: [UInt8], path: String) throws(FormatError) -> ItemTable {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "csv": try csv(bytes)
    case "json": try json(bytes)
    default: throw FormatError(reason: "a table must be a .csv or .json file")
    }
  }

  /// A CSV table; every record must have as many fields as the header.
  static func csv(_ bytes: [UInt8]) throws(FormatError) -> ItemTable {
    let records: [QuotedCSV.Record]
    do {
      records = try QuotedCSV.records(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
    } catch {
      throw FormatError(reason: "line \(error.line): \(error.reason)")
    }
    guard let header = records.first else { throw FormatError(reason: "the file is empty; it needs a header row") }
    let columns = try header.fields.map { (field: [UInt8]) throws(FormatError) in
      try decode(field, line: header.line)
    }
    var rows: [Row] = []
    for record in records.dropFirst() {
      if record.fields == [[]] { continue }
      guard record.fields.count == columns.count else {
        throw FormatError(reason: "line \(record.line): \(record.fields.count) fields, the header has \(columns.count)")
      }
      var cells: [String: String] = [:]
      for (column, field) in zip(columns, record.fields) {
        cells[column] = try decode(field, line: record.line)
      }
      rows.append(Row(cells: cells, place: "line \(record.line)"))
    }
    return ItemTable(columns: columns, rows: rows)
  }

  /// A JSON table.
  static func json(_ bytes: [UInt8]) throws(FormatError) -> ItemTable {
    let objects: [[String: Cell]]
    do {
      objects = try JSONDecoder().decode([[String: Cell]].self, from: Data(bytes))
    } catch {
      throw FormatError(
        reason: "expected an array of objects whose values are text, numbers or null; \(DecodingErrorText.describe(error))")
    }
    var columns: [String] = []
    for object in objects {
      columns += object.keys.sorted().filter { !columns.contains($0) }
    }
    let rows = objects.enumerated().map { n, object in
      Row(cells: object.mapValues(\.text), place: "entry \(n + 1)")
    }
    return ItemTable(columns: columns, rows: rows)
  }

  /// A JSON scalar as text: numbers and booleans as written, `null` as `""`.
  struct Cell: Decodable {
    var text: String

    init(from decoder: Decoder) throws {
      let value = try decoder.singleValueContainer()
      if value.decodeNil() {
        text = ""
      } else if let flag = try? value.decode(Bool.self) {
        text = String(flag)
      } else if let integer = try? value.decode(Int.self) {
        text = String(integer)
      } else if let number = try? value.decode(Double.self) {
        text = String(number)
      } else {
        text = try value.decode(String.self)
      }
    }
  }

  static func decode(_ field: [UInt8], line: Int) throws(FormatError) -> String {
    guard let text = String(validating: field, as: UTF8.self) else {
      throw FormatError(reason: "line \(line) is not valid UTF-8")
    }
    return text
  }
}
