import Crypto
import Foundation

/// The content address of a block's result.
///
/// SHA-256 over a canonical JSON document (sorted keys, no whitespace) holding exactly what
/// determines the numbers: the kind and its revision, the Reprise version, the parameters with
/// defaults filled in (presentation keys — `caption`, `show`, `width`, `error` — and the label
/// are not parameters), the keys of the upstream blocks, the fingerprints of the datasets read,
/// and the BLAS thread count for kinds whose sums depend on it.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
  public let hex: String

  struct Material: Encodable {
    var format = 1
    var reprise: String
    var kind: String
    var revision: Int
    var parameters: [String: ParameterValue]
    var upstream: [String: String]
    var data: [String: String]
    var blasThreads: Int?
  }

  /// - Parameters:
  ///   - upstream: the cache keys of the blocks this block reads, by label.
  ///   - data: the fingerprints of the datasets it reads, by id.
  ///   - blasThreads: the BLAS thread count, for kinds with `usesBLAS`.
  public init(spec: BlockSpec, kind: any Computation.Type, upstream: [String: CacheKey], data: [String: String],
              blasThreads: Int?) {
    let material = Material(
      reprise: RepriseVersion.string, kind: kind.name, revision: kind.revision, parameters: spec.parameters,
      upstream: upstream.mapValues(\.hex), data: data, blasThreads: kind.usesBLAS ? blasThreads : nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let bytes = (try? encoder.encode(material)) ?? Data()
    hex = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }

  public var description: String { String(hex.prefix(12)) }
}

/// The version that enters every cache key; bump with releases that change numbers globally.
public enum RepriseVersion {
  public static let string = "0.1.0"
}
