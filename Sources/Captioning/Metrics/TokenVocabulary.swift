/// Integer ids for tokens and n-grams, so that the metrics count and compare integers.
///
/// Tokens are told apart by their bytes, as Python compares `str` by code points: Swift's
/// `String` equality would merge canonically equivalent spellings (`é` and `e` + U+0301),
/// which the toolkit treats as different words. N-gram ids form one space for all orders
/// (id = (id of the n-gram without its last token, last token)), so an id identifies an
/// n-gram and its order, like the tuple keys of the toolkit's `precook`.
struct TokenVocabulary {
  private var tokens = ByteStringIndex()
  private var ngramIDs = IntegerHashTable()
  /// The order (1…4) of each n-gram id.
  private(set) var ngramOrders: [UInt8] = []

  /// The id of the token spelled by `bytes[range]` (UTF-8).
  mutating func id(of bytes: [UInt8], _ range: Range<Int>) -> Int32 {
    bytes.withUnsafeBufferPointer { tokens.insert(UnsafeBufferPointer(rebasing: $0[range])).id }
  }

  /// The ids of the tokens of `text` split as Python's `str.split()` splits it.
  mutating func whitespaceTokens(_ text: String) -> [Int32] {
    let bytes = Array(text.utf8)
    return PythonString.whitespaceFields(bytes).map { id(of: bytes, $0) }
  }

  /// The ids of the tokens of `text` split as Python's `str.split(" ")` splits it.
  mutating func spaceTokens(_ text: String) -> [Int32] {
    let bytes = Array(text.utf8)
    var ids: [Int32] = []
    var start = 0
    for i in bytes.indices where bytes[i] == 0x20 {
      ids.append(id(of: bytes, start..<i))
      start = i + 1
    }
    ids.append(id(of: bytes, start..<bytes.count))
    return ids
  }

  /// The id of the n-gram `prefix` + `token` (`prefix` −1 for a unigram).
  mutating func ngram(_ prefix: Int32, _ token: Int32, order: Int) -> Int32 {
    let key = UInt64(UInt32(bitPattern: prefix)) << 32 | UInt64(UInt32(bitPattern: token))
    return ngramIDs.value(for: key) {
      ngramOrders.append(UInt8(order))
      return Int32(ngramOrders.count - 1)
    }
  }

  /// The n-grams of orders 1…`maxOrder` of `tokens` with their counts, in the order the
  /// toolkit's `precook` first meets them (order 1 left to right, then order 2, …; Python
  /// dictionaries keep insertion order, which fixes the toolkit's summation order).
  mutating func ngramCounts(_ tokens: [Int32], maxOrder: Int) -> NGramCounts {
    var counts = NGramCounts(tokenCount: tokens.count)
    var previous = [Int32](repeating: -1, count: tokens.count)  // the (n−1)-gram at each position
    for order in 1...maxOrder where tokens.count >= order {
      for start in 0...(tokens.count - order) {
        let id = ngram(previous[start], tokens[start + order - 1], order: order)
        previous[start] = id
        counts.add(id, order: order)
      }
    }
    return counts
  }
}

/// The n-grams of one caption with their counts, in first-occurrence order.
struct NGramCounts {
  let tokenCount: Int
  private(set) var ids: [Int32] = []
  private(set) var orders: [Int] = []
  private(set) var counts: [Int] = []

  init(tokenCount: Int) { self.tokenCount = tokenCount }

  /// Counts one more occurrence of `id`. A caption has a few dozen n-grams: a linear search
  /// beats hashing.
  mutating func add(_ id: Int32, order: Int) {
    if let index = ids.lastIndex(of: id) {
      counts[index] += 1
    } else {
      ids.append(id)
      orders.append(order)
      counts.append(1)
    }
  }
}
