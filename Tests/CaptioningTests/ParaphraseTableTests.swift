import Foundation
import Testing

@testable import Captioning

/// METEOR's paraphrase table on a tiny hand-made table: the binary index round trip, which
/// entries an evaluation keeps, and the order in which phrase 2s are offered.
@Suite struct ParaphraseTableTests {
  /// Line triples as in `paraphrase-en.gz`: probability, phrase 1, phrase 2.
  static let table = """
    0.5
    big dog
    large dog
    0.4
    big dog
    huge hound
    0.3
    big
    large
    0.2
    dog big
    large
    0.1
    big dog
    dog
    0.1
    zebra
    horse

    """

  /// `bytes` as a gzip member with one stored (uncompressed) deflate block.
  static func gzip(_ bytes: [UInt8]) -> Data {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    crc = ~crc
    let length = UInt16(bytes.count)
    var data: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 0x01]
    data += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
    data += bytes
    for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: bytes.count >> shift)) }
    return Data(data)
  }

  /// A fresh folder holding `paraphrase-en.gz` made of `table`, and where its index goes.
  static func tableFolder(_ table: String) throws -> (folder: URL, source: URL, index: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-paraphrase-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let source = folder.appendingPathComponent("paraphrase-en.gz")
    try gzip(Array(table.utf8)).write(to: source)
    return (folder, source, folder.appendingPathComponent("index"))
  }

  @Test func indexIsSavedAndRebuiltWhenTheTableChanges() throws {
    let (folder, source, indexURL) = try Self.tableFolder(Self.table)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(ParaphraseIndex.existing(source: source, indexURL: indexURL) == nil)
    let index = try ParaphraseIndex.load(source: source, indexURL: indexURL)
    #expect(index.entryCount == 6)
    #expect(index.wordCount == 7)
    #expect(index.id(of: Array("zebra".utf8)) == 6)  // sorted: big dog horse hound huge large zebra
    #expect(ParaphraseIndex.existing(source: source, indexURL: indexURL)?.entryCount == 6)

    // A table of the same size with another word: the saved index is stale and rebuilt.
    try Self.gzip(Array(Self.table.replacingOccurrences(of: "zebra", with: "zebu!").utf8)).write(to: source)
    #expect(ParaphraseIndex.existing(source: source, indexURL: indexURL) == nil)
    let rebuilt = try ParaphraseIndex.load(source: source, indexURL: indexURL)
    #expect(rebuilt.id(of: Array("zebra".utf8)) == nil)
    #expect(rebuilt.id(of: Array("zebu!".utf8)) == 6)
    #expect(ParaphraseIndex.existing(source: source, indexURL: indexURL)?.id(of: Array("zebu!".utf8)) == 6)
  }

  @Test func keepsUsableEntriesInFileOrderPerPhrase() throws {
    let (folder, source, indexURL) = try Self.tableFolder(Self.table)
    defer { try? FileManager.default.removeItem(at: folder) }
    let index = try ParaphraseIndex.load(source: source, indexURL: indexURL)
    var words = MeteorWordTable()
    let sentences = ["a big dog", "a large dog", "large"].map { words.indices(of: $0) }
    let paraphrases = ParaphraseTable(index: index, words: words.utf8, sentences: sentences)
    // Kept: big dog → large dog, big → large, big dog → dog. Dropped: huge hound and
    // zebra/horse (words absent), dog big (never side by side in the sentences).
    #expect(paraphrases.count == 3)
    let id = Dictionary(uniqueKeysWithValues: words.texts.indices.map { (words.texts[$0], paraphrases.id(ofWord: $0)) })
    #expect(id["a"] == -1)
    let text = Dictionary(uniqueKeysWithValues: id.filter { $0.value >= 0 }.map { ($0.value, $0.key) })
    let offered = paraphrases.paths([id["big"] ?? -1, id["dog"] ?? -1], from: 0).map { path in
      (path.length, paraphrases.paraphrase(path.paraphrase).map { text[$0] ?? "?" }.joined(separator: " "))
    }
    // By phrase-1 length, then file order.
    #expect(offered.map(\.0) == [1, 2, 2])
    #expect(offered.map(\.1) == ["large", "large dog", "dog"])
  }
}
