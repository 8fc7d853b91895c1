import Crypto
import Foundation

/// A binary file a block produced (e.g. a feature matrix as `.npy`), too large for
/// `result.json`: the result records this reference, the bytes live in the `ArtifactStore`.
public struct Artifact: Sendable, Codable, Equatable {
  /// SHA-256 (hex) of the file's bytes: its address in the store.
  public var sha256: String
  /// Size in bytes.
  public var bytes: Int
  /// File extension without the dot, e.g. `npy`.
  public var fileExtension: String

  /// A reference to stored bytes.
  public init(sha256: String, bytes: Int, fileExtension: String) {
    self.sha256 = sha256
    self.bytes = bytes
    self.fileExtension = fileExtension
  }
}

/// Content-addressed files beside the result cache: `<cache>/artifacts/<sha[0..<2]>/<sha>.<ext>`.
///
/// How blocks pass large data downstream: a kind stores the bytes here during `run` and
/// puts the returned `Artifact` into `BlockResult.artifacts` under a name (`features`,
/// `sidecar`); a downstream kind finds the upstream result in `RunContext.upstream` and
/// reads the artifact, verified against its SHA-256. A cache hit whose artifacts are gone
/// counts as a corrupt entry and is recomputed (`ResultCache.lookup`). Identical bytes are
/// stored once; `reprise clean --cache` removes them with the cache.
public struct ArtifactStore: Sendable {
  /// The store's folder.
  public let root: URL

  /// A store rooted at `root` (created on first write).
  public init(root: URL) { self.root = root }

  /// Where an artifact's bytes are.
  public func url(of artifact: Artifact) -> URL {
    root.appendingPathComponent(String(artifact.sha256.prefix(2)))
      .appendingPathComponent("\(artifact.sha256).\(artifact.fileExtension)")
  }

  /// Stores `data` (atomically: written to a temporary name, then renamed) unless the same
  /// bytes are already there.
  public func store(_ data: Data, fileExtension: String) throws -> Artifact {
    let artifact = Artifact(
      sha256: ResultCache.sha256(data), bytes: data.count, fileExtension: fileExtension)
    if contains(artifact) { return artifact }
    let destination = url(of: artifact)
    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: destination, options: .atomic)
    return artifact
  }

  /// Whether the artifact's file exists with its recorded size.
  public func contains(_ artifact: Artifact) -> Bool {
    let size = (try? FileManager.default.attributesOfItem(atPath: url(of: artifact).path))?[.size] as? Int
    return size == artifact.bytes
  }

  /// The artifact's bytes, checked against its SHA-256.
  ///
  /// - Throws: ``ReportError`` (a computation error) if the file is missing or altered.
  public func read(_ artifact: Artifact) throws -> Data {
    let location = url(of: artifact)
    guard let data = try? Data(contentsOf: location), ResultCache.sha256(data) == artifact.sha256 else {
      throw ReportError(.computation, at: nil, "artifact \(location.path) is missing or altered; re-render with --refresh on the block that made it")
    }
    return data
  }
}

extension ResultCache {
  /// The artifacts of this cache's results.
  public var artifacts: ArtifactStore { ArtifactStore(root: root.appendingPathComponent("artifacts")) }
}
