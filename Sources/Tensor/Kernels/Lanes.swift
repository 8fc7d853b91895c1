/// Eight-lane loads and stores for explicitly vectorised element-wise loops (the Adam
/// update), where Swift's auto-vectoriser gives up. The last chunk of a buffer may be
/// shorter: missing lanes load as 0 and are not stored.
enum Lanes {
  /// The lane width.
  static let width = 8

  /// Elements `start..<start + count` (`count ≤ 8`) of `p`, zero-padded to eight lanes.
  @inline(__always)
  static func load(_ p: UnsafePointer<Float>, _ start: Int, _ count: Int) -> SIMD8<Float> {
    if count == width { return UnsafeRawPointer(p + start).loadUnaligned(as: SIMD8<Float>.self) }
    var v = SIMD8<Float>(repeating: 0)
    for j in 0..<count { v[j] = p[start + j] }
    return v
  }

  /// Writes the first `count` lanes of `v` to `p[start...]`.
  @inline(__always)
  static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ start: Int, _ count: Int) {
    if count == width {
      UnsafeMutableRawPointer(p + start).storeBytes(of: v, as: SIMD8<Float>.self)
      return
    }
    for j in 0..<count { p[start + j] = v[j] }
  }
}
