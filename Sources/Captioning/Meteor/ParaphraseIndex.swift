import Foundation

/// A compact binary form of METEOR's paraphrase table (`data/paraphrase-en.gz`), built once
/// and reused: parsing the 272 MB text of 5.3 million entries takes seconds, reading the
/// index takes milliseconds.
///
/// The gzip file holds line triples: a probability, then phrase 1, then phrase 2
/// (`edu/cmu/meteor/aligner/ParaphraseTransducer.<init>`); phrase 1 → phrase 2 is one entry.
/// The index stores words as ids into a sorted word list and groups the entries by the
/// first word of phrase 1, in file order within a group (the order of the phrase 2s of one
/// phrase 1 decides ties in the alignment search; nothing depends on the order across
/// phrase 1s), so that an evaluation reads only the groups of its own words:
///
/// ```
/// "RPXPARA4"  UInt64 source size  UInt64 source checksum  UInt32 word count W  UInt32 entry count E
/// UInt32 × (W+1) word offsets   UInt8 × … word bytes (UTF-8, sorted), zero-padded to 4n
/// UInt32 × (W+1) group offsets (in UInt16 units from the first entry)
/// UInt16 × …  per entry: (|phrase 1| << 8 | |phrase 2|), phrase 1 ids, phrase 2 ids
/// ```
/// All integers little-endian. The probability is not kept: METEOR ignores it.
struct ParaphraseIndex: Sendable {
  static let magic = Array("RPXPARA4".utf8)

  /// The serialized index (memory-mapped when read from a file), used in place.
  private let data: Data
  let wordCount: Int
  let entryCount: Int
  /// Byte offsets in `data` of the word offsets, the word bytes, the group offsets and the
  /// entries.
  private let wordOffsetsStart: Int
  private let wordBytesStart: Int
  private let groupOffsetsStart: Int
  private let entriesStart: Int

  /// The id of `word` (its rank in the sorted word list), if the table has it.
  ///
  /// - Complexity: a binary search, O(log W) comparisons.
  func id(of word: [UInt8]) -> Int? {
    data.withUnsafeBytes { raw in
      func offset(_ i: Int) -> Int { Self.integer(UInt32.self, raw, wordOffsetsStart, i) }
      var low = 0
      var high = wordCount
      while low < high {
        let middle = (low + high) / 2
        let stored = UnsafeRawBufferPointer(rebasing: raw[(wordBytesStart + offset(middle))..<(wordBytesStart + offset(middle + 1))])
        if stored.elementsEqual(word) { return middle }
        if stored.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle }
      }
      return nil
    }
  }

  /// Calls `body` with the phrases (word ids) of the entries whose words `keep` all marks
  /// (indexed by word id) and whose adjacent words within a phrase `adjacent` accepts: the
  /// groups in word-id order, each in file order. The arrays are reused between calls.
  func forEachEntry(
    where keep: [Bool], adjacent: (Int, Int) -> Bool, _ body: (_ phrase1: [Int], _ phrase2: [Int]) -> Void
  ) {
    var phrase1: [Int] = []
    var phrase2: [Int] = []
    data.withUnsafeBytes { raw in
      func value(_ i: Int) -> Int { Self.integer(UInt16.self, raw, entriesStart, i) }
      for first in keep.indices where keep[first] {
        var i = Self.integer(UInt32.self, raw, groupOffsetsStart, first)
        let groupEnd = Self.integer(UInt32.self, raw, groupOffsetsStart, first + 1)
        while i < groupEnd {
          let header = value(i)
          let start2 = i + 1 + header >> 8
          let end = start2 + header & 0xFF
          var kept = true
          var j = i + 2  // phrase 1's first word is `first`
          while kept && j < end {
            let word = value(j)
            kept = keep[word] && (j == start2 || adjacent(value(j - 1), word))
            j += 1
          }
          if kept {
            phrase1.removeAll(keepingCapacity: true)
            phrase2.removeAll(keepingCapacity: true)
            for j in i + 1..<start2 { phrase1.append(value(j)) }
            for j in start2..<end { phrase2.append(value(j)) }
            body(phrase1, phrase2)
          }
          i = end
        }
      }
    }
  }

  /// Element `i` of the little-endian `T` array at byte `start` of `raw`.
  private static func integer<T: FixedWidthInteger>(_: T.Type, _ raw: UnsafeRawBufferPointer, _ start: Int, _ i: Int) -> Int {
    Int(T(littleEndian: raw.loadUnaligned(fromByteOffset: start + MemoryLayout<T>.size * i, as: T.self)))
  }

  /// Reads `indexURL` if it was built from `source` as it is now (same `SourceStamp`), else
  /// builds the index from `source` and writes it there (best effort: an unwritable location
  /// only costs the rebuild next time).
  static func load(source: URL, indexURL: URL) throws(CaptionMetricsError) -> ParaphraseIndex {
    guard let stamp = SourceStamp(of: source) else { throw .unreadableResource(source.path, reason: "cannot be read") }
    if let index = mapped(indexURL, stamp: stamp) { return index }
    let index = try build(from: source, stamp: stamp)
    try? FileManager.default.createDirectory(at: indexURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = indexURL.appendingPathExtension("partial-\(ProcessInfo.processInfo.processIdentifier)")
    if (try? index.data.write(to: temporary)) != nil {
      // Rename into place (atomic), replacing a stale index.
      if rename(temporary.path, indexURL.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
    return index
  }

  /// The index at `indexURL` if it is in this format and was built from `source` as it is now.
  static func existing(source: URL, indexURL: URL) -> ParaphraseIndex? {
    SourceStamp(of: source).flatMap { mapped(indexURL, stamp: $0) }
  }

  /// The index at `indexURL`, memory-mapped, if it is in this format and carries `stamp`.
  private static func mapped(_ indexURL: URL, stamp: SourceStamp) -> ParaphraseIndex? {
    guard let data = try? Data(contentsOf: indexURL, options: .alwaysMapped) else { return nil }
    return ParaphraseIndex(data: data, stamp: stamp)
  }

  /// Parses the gzip table, whose `stamp` the index records.
  ///
  /// - Complexity: one pass over the inflated text.
  static func build(from source: URL, stamp: SourceStamp) throws(CaptionMetricsError) -> ParaphraseIndex {
    var words = ByteStringIndex()
    var entries: [UInt32] = []  // provisional ids, header as (length1 << 8 | length2)
    var entryCount = 0
    var pending: [UInt8] = []
    var lineNumber = 0
    var phrase1: [UInt32] = []
    var phrase2: [UInt32] = []
    var failure: CaptionMetricsError?

    func isDelimiter(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C }
    /// The word ids of `line`, split at spaces, tabs, CR and FF.
    func ids(of line: UnsafeBufferPointer<UInt8>, into ids: inout [UInt32]) {
      ids.removeAll(keepingCapacity: true)
      var start = 0
      for end in 0...line.count where end == line.count || isDelimiter(line[end]) {
        if end > start { ids.append(UInt32(words.insert(UnsafeBufferPointer(rebasing: line[start..<end])).id)) }
        start = end + 1
      }
    }
    func line(_ bytes: UnsafeBufferPointer<UInt8>) {
      switch lineNumber % 3 {
      case 1:
        ids(of: bytes, into: &phrase1)
      case 2:
        ids(of: bytes, into: &phrase2)
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
      var start = 0
      for i in chunk.indices where chunk[i] == 0x0A {
        if pending.isEmpty {
          line(UnsafeBufferPointer(rebasing: chunk[start..<i]))
        } else {
          pending += chunk[start..<i]
          pending.withUnsafeBufferPointer(line)
          pending.removeAll(keepingCapacity: true)
        }
        start = i + 1
      }
      pending += chunk[start...]
    }
    if !pending.isEmpty { pending.withUnsafeBufferPointer(line) }
    if let failure { throw failure }
    guard words.count < Int(UInt16.max) else {
      throw .unreadableResource(source.path, reason: "\(words.count) distinct words do not fit 16-bit ids")
    }
    // Renumber the words in sorted order, then group the entries by phrase 1's first word
    // (a counting sort, stable). An entry with an empty phrase 1 is left out: the trie
    // would attach it to its root, which no lookup reports.
    let order = (0..<words.count).sorted { words.bytes(Int32($0)).lexicographicallyPrecedes(words.bytes(Int32($1))) }
    var rank = [Int](repeating: 0, count: words.count)
    for (position, id) in order.enumerated() { rank[id] = position }
    var groupOffsets = [Int](repeating: 0, count: words.count + 1)
    var i = 0
    while i < entries.count {
      let length = Int(entries[i] >> 8) + Int(entries[i] & 0xFF)
      if entries[i] >> 8 > 0 { groupOffsets[rank[Int(entries[i + 1])] + 1] += 1 + length } else { entryCount -= 1 }
      i += 1 + length
    }
    for w in 0..<words.count { groupOffsets[w + 1] += groupOffsets[w] }
    var grouped = [UInt16](repeating: 0, count: groupOffsets[words.count])
    var next = groupOffsets
    i = 0
    while i < entries.count {
      let length = Int(entries[i] >> 8) + Int(entries[i] & 0xFF)
      if entries[i] >> 8 > 0 {
        let group = rank[Int(entries[i + 1])]
        grouped[next[group]] = UInt16(entries[i])
        for j in 1...length { grouped[next[group] + j] = UInt16(rank[Int(entries[i + j])]) }
        next[group] += 1 + length
      }
      i += 1 + length
    }
    let data = serialized(
      stamp: stamp, words: order.map { Array(words.bytes(Int32($0))) }, groupOffsets: groupOffsets, entries: grouped,
      entryCount: entryCount)
    guard let index = ParaphraseIndex(data: data, stamp: stamp) else {
      throw .unreadableResource(source.path, reason: "the paraphrase index built from it is inconsistent")
    }
    return index
  }

  /// Checks a serialized index; `nil` if it is damaged or was built from another source.
  private init?(data: Data, stamp: SourceStamp) {
    var reader = ByteReader(data: data)
    guard reader.bytes(Self.magic.count) == Self.magic, let size = reader.integer(UInt64.self),
      let checksum = reader.integer(UInt64.self), SourceStamp(size: size, checksum: checksum) == stamp,
      let wordCount = reader.integer(UInt32.self), let entryCount = reader.integer(UInt32.self)
    else { return nil }
    wordOffsetsStart = reader.position
    guard reader.skip(4 * Int(wordCount)), let wordBytes = reader.integer(UInt32.self) else { return nil }
    wordBytesStart = reader.position
    guard reader.skip(Self.padded(Int(wordBytes))) else { return nil }
    groupOffsetsStart = reader.position
    guard reader.skip(4 * Int(wordCount)), let entryUnits = reader.integer(UInt32.self) else { return nil }
    entriesStart = reader.position
    guard reader.remaining == 2 * Int(entryUnits) else { return nil }
    self.data = data
    self.wordCount = Int(wordCount)
    self.entryCount = Int(entryCount)
  }

  /// `count` rounded up to a multiple of 4.
  private static func padded(_ count: Int) -> Int { (count + 3) / 4 * 4 }

  /// The index file's bytes (layout above).
  private static func serialized(
    stamp: SourceStamp, words: [[UInt8]], groupOffsets: [Int], entries: [UInt16], entryCount: Int
  ) -> Data {
    var data = Data(Self.magic)
    func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    append(stamp.size)
    append(stamp.checksum)
    append(UInt32(words.count))
    append(UInt32(entryCount))
    var offset: UInt32 = 0
    append(offset)
    for word in words {
      offset += UInt32(word.count)
      append(offset)
    }
    for word in words { data.append(contentsOf: word) }
    data.append(contentsOf: [UInt8](repeating: 0, count: padded(Int(offset)) - Int(offset)))
    for groupOffset in groupOffsets { append(UInt32(groupOffset)) }
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
    guard remaining >= MemoryLayout<T>.size else { return nil }
    defer { position += MemoryLayout<T>.size }
    return data.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: T.self)) }
  }

  /// Moves `count` bytes on; `false` (not moving) if fewer remain.
  mutating func skip(_ count: Int) -> Bool {
    guard count >= 0, remaining >= count else { return false }
    position += count
    return true
  }
}
