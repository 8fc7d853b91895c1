import Datasets

/// A block kind: a pure function from a validated spec and its declared inputs to a result.
///
/// To add a kind: declare its parameters (with ranges), name its outputs, implement `run`, and
/// register it in ``Registry/standard``. Bump `revision` whenever the numbers it produces
/// would change for the same spec; that invalidates its cache entries.
public protocol Computation: Sendable {
  /// The value of `run:`.
  static var name: String { get }
  /// One line for `reprise list blocks`.
  static var summary: String { get }
  /// Part of the cache key: bump when results change for the same parameters.
  static var revision: Int { get }
  /// Accepted keys besides the common ones (`run`, `caption`, `show`, `width`, `error`).
  static var parameters: [Parameter] { get }
  /// Names of the outputs `run` produces, for `show:`.
  static var outputs: [String] { get }
  /// The outputs shown when `show:` is absent, given the label's type prefix (`fig-`, `tbl-`, `val-`, or none).
  static func defaultShow(labelPrefix: String?) -> [String]
  /// Whether results depend on the BLAS thread count (summation order); then it enters the key.
  static var usesBLAS: Bool { get }
  /// Data-dependent checks that are cheap next to `run` (scikit-learn's split between
  /// declarative parameter validation and checks against the data). Runs before `run` on a
  /// cache miss; a block failing here is reported without being executed.
  static func check(_ spec: BlockSpec, in context: RunContext) throws
  /// Runs the computation. Throw ``ReportError`` with the offending key's location for
  /// data-dependent problems.
  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult
}

extension Computation {
  public static func check(_ spec: BlockSpec, in context: RunContext) throws {}
}

/// Everything a computation may read besides its spec.
public struct RunContext: Sendable {
  public var catalog: Catalog
  /// Results of the blocks named by the spec's `.blocks` parameters, by label.
  public var upstream: [String: BlockResult]
  /// Step progress for long computations.
  public var progress: StepProgress
  /// Where large binary outputs go (``BlockResult/artifacts``); `nil` when there is no cache.
  public var artifacts: ArtifactStore? = nil
}

/// The block kinds a render knows.
public struct Registry: Sendable {
  public let kinds: [any Computation.Type]

  public static let standard = Registry(kinds: [
    DatasetCardKind.self, PrototypeKind.self, SummaryKind.self, CaptionEvalKind.self,
    FeaturesKind.self,
  ])

  public var names: [String] { kinds.map { $0.name } }

  public func kind(named name: String) -> (any Computation.Type)? {
    kinds.first { $0.name == name }
  }
}

/// Common parameter declarations shared by kinds.
enum CommonParameters {
  static func dataset(_ help: String = "dataset id from the catalog or the front matter") -> Parameter {
    Parameter("dataset", .string(choices: nil), role: .dataset, help: help)
  }

  static func seed(default value: Int = 0) -> Parameter {
    Parameter("seed", .int(0...Int(Int32.max)), default: .int(value), help: "seed of every random choice")
  }
}
