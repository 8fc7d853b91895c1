import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A minimal HTTP/1.0 file server on 127.0.0.1 (an ephemeral port) for download tests:
/// `GET /a/b` answers the file `root/a/b` with 200, anything else 404. It serves one
/// request at a time on a background thread until `stop()`; it never listens beyond the
/// loopback address.
public final class LocalHTTPServer: @unchecked Sendable {
  /// The folder served.
  public let root: URL
  /// The port it listens on.
  public let port: UInt16
  /// `http://127.0.0.1:<port>`.
  public var base: String { "http://127.0.0.1:\(port)" }

  private let socketFD: Int32
  private let lock = NSLock()
  private var requests: [String] = []

  /// Paths requested so far, in order.
  public var requestedPaths: [String] { lock.withLock { requests } }

  /// Starts serving `root`.
  public init(root: URL) throws {
    self.root = root
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 8) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    socketFD = fd
    port = UInt16(bigEndian: address.sin_port)
    Thread.detachNewThread { [self] in serve() }
  }

  /// Stops listening (a request in progress finishes).
  public func stop() {
    shutdown(socketFD, Int32(SHUT_RDWR))
    close(socketFD)
  }

  deinit { stop() }

  private func serve() {
    while true {
      let client = accept(socketFD, nil, nil)
      guard client >= 0 else { return }
      handle(client)
      close(client)
    }
  }

  private func handle(_ client: Int32) {
    var buffer = [UInt8](repeating: 0, count: 8192)
    let count = read(client, &buffer, buffer.count)
    guard count > 0 else { return }
    let request = String(decoding: buffer[0..<count], as: UTF8.self)
    let parts = request.split(separator: " ", maxSplits: 2)
    let path = parts.count >= 2 ? String(parts[1]) : "/"
    lock.withLock { requests.append(path) }
    let file = root.appendingPathComponent(String(path.drop { $0 == "/" }))
    let body = parts.first == "GET" ? (try? Data(contentsOf: file)) : nil
    let head =
      body.map { "HTTP/1.0 200 OK\r\nContent-Length: \($0.count)\r\nConnection: close\r\n\r\n" }
      ?? "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    let response = Array(head.utf8) + [UInt8](body ?? Data())
    var sent = 0
    while sent < response.count {
      let n = response[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
      guard n > 0 else { return }
      sent += n
    }
  }
}
