/// BookCover30's test listing (`book30-listing-test.csv`) as titles with a genre.
///
/// The file has no header; every field is quoted:
/// `"ASIN","FILENAME","IMAGE URL","TITLE","AUTHOR","CATEGORY ID","CATEGORY"`. Its quirks,
/// each handled and counted in the dataset's notes:
/// - one author field holds a newline (5,700 records on 5,701 lines): replaced by a space;
/// - 19 lines are not valid UTF-8: the invalid bytes are dropped, as the dataset's own
///   downloader does (`errors='ignore'`);
/// - the ASIN column lost its leading zeros (`60750715` for `0060750715.jpg`): the ASIN is
///   taken from the file name;
/// - some authors are empty: kept (the text is the title).
/// The genre of every record is checked against `bookcover30-labels-test.txt`.
///
/// Split: the listing is the published *test* set, so Reprise splits it itself, 80/20
/// stratified by genre with seed 0 (`StratifiedSplit`).
enum Book30Loader {
  static let splitSeed: UInt64 = 0
  static let testFraction = 0.2

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (bytes, path) = try context.bytes("book30-listing-test.csv")
    let records: [QuotedCSV.Record]
    do {
      records = try QuotedCSV.records(bytes)
    } catch {
      throw .malformed(dataset: context.id, path: path, reason: "line \(error.line): \(error.reason)")
    }
    var invalidRecords = 0
    var multiline = 0
    var restoredASINs = 0
    var emptyAuthors = 0
    var classNames: [Int: String] = [:]
    var rows: [(asin: String, file: String, title: String, author: String, label: Int)] = []
    for record in records {
      guard record.fields.count == 7 else {
        throw .malformed(
          dataset: context.id, path: path,
          reason: "line \(record.line): \(record.fields.count) fields, expected 7")
      }
      var dropped = false
      let fields = record.fields.map { bytes -> String in
        let decoded = TextLines.decodeDroppingInvalid(bytes)
        dropped = dropped || decoded.dropped
        return decoded.text
      }
      if dropped { invalidRecords += 1 }
      if record.spansLines { multiline += 1 }
      let file = fields[1]
      let stem = file.hasSuffix(".jpg") ? String(file.dropLast(4)) : file
      guard let label = Int(fields[5]), (0..<30).contains(label), stem.count == 10,
        stem.hasSuffix(fields[0]), stem.dropLast(fields[0].count).allSatisfy({ $0 == "0" })
      else {
        throw .malformed(
          dataset: context.id, path: path,
          reason: "line \(record.line): expected an ASIN matching the file name \(file) and a "
            + "category id 0–29, found '\(fields[0])' and '\(fields[5])'")
      }
      if fields[0] != stem { restoredASINs += 1 }
      if classNames[label, default: fields[6]] != fields[6] {
        throw .malformed(
          dataset: context.id, path: path,
          reason: "line \(record.line): category \(label) is named both '\(classNames[label] ?? "")' "
            + "and '\(fields[6])'")
      }
      classNames[label] = fields[6]
      let author = fields[4].replacingOccurrences(of: "\n", with: " ")
      if author.isEmpty { emptyAuthors += 1 }
      rows.append((stem, file, fields[3].replacingOccurrences(of: "\n", with: " "), author, label))
    }
    try checkLabels(rows.map { ($0.file, $0.label) }, context: context)
    guard classNames.count == 30 else {
      throw .malformed(dataset: context.id, path: path, reason: "\(classNames.count) genres, expected 30")
    }
    let splits = StratifiedSplit.assign(
      labels: rows.map(\.label), testFraction: testFraction, seed: splitSeed)
    let items = rows.indices.map { i in
      DataItem(
        id: rows[i].asin, text: rows[i].title, references: rows[i].author.isEmpty ? [] : [rows[i].author],
        label: rows[i].label, split: splits[i])
    }
    let physicalLines = TextLines.split(bytes).count
    return context.dataset(
      classNames: (0..<30).map { classNames[$0] ?? "" }, items: items,
      notes: [
        DatasetNote(
          "records on \(physicalLines) physical lines; records whose field holds a newline",
          count: multiline, action: "newline replaced by a space"),
        DatasetNote(
          "records with bytes that are not valid UTF-8", count: invalidRecords,
          action: "invalid bytes dropped (as the dataset's downloader, errors='ignore')"),
        DatasetNote(
          "ASINs that lost their leading zeros", count: restoredASINs,
          action: "ASIN taken from the file name"),
        DatasetNote("records with an empty author", count: emptyAuthors, action: "kept; the text is the title"),
        DatasetNote(
          "records whose genre disagrees with bookcover30-labels-test.txt", count: 0,
          action: "checked (a disagreement is an error)"),
      ])
  }

  /// Every file's genre must equal the one in `bookcover30-labels-test.txt`.
  static func checkLabels(_ rows: [(file: String, label: Int)], context: LoaderContext)
    throws(DatasetError)
  {
    let (text, path) = try context.text("bookcover30-labels-test.txt")
    var labels: [String: Int] = [:]
    for (n, line) in text.split(separator: "\n").enumerated() {
      let parts = line.split(separator: " ")
      guard parts.count == 2, let label = Int(parts[1]) else {
        throw .malformed(dataset: context.id, path: path, reason: "line \(n + 1): expected 'FILENAME CLASS'")
      }
      labels[String(parts[0])] = label
    }
    for row in rows where labels[row.file] != row.label {
      throw .malformed(
        dataset: context.id, path: path,
        reason: "\(row.file) has genre \(labels[row.file].map(String.init) ?? "none") here and "
          + "\(row.label) in the listing")
    }
  }
}
