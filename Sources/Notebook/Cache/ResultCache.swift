import Crypto
import Foundation

/// Metadata stored beside a cached result.
public struct CacheEntryInfo: Sendable, Codable {
  public var key: String
  public var kind: String
  public var block: String
  /// Seconds the computation took when it ran.
  public var seconds: Double
  public var created: String
}

/// A content-addressed store of block results under `.reprise/cache/`.
///
/// An entry is a folder `<key[0..<2]>/<key>/` holding `result.json`, `info.json` and
/// `manifest.json` (the SHA-256 of the other two). Entries are written into `tmp/` and renamed
/// into place, so a killed render never leaves a partial entry; reads verify the manifest, and a
/// corrupt entry is deleted and reported, so the block is recomputed. Failures are never stored.
public struct ResultCache: Sendable {
  public let root: URL

  /// What a lookup found.
  public enum Lookup: Sendable {
    case hit(BlockResult, CacheEntryInfo)
    case miss
    /// The entry existed but failed verification; it has been removed.
    case corrupt(String)
  }

  public init(root: URL) { self.root = root }

  private static let files = ["result.json", "info.json"]

  func folder(_ key: CacheKey) -> URL {
    root.appendingPathComponent(String(key.hex.prefix(2))).appendingPathComponent(key.hex)
  }

  static func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }

  /// Looks `key` up, verifying checksums.
  public func lookup(_ key: CacheKey) -> Lookup {
    let folder = folder(key)
    let manifestURL = folder.appendingPathComponent("manifest.json")
    guard FileManager.default.fileExists(atPath: manifestURL.path) else { return .miss }
    do {
      let manifest = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: manifestURL))
      var contents: [String: Data] = [:]
      for name in Self.files {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        guard manifest[name] == Self.sha256(data) else {
          throw ReportError(at: nil, "checksum mismatch in \(name)")
        }
        contents[name] = data
      }
      let result = try JSONDecoder().decode(BlockResult.self, from: contents["result.json"] ?? Data())
      if let missing = result.artifacts?.values.first(where: { !artifacts.contains($0) }) {
        throw ReportError(at: nil, "artifact \(missing.sha256.prefix(12)).\(missing.fileExtension) is missing")
      }
      let info = try JSONDecoder().decode(CacheEntryInfo.self, from: contents["info.json"] ?? Data())
      return .hit(result, info)
    } catch {
      try? FileManager.default.removeItem(at: folder)
      return .corrupt("cache entry \(folder.path) is corrupt (\(error)); recomputing")
    }
  }

  /// Stores a successful result atomically.
  public func store(_ result: BlockResult, info: CacheEntryInfo, key: CacheKey) throws {
    let fm = FileManager.default
    let staging = root.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
    try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: staging) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let contents = ["result.json": try encoder.encode(result), "info.json": try encoder.encode(info)]
    var manifest: [String: String] = [:]
    for (name, data) in contents {
      try data.write(to: staging.appendingPathComponent(name))
      manifest[name] = Self.sha256(data)
    }
    try encoder.encode(manifest).write(to: staging.appendingPathComponent("manifest.json"))
    let destination = folder(key)
    try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
    try fm.moveItem(at: staging, to: destination)
  }

  /// Removes staging folders left by killed renders (older than `age` seconds, so a render
  /// sharing this cache is not disturbed).
  public func sweepStaging(olderThan age: TimeInterval = 3600) {
    let fm = FileManager.default
    let tmp = root.appendingPathComponent("tmp")
    let entries = (try? fm.contentsOfDirectory(at: tmp, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
    for entry in entries {
      let modified = (try? entry.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
      if let modified, Date().timeIntervalSince(modified) > age { try? fm.removeItem(at: entry) }
    }
  }
}
