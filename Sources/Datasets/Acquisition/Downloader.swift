import Crypto
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads one pinned file over HTTP(S) into the store, checking its SHA-256 before it
/// gets its final name.
enum Downloader {
  /// Fetches `url` into `destination` (atomically, through the store's staging folder).
  ///
  /// - Throws: `DatasetError.acquisitionFailed` naming the URL if the request fails or
  ///   times out, `.checksumMismatch` if the bytes differ from `file.sha256`.
  static func download(
    _ file: DataFile, from url: String, to destination: URL, dataset: String, store: DataStore,
    timeout: Double
  ) throws(DatasetError) {
    guard let remote = URL(string: url), ["http", "https"].contains(remote.scheme ?? "") else {
      throw .acquisitionFailed(
        dataset: dataset, what: file.path, reason: "'\(url)' is not an http(s) URL", command: nil)
    }
    let data = try fetch(remote, timeout: timeout, dataset: dataset, path: file.path)
    let digest = DatasetFingerprint.hex(SHA256.hash(data: data))
    guard digest == file.sha256 else {
      throw .checksumMismatch(dataset: dataset, path: url, expected: file.sha256, actual: digest)
    }
    let staging = try store.stagingFolder()
    defer { try? FileManager.default.removeItem(at: staging) }
    let staged = staging.appendingPathComponent(destination.lastPathComponent)
    do {
      try data.write(to: staged)
    } catch {
      throw .unreadable(path: staged.path, reason: error.localizedDescription)
    }
    try store.install(staged, at: destination)
  }

  /// The body of a successful (2xx) GET.
  static func fetch(_ url: URL, timeout: Double, dataset: String, path: String)
    throws(DatasetError) -> Data
  {
    final class Box: @unchecked Sendable {
      var result: Result<Data, DatasetError>?
    }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    var request = URLRequest(url: url)
    request.timeoutInterval = timeout
    let failure = { @Sendable (reason: String) -> DatasetError in
      .acquisitionFailed(
        dataset: dataset, what: "\(path) from \(url.absoluteString)", reason: reason, command: nil)
    }
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      defer { done.signal() }
      if let error {
        box.result = .failure(failure(error.localizedDescription))
      } else if let status = (response as? HTTPURLResponse)?.statusCode, !(200..<300).contains(status)
      {
        box.result = .failure(failure("HTTP status \(status)"))
      } else {
        box.result = .success(data ?? Data())
      }
    }
    task.resume()
    guard done.wait(timeout: .now() + timeout + 5) == .success, let result = box.result else {
      task.cancel()
      throw failure("no answer within \(Int(timeout)) s")
    }
    return try result.get()
  }
}
