import Foundation

/// A user dataset of format `images`: a folder of image files and a table (`ItemTable`)
/// with one row per item naming its file and, optionally, its text and class.
///
/// Items keep the table's order; the id is the file name as written in the table, which
/// must not repeat. Every named file must exist under the folder (it is hashed into the
/// fingerprint); an empty label cell leaves the item unlabelled (counted). No split.
enum UserImageTableLoader {
  /// Reads the table, hashes it and every image it names, and builds the items.
  static func scan(
    _ files: inout UserFiles, images: String, table: String, columns: UserDataset.TableColumns,
    classes: [String]?
  ) throws(DatasetError) -> UserContent {
    let id = files.dataset
    let tableURL = try files.read(table, hint: "check the `table` path of user dataset '\(id)'")
    let folder = try files.folder(images, hint: "check the `images` folder of user dataset '\(id)'")
    let bytes = try UserContent.bytes(tableURL)
    let parsed: ItemTable
    do {
      parsed = try ItemTable.read(bytes, path: table)
    } catch {
      throw .malformed(dataset: id, path: table, reason: error.reason)
    }
    let fileColumn = try column(columns.file, default: "file", required: true, in: parsed, table: table, dataset: id)
    let textColumn = try column(columns.text, default: "text", required: false, in: parsed, table: table, dataset: id)
    let labelColumn = try column(columns.label, default: "label", required: false, in: parsed, table: table, dataset: id)
    var items: [DataItem] = []
    var seen: [String: String] = [:]
    for row in parsed.rows {
      guard let file = fileColumn.flatMap({ row.cells[$0] }), !file.isEmpty else {
        throw .malformed(dataset: id, path: table, reason: "\(row.place): no file name in column '\(fileColumn ?? "file")'")
      }
      if let first = seen.updateValue(row.place, forKey: file) {
        throw .malformed(dataset: id, path: table, reason: "\(row.place) names \(file) again (first at \(first)); each image is one item")
      }
      let image = try files.read(
        UserFiles.join(images, file),
        hint: "\(table) \(row.place) names it; the file must be in the `images` folder \(folder.path)")
      items.append(DataItem(id: file, text: textColumn.flatMap { row.cells[$0] } ?? "", image: .file(image)))
    }
    let labelTexts = parsed.rows.map { row in labelColumn.flatMap { row.cells[$0] } }
    let resolved: (classNames: [String], labels: [Int?])
    do {
      resolved = try UserLabels.resolve(labelTexts, declared: classes)
    } catch {
      throw .malformed(
        dataset: id, path: table,
        reason: "\(parsed.rows[error.item].place): label '\(error.label)' is not one of the declared classes \(classes ?? [])")
    }
    for i in items.indices { items[i].label = resolved.labels[i] }
    let unlabelled = labelColumn == nil ? 0 : resolved.labels.filter { $0 == nil }.count
    var notes = [DatasetNote("rows of \(table), each naming an image in \(images)", count: items.count, action: "all kept")]
    if unlabelled > 0 {
      notes.append(DatasetNote("rows with an empty label cell", count: unlabelled, action: "kept without a class"))
    }
    return UserContent(classNames: labelColumn == nil ? [] : resolved.classNames, items: items, notes: notes)
  }

  /// The column to read: the declared name, which must exist, or `fallback` if the table has it.
  static func column(
    _ declared: String?, default fallback: String, required: Bool, in table: ItemTable, table path: String,
    dataset: String
  ) throws(DatasetError) -> String? {
    let name = declared ?? fallback
    if table.columns.contains(name) || table.rows.isEmpty { return name }
    guard declared == nil, !required else {
      throw .malformed(
        dataset: dataset, path: path,
        reason: "no column '\(name)'; the columns are \(table.columns.joined(separator: ", ")) (set `columns:` in the declaration)")
    }
    return nil
  }
}
