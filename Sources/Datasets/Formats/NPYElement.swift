/// The `.npy` element types Reprise reads, each converted to `Float`.
enum NPYElement: String, CaseIterable {
  case float32 = "<f4"
  case float64 = "<f8"
  case float16 = "<f2"
  case int64 = "<i8"
  case int32 = "<i4"
  case uint8 = "|u1"

  /// Bytes per element.
  var size: Int {
    switch self {
    case .float64, .int64: 8
    case .float32, .int32: 4
    case .float16: 2
    case .uint8: 1
    }
  }

  /// The type of a `descr` string; numpy also writes single-byte types with `<` or `=`.
  init?(descr: String) {
    let normalised = descr == "<u1" || descr == "=u1" || descr == "u1" ? "|u1" : descr
    self.init(rawValue: normalised)
  }

  /// Converts `count` little-endian elements at the start of `bytes` to `Float` (integers
  /// and `float64` rounded to nearest, as numpy's `astype(np.float32)`).
  func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Float] {
    func load<T: FixedWidthInteger>(_: T.Type, _ i: Int) -> T {
      T(littleEndian: bytes.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
    }
    switch self {
    case .float32: return (0..<count).map { Float(bitPattern: load(UInt32.self, $0)) }
    case .float64: return (0..<count).map { Float(Double(bitPattern: load(UInt64.self, $0))) }
    case .float16: return (0..<count).map { Self.halfToFloat(load(UInt16.self, $0)) }
    case .int64: return (0..<count).map { Float(load(Int64.self, $0)) }
    case .int32: return (0..<count).map { Float(load(Int32.self, $0)) }
    case .uint8: return (0..<count).map { Float(bytes[$0]) }
    }
  }

  /// IEEE 754 binary16 → binary32 (exact: every half value is a float).
  static func halfToFloat(_ bits: UInt16) -> Float {
    let sign: Float = bits & 0x8000 == 0 ? 1 : -1
    let exponent = Int((bits >> 10) & 0x1F)
    let fraction = Float(bits & 0x3FF)
    switch exponent {
    case 0: return sign * fraction * 0x1p-24
    case 31: return fraction == 0 ? sign * .infinity : .nan
    default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
    }
  }
}
