/// The element types a checkpoint may store, with their byte widths and conversion to
/// `Float`.
///
/// Names follow safetensors (`"F32"`, `"BF16"`, …); PyTorch's typed storages
/// (`torch.FloatStorage`, …) map onto the same cases. All data are little-endian.
public enum StorageType: String, Sendable, CaseIterable {
  case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64"
  case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

  /// Bytes per element.
  public var byteWidth: Int {
    switch self {
    case .f64, .i64: 8
    case .f32, .i32: 4
    case .f16, .bf16, .i16: 2
    case .i8, .u8, .bool: 1
    }
  }

  /// The type of a PyTorch typed storage class such as `FloatStorage` (module `torch`).
  init?(torchStorage name: String) {
    let types: [String: StorageType] = [
      "FloatStorage": .f32, "HalfStorage": .f16, "BFloat16Storage": .bf16, "DoubleStorage": .f64,
      "LongStorage": .i64, "IntStorage": .i32, "ShortStorage": .i16, "CharStorage": .i8,
      "ByteStorage": .u8, "BoolStorage": .bool,
    ]
    guard let type = types[name] else { return nil }
    self = type
  }

  /// Converts `count` elements starting at element `first` of `bytes` to `Float` (`F32` on
  /// a little-endian host is one copy).
  ///
  /// The caller guarantees `(first + count) · byteWidth <= bytes.count`. Integers beyond
  /// 2²⁴ round to the nearest `Float`, as `tensor.float()` does in PyTorch.
  func floats(_ bytes: UnsafeRawBufferPointer, first: Int, count: Int) -> [Float] {
    let base = first * byteWidth
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = count
      if self == .f32, UInt32(1).littleEndian == 1 {
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[base..<(base + 4 * count)]))
        return
      }
      for i in 0..<count {
        let at = base + i * byteWidth
        buffer[i] =
          switch self {
          case .f32: Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
          case .f16: Float(Float16(bitPattern: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self))))
          case .bf16:
            Float(bitPattern: UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self))) << 16)
          case .f64: Float(Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))))
          case .i64: Float(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self)))
          case .i32: Float(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self)))
          case .i16: Float(Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int16.self)))
          case .i8: Float(Int8(bitPattern: bytes[at]))
          case .u8: Float(bytes[at])
          case .bool: bytes[at] == 0 ? 0 : 1
          }
      }
    }
  }
}
