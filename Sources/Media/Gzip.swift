import CZLibrary

/// gzip decompression through zlib's `inflate`.
enum Gzip {
  /// Whether `bytes` starts with the gzip magic number `1f 8b` (RFC 1952 §2.3.1).
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// Inflates a gzip stream (one or more concatenated members) with `windowBits = 15 + 32`,
  /// which makes zlib detect and check the gzip header and CRC-32 trailer.
  ///
  /// - Parameters:
  ///   - bytes: a complete gzip file.
  ///   - file: the name used in error messages.
  /// - Returns: the decompressed bytes.
  /// - Throws: `MediaError.corruptGzip` if the stream is damaged or truncated.
  /// - Complexity: O(compressed + decompressed size).
  static func decompress(_ bytes: [UInt8], file: String) throws(MediaError) -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .corruptGzip(file: file, reason: "zlib could not start inflating") }
    defer { inflateEnd(&stream) }

    let chunk = 1 << 20
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: chunk)
    let status: Int32 = bytes.withUnsafeBufferPointer { source in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)  // zlib only reads it
      stream.avail_in = UInt32(source.count)
      while true {
        let code = buffer.withUnsafeMutableBufferPointer { target in
          stream.next_out = target.baseAddress
          stream.avail_out = UInt32(chunk)
          return inflate(&stream, Z_NO_FLUSH)
        }
        output += buffer[0..<(chunk - Int(stream.avail_out))]
        switch code {
        case Z_OK:
          continue
        case Z_STREAM_END where stream.avail_in > 0:
          guard inflateReset(&stream) == Z_OK else { return Z_STREAM_ERROR }
        case Z_BUF_ERROR where stream.avail_in == 0:
          return Z_BUF_ERROR
        default:
          return code
        }
      }
    }
    switch status {
    case Z_STREAM_END:
      return output
    case Z_BUF_ERROR:
      throw .corruptGzip(file: file, reason: "truncated: the stream ends early")
    default:
      let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
      throw .corruptGzip(file: file, reason: message)
    }
  }
}
