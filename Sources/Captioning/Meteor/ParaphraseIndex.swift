import Foundation

/// A compact binary form of METEOR's paraphrase table (`data/paraphrase-en.gz`), built once
/// and reused: parsing the 272 MB text of 5.3 million entries takes seconds, reading the
/// index takes milliseconds.
///
/// The gzip file holds line triples: a probability, then phrase 1, then phrase 2
/// (`edu/cmu/meteor/aligner/ParaphraseTransducer.<init>`); phrase 1 → phrase 2 is one entry.
/// The index keeps the entries in file order (that order decides ties in the alignment
/// search) with words as ids into a sorted word list:
///
/// ```
/// "RPXPARA1"  UInt64 source size  UInt32 word count W  UInt32 entry count E
/// UInt32 × (W+1) word offsets   UInt8 × … word bytes (UTF-8, sorted)
/// UInt16 × …  per entry: (|phrase 1| << 8 | |phrase 2|), phrase 1 ids, phrase 2 ids
/// ```
/// All integers little-endian. The probability is not kept: METEOR ignores it.
struct ParaphraseIndex {
  static let magic = Array("RPXPARA1".utf8)

  let words: [String]
  /// The entries as described above.
  let entries: [UInt16]
  let entryCount: Int

  /// Calls `body` with the phrases of the entries whose words `keep` all marks (indexed by
  /// word id), in file order.
  func forEachEntry(
    where keep: [Bool], _ body: (UnsafeBufferPointer<UInt16>, UnsafeBufferPointer<UInt16>) -> Void
  ) {
    keep.withUnsafeBufferPointer { keep in
    entries.withUnsafeBufferPointer { values in
      var i = 0
      while i < values.count {
        let length1 = Int(values[i] >> 8)
        let length2 = Int(values[i] & 0xFF)
        let end = i + 1 + length1 + length2
        var kept = true
        var j = i + 1
        while kept && j < end {
          kept = keep[Int(values[j])]
          j += 1
        }
        if kept {
          body(
            UnsafeBufferPointer(rebasing: values[(i + 1)..<(i + 1 + length1)]),
            UnsafeBufferPointer(rebasing: values[(i + 1 + length1)..<end]))
        }
        i = end
      }
    }
    }
  }

  /// Reads `indexURL` if it was built from a file of `sourceSize` bytes, else builds it
  /// from `source` and writes it there (best effort: an unwritable location only costs the
  /// rebuild next time).
  static func load(source: URL, indexURL: URL) throws(CaptionMetricsError) -> ParaphraseIndex {
    let sourceSize = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? -1
    if let data = try? Data(contentsOf: indexURL, options: .alwaysMapped),
      let index = ParaphraseIndex(data: data, sourceSize: sourceSize)
    {
      return index
    }
    let index = try build(from: source)
    try? FileManager.default.createDirectory(at: indexURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = indexURL.appendingPathExtension("partial-\(ProcessInfo.processInfo.processIdentifier)")
    if (try? index.serialized(sourceSize: sourceSize).write(to: temporary)) != nil {
      // Rename into place (atomic), replacing a stale index.
      if rename(temporary.path, indexURL.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
    return index
  }

  /// Parses the gzip table.
  ///
  /// - Complexity: one pass over the inflated text.
  static func build(from source: URL) throws(CaptionMetricsError) -> ParaphraseIndex {
    var wordIDs: [[UInt8]: UInt32] = [:]
    var words: [[UInt8]] = []
    var entries: [UInt32] = []  // provisional ids, header as (length1 << 8 | length2)
    var entryCount = 0
    var pending: [UInt8] = []
    var lineNumber = 0
    var phrase1: [UInt32] = []
    var failure: CaptionMetricsError?

    func ids(of line: ArraySlice<UInt8>) -> [UInt32] {
      line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }).map { token in
        let key = Array(token)
        if let id = wordIDs[key] { return id }
        let id = UInt32(words.count)
        wordIDs[key] = id
        words.append(key)
        return id
      }
    }
    func line(_ bytes: ArraySlice<UInt8>) {
      switch lineNumber % 3 {
      case 1:
        phrase1 = ids(of: bytes)
      case 2:
        let phrase2 = ids(of: bytes)
        guard phrase1.count < 256, phrase2.count < 256 else {
          failure = .unreadableResource(source.path, reason: "a phrase longer than 255 words near line \(lineNumber)")
          return
        }
        entries.append(UInt32(phrase1.count << 8 | phrase2.count))
        entries += phrase1
        entries += phrase2
        entryCount += 1
      default:
        break
      }
      lineNumber += 1
    }
    try GzipStream.inflate(source) { chunk in
      var start = chunk.startIndex
      for i in chunk.indices where chunk[i] == 0x0A {
        if pending.isEmpty {
          line(ArraySlice(chunk[start..<i]))
        } else {
          pending += chunk[start..<i]
          line(pending[...])
          pending.removeAll(keepingCapacity: true)
        }
        start = i + 1
      }
      pending += chunk[start...]
    }
    if !pending.isEmpty { line(pending[...]) }
    if let failure { throw failure }
    guard words.count < Int(UInt16.max) else {
      throw .unreadableResource(source.path, reason: "\(words.count) distinct words do not fit 16-bit ids")
    }
    // Renumber the words in sorted order.
    let order = words.indices.sorted { words[$0].lexicographicallyPrecedes(words[$1]) }
    var rank = [UInt16](repeating: 0, count: words.count)
    for (position, id) in order.enumerated() { rank[id] = UInt16(position) }
    var compact: [UInt16] = []
    compact.reserveCapacity(entries.count)
    var i = 0
    while i < entries.count {
      let header = entries[i]
      let length = Int(header >> 8) + Int(header & 0xFF)
      compact.append(UInt16(header))
      for id in entries[(i + 1)...(i + length)] { compact.append(rank[Int(id)]) }
      i += 1 + length
    }
    return ParaphraseIndex(
      words: order.map { String(decoding: words[$0], as: UTF8.self) },
      entries: compact, entryCount: entryCount)
  }

  private init(words: [String], entries: [UInt16], entryCount: Int) {
    self.words = words
    self.entries = entries
    self.entryCount = entryCount
  }

  /// Decodes a serialized index; `nil` if it is damaged or was built from another source.
  private init?(data: Data, sourceSize: Int) {
    var reader = ByteReader(data: data)
    guard reader.bytes(Self.magic.count) == Self.magic, let size = reader.integer(UInt64.self), Int(size) == sourceSize,
      let wordCount = reader.integer(UInt32.self), let entryCount = reader.integer(UInt32.self),
      let offsets = reader.integers(UInt32.self, count: Int(wordCount) + 1), let last = offsets.last,
      let bytes = reader.bytes(Int(last)), let entries = reader.integers(UInt16.self, count: reader.remaining / 2),
      reader.remaining == 0
    else { return nil }
    words = (0..<Int(wordCount)).map { String(decoding: bytes[Int(offsets[$0])..<Int(offsets[$0 + 1])], as: UTF8.self) }
    self.entries = entries
    self.entryCount = Int(entryCount)
  }

  func serialized(sourceSize: Int) -> Data {
    var data = Data(Self.magic)
    func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    append(UInt64(sourceSize))
    append(UInt32(words.count))
    append(UInt32(entryCount))
    var offset: UInt32 = 0
    append(offset)
    for word in words {
      offset += UInt32(word.utf8.count)
      append(offset)
    }
    for word in words { data.append(contentsOf: word.utf8) }
    entries.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
    return data
  }
}

/// Little-endian reading from `Data`, failing softly at the end.
private struct ByteReader {
  let data: Data
  var position = 0

  var remaining: Int { data.count - position }

  mutating func bytes(_ count: Int) -> [UInt8]? {
    guard count >= 0, remaining >= count else { return nil }
    defer { position += count }
    return [UInt8](data[data.startIndex + position..<data.startIndex + position + count])
  }

  mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
    integers(type, count: 1)?.first
  }

  mutating func integers<T: FixedWidthInteger>(_ type: T.Type, count: Int) -> [T]? {
    let size = MemoryLayout<T>.size
    guard count >= 0, remaining >= count * size else { return nil }
    var values = [T](repeating: 0, count: count)
    values.withUnsafeMutableBytes { target in
      data.copyBytes(to: target, from: data.startIndex + position..<data.startIndex + position + count * size)
    }
    position += count * size
    #if _endian(big)
      return values.map { T(littleEndian: $0) }
    #else
      return values
    #endif
  }
}
