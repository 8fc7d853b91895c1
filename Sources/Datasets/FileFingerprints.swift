import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 of files, cached by file status so unchanged files are not read again.
///
/// A cached hash is reused when the file's path, size, modification time (ns) and inode are
/// those recorded. Like git's "racily clean" rule, an entry is only trusted if the file was
/// last modified more than `racyWindow` before its hash was computed: a file rewritten
/// within the timestamp granularity right after hashing could otherwise keep its status.
/// The cache persists as JSON at `store` (written to a temporary file, then renamed); a
/// missing or unreadable store starts empty. All methods are thread-safe.
public final class FileFingerprints: @unchecked Sendable {
  /// One cached hash and the file status it belongs to.
  struct Entry: Codable, Equatable {
    var status: FileStatus
    var sha256: String
    /// Wall-clock time (ns since 1970) when hashing started.
    var hashedAt: Int64
  }

  /// The persisted form.
  struct Store: Codable {
    var version: Int
    var entries: [String: Entry]
  }

  static let storeVersion = 1
  /// Entries of files modified less than this long (ns) before hashing are re-hashed.
  static let racyWindow: Int64 = 2_000_000_000

  private let store: URL?
  private let lock = NSLock()
  private var entries: [String: Entry]
  private var dirty = false
  private var computations = 0

  /// A cache persisted at `store` (`nil`: in memory only), loading what is there.
  public init(store: URL?) {
    self.store = store
    let saved = store.flatMap { try? Data(contentsOf: $0) }
      .flatMap { try? JSONDecoder().decode(Store.self, from: $0) }
    entries = saved?.version == Self.storeVersion ? saved?.entries ?? [:] : [:]
  }

  /// How many files have been read and hashed (cache misses) by this instance.
  var hashComputations: Int { lock.withLock { computations } }

  /// The SHA-256 (lowercase hex) of the file at `url`, from the cache when its status is
  /// unchanged.
  ///
  /// - Throws: `DatasetError.unreadable` if the file cannot be stat'ed or read.
  /// - Complexity: one `stat` on a hit; reading the whole file on a miss.
  public func sha256(of url: URL) throws(DatasetError) -> String {
    try digest(of: url).sha256
  }

  /// The SHA-256 and the size of the file at `url`, from one `stat` (see `sha256(of:)`).
  func digest(of url: URL) throws(DatasetError) -> (sha256: String, size: Int) {
    try digest(atPath: url.standardizedFileURL.path)
  }

  /// `digest(of:)` for a standardized absolute path.
  func digest(atPath path: String) throws(DatasetError) -> (sha256: String, size: Int) {
    let status = try FileStatus(path: path)
    if let entry = lock.withLock({ entries[path] }), entry.status == status,
      status.modified < entry.hashedAt - Self.racyWindow
    {
      return (entry.sha256, Int(status.size))
    }
    let started = Int64(Date().timeIntervalSince1970 * 1e9)
    let digest = try Self.hashContents(of: URL(fileURLWithPath: path))
    lock.withLock {
      computations += 1
      entries[path] = Entry(status: status, sha256: digest, hashedAt: started)
      dirty = true
    }
    return (digest, Int(status.size))
  }

  /// Writes the cache to `store` if it changed: to a temporary file beside it, then
  /// `rename(2)` over it, so readers never see a partial file.
  public func save() throws {
    guard let store else { return }
    let snapshot: Store? = lock.withLock {
      dirty ? Store(version: Self.storeVersion, entries: entries) : nil
    }
    guard let snapshot else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(snapshot)
    let folder = store.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(
      ".\(store.lastPathComponent).\(UUID().uuidString)")
    try data.write(to: temporary)
    guard rename(temporary.path, store.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw DatasetError.unreadable(path: store.path, reason: "cannot replace the file: \(reason)")
    }
    lock.withLock { dirty = false }
  }

  /// Reads the file in 1 MiB chunks into SHA-256.
  static func hashContents(of url: URL) throws(DatasetError) -> String {
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      var hasher = SHA256()
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
      }
      return DatasetFingerprint.hex(hasher.finalize())
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
  }
}
