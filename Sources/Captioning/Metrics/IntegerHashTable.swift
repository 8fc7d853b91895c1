/// An open-addressing hash table from 64-bit keys to non-negative 32-bit values, with a
/// multiplicative hash: Swift's `Dictionary` hashes every key with SipHash, which dominated
/// the n-gram metrics' time. Each slot holds its key and value side by side, so a lookup in
/// a table larger than the cache costs one cache miss.
struct IntegerHashTable {
  private struct Slot {
    var key: UInt64
    /// −1 for an empty slot.
    var value: Int32
  }

  private var slots: [Slot]
  private(set) var count = 0
  private var shift: UInt64

  init() {
    slots = [Slot](repeating: Slot(key: 0, value: -1), count: 1024)
    shift = 64 - 10
  }

  private func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The value for `key`, if any.
  ///
  /// - Complexity: O(1) expected (linear probing, load factor at most ½).
  func value(for key: UInt64) -> Int32? {
    slots.withUnsafeBufferPointer { slots in
      var i = slot(key)
      let mask = slots.count - 1
      while slots[i].value >= 0 {
        if slots[i].key == key { return slots[i].value }
        i = (i + 1) & mask
      }
      return nil
    }
  }

  /// The value for `key`, inserting `make()` (non-negative) first if absent.
  mutating func value(for key: UInt64, orInsert make: () -> Int32) -> Int32 {
    var i = slot(key)
    let mask = slots.count - 1
    while slots[i].value >= 0 {
      if slots[i].key == key { return slots[i].value }
      i = (i + 1) & mask
    }
    let value = make()
    precondition(value >= 0, "IntegerHashTable values are non-negative")
    slots[i] = Slot(key: key, value: value)
    count += 1
    if count * 2 > slots.count { grow() }
    return value
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(key: 0, value: -1), count: old.count * 2)
    shift -= 1
    let mask = slots.count - 1
    for entry in old where entry.value >= 0 {
      var i = slot(entry.key)
      while slots[i].value >= 0 { i = (i + 1) & mask }
      slots[i] = entry
    }
  }
}
