import CZLibrary
import Foundation

/// Streaming gzip decompression with zlib, for files too large to inflate in one buffer
/// (METEOR's paraphrase table inflates to 272 MB).
enum GzipStream {
  /// Inflates the gzip file at `url` and passes the output to `consume` in chunks of at most
  /// `chunkSize` bytes, in order.
  ///
  /// - Throws: `CaptionMetricsError.unreadableResource` if the file cannot be read or is not
  ///   a complete gzip stream.
  static func inflate(
    _ url: URL, chunkSize: Int = 1 << 20, _ consume: (UnsafeBufferPointer<UInt8>) -> Void
  ) throws(CaptionMetricsError) {
    let compressed: Data
    do {
      compressed = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .unreadableResource(url.path, reason: error.localizedDescription)
    }
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .unreadableResource(url.path, reason: "zlib could not start inflating")
    }
    defer { inflateEnd(&stream) }
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    let status: Int32 = compressed.withUnsafeBytes { (source: UnsafeRawBufferPointer) -> Int32 in
      stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: UInt8.self).baseAddress)
      stream.avail_in = UInt32(source.count)
      while true {
        let code = buffer.withUnsafeMutableBufferPointer { target -> Int32 in
          stream.next_out = target.baseAddress
          stream.avail_out = UInt32(chunkSize)
          let code = CZLibrary.inflate(&stream, Z_NO_FLUSH)
          consume(UnsafeBufferPointer(rebasing: target[0..<(chunkSize - Int(stream.avail_out))]))
          return code
        }
        if code == Z_OK { continue }
        if code == Z_STREAM_END && stream.avail_in > 0 {
          guard inflateReset(&stream) == Z_OK else { return Z_STREAM_ERROR }
          continue
        }
        return code
      }
    }
    guard status == Z_STREAM_END else {
      throw .unreadableResource(url.path, reason: "damaged or truncated gzip stream (zlib status \(status))")
    }
  }
}
