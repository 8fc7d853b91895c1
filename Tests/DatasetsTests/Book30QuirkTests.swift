import Foundation
import TestSupport
import Testing

@testable import Datasets

/// Each BookCover30 quirk, on a small synthetic listing with the real file's layout.
@Suite struct Book30QuirkTests {
  /// 30 genres × 5 books; book 0 of genre 0 has a two-line author, book 1 invalid UTF-8 in
  /// its title, every odd book a zero-stripped ASIN, book 2 no author.
  static func listing() -> (csv: [UInt8], labels: String) {
    var csv: [UInt8] = []
    var labels = ""
    for genre in 0..<30 {
      for book in 0..<5 {
        let asin = String(format: "%010d", genre * 100 + book + 1)
        let shown = book % 2 == 1 ? String(Int(asin) ?? 0) : asin
        let author = genre == 0 && book == 0 ? "Line one\nline two" : book == 2 ? "" : "Author \(book)"
        var title = Array("Title \(genre)-\(book)".utf8)
        if genre == 0 && book == 1 { title += [0x81, 0x45, 0x80] + Array(" end".utf8) }
        let fields: [[UInt8]] = [
          Array(shown.utf8), Array("\(asin).jpg".utf8), Array("http://x/\(asin).jpg".utf8), title,
          Array(author.utf8), Array("\(genre)".utf8), Array("Genre \(genre)".utf8),
        ]
        csv += fields.map { [0x22] + $0 + [0x22] }.joined(separator: [0x2C]) + [0x0A]
        labels += "\(asin).jpg \(genre)\n"
      }
    }
    return (csv, labels)
  }

  func load(csv: [UInt8], labels: String) throws -> Dataset {
    try withTemporaryDirectory { folder in
      let book = folder.appendingPathComponent("book30")
      try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
      try Data(csv).write(to: book.appendingPathComponent("book30-listing-test.csv"))
      try Data(labels.utf8).write(to: book.appendingPathComponent("bookcover30-labels-test.txt"))
      return try Book30Loader.load(TestCatalog.context(BuiltinDataset.book30Titles, folder: folder))
    }
  }

  func count(_ data: Dataset, _ prefix: String) -> Int? {
    data.notes.first { $0.what.hasPrefix(prefix) }?.count
  }

  @Test func eachQuirkIsHandledAndCounted() throws {
    let (csv, labels) = Self.listing()
    let data = try load(csv: csv, labels: labels)
    #expect(data.items.count == 150)
    #expect(count(data, "records on 151 physical lines") == 1)
    #expect(data.items[0].references == ["Line one line two"])
    #expect(count(data, "records with bytes that are not valid UTF-8") == 1)
    #expect(data.items[1].text == "Title 0-1E end")
    #expect(count(data, "ASINs that lost their leading zeros") == 60)
    #expect(data.items[1].id == "0000000002")
    #expect(count(data, "records with an empty author") == 30)
    #expect(data.classCounts == [Int](repeating: 5, count: 30))
    #expect(data.items.filter { $0.split == .test }.count == 30)
  }

  @Test func theSplitIsSeededAndStratified() throws {
    let (csv, labels) = Self.listing()
    let first = try load(csv: csv, labels: labels).items.map(\.split)
    let second = try load(csv: csv, labels: labels).items.map(\.split)
    #expect(first == second)
  }

  @Test func aGenreThatDisagreesWithTheLabelFileIsAnError() throws {
    let (csv, labels) = Self.listing()
    let changed = labels.replacingOccurrences(of: "0000000001.jpg 0", with: "0000000001.jpg 4")
    let error = #expect(throws: DatasetError.self) { try load(csv: csv, labels: changed) }
    #expect(error?.description.contains("0000000001.jpg has genre 4 here and 0 in the listing") == true)
  }

  @Test func aRecordWithTheWrongNumberOfFieldsNamesItsLine() throws {
    let (csv, labels) = Self.listing()
    let broken = csv + Array("\"1\",\"2\"\n".utf8)
    let error = #expect(throws: DatasetError.self) { try load(csv: broken, labels: labels) }
    #expect(error?.description.contains("line 152: 2 fields, expected 7") == true)
  }
}
