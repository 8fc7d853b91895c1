/// Vector loads, stores and the ReLU6 clamp for channels-last inference loops, where a run of
/// consecutive channels of one pixel is contiguous.
enum ChannelVectors {
  /// `V.scalarCount` floats from `p` (any alignment).
  @inline(__always)
  static func load<V: SIMD>(_ p: UnsafePointer<Float>, as _: V.Type = V.self) -> V where V.Scalar == Float {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
  }

  /// Writes `v` to `p` (any alignment).
  @inline(__always)
  static func store<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<Float>) where V.Scalar == Float {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
  }

  /// `min(max(v, 0), 6)` lane-wise (`torch.nn.ReLU6`).
  @inline(__always)
  static func relu6<V: SIMD>(_ v: V) -> V where V.Scalar == Float {
    var v = v
    v.replace(with: 0, where: v .< 0)
    v.replace(with: 6, where: v .> 6)
    return v
  }

  /// `min(max(v, 0), 6)`.
  @inline(__always)
  static func relu6(_ v: Float) -> Float { min(max(v, 0), 6) }
}
