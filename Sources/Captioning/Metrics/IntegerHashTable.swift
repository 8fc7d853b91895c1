/// An open-addressing hash table from 64-bit keys to 32-bit values, with a multiplicative
/// hash: Swift's `Dictionary` hashes every key with SipHash, which dominated the n-gram
/// metrics' time.
struct IntegerHashTable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var occupied: [Bool]
  private(set) var count = 0
  private var shift: UInt64

  init() {
    keys = [UInt64](repeating: 0, count: 1024)
    values = [Int32](repeating: 0, count: 1024)
    occupied = [Bool](repeating: false, count: 1024)
    shift = 64 - 10
  }

  private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The value for `key`, if any.
  func value(for key: UInt64) -> Int32? {
    var i = slot(key)
    let mask = keys.count - 1
    while occupied[i] {
      if keys[i] == key { return values[i] }
      i = (i + 1) & mask
    }
    return nil
  }

  /// The value for `key`, inserting `make()` first if absent.
  mutating func value(for key: UInt64, orInsert make: () -> Int32) -> Int32 {
    var i = slot(key)
    let mask = keys.count - 1
    while occupied[i] {
      if keys[i] == key { return values[i] }
      i = (i + 1) & mask
    }
    let value = make()
    keys[i] = key
    values[i] = value
    occupied[i] = true
    count += 1
    if count * 2 > keys.count { grow() }
    return value
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let oldOccupied = occupied
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int32](repeating: 0, count: oldKeys.count * 2)
    occupied = [Bool](repeating: false, count: oldKeys.count * 2)
    shift -= 1
    let mask = keys.count - 1
    for j in oldKeys.indices where oldOccupied[j] {
      var i = slot(oldKeys[j])
      while occupied[i] { i = (i + 1) & mask }
      keys[i] = oldKeys[j]
      values[i] = oldValues[j]
      occupied[i] = true
    }
  }
}
