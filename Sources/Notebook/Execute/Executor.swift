import Datasets
import Foundation
import Models
import Tensor

/// What happened to one block in a render.
public enum BlockOutcome: Sendable {
  case computed(BlockResult, seconds: Double)
  case cached(BlockResult, CacheEntryInfo)
  /// Failed with `error: true`: rendered in place. `ran` is false when the block failed its
  /// checks and was not executed.
  case failed(String, seconds: Double, ran: Bool)

  /// Whether the computation ran in this render.
  public var executed: Bool {
    switch self {
    case .computed: true
    case .cached: false
    case .failed(_, _, let ran): ran
    }
  }

  public var result: BlockResult? {
    switch self {
    case .computed(let r, _), .cached(let r, _): r
    case .failed: nil
    }
  }
}

/// One block's record for the appendix and the summary line.
public struct BlockRecord: Sendable {
  public var spec: BlockSpec
  public var key: CacheKey
  /// Dataset id → fingerprint, for the datasets this block read.
  public var data: [String: String]
  public var outcome: BlockOutcome
}

/// Options that decide what runs.
public struct ExecutionOptions: Sendable {
  /// Never execute: every block must come from the cache.
  public var frozen = false
  /// Labels to re-run, with everything that reads them.
  public var refresh: Set<String> = []
  /// Run only this block and what it reads.
  public var only: String?

  public init(frozen: Bool = false, refresh: Set<String> = [], only: String? = nil) {
    self.frozen = frozen
    self.refresh = refresh
    self.only = only
  }
}

/// Runs a plan: blocks in topological order, cache hits skipped, one block at a time.
///
/// This is the one place that decides "run or reuse"; keep it small so another executor
/// (a cluster scheduler with one job per block) can replace it behind the same inputs.
struct Executor {
  var plan: Plan
  var catalog: Catalog
  var cache: ResultCache
  var registry: Registry
  var options: ExecutionOptions
  var reporter: ProgressReporter

  /// The blocks this render will look at, in execution order.
  func selection() throws(ReportError) -> [Int] {
    guard let only = options.only else { return plan.order }
    guard let spec = plan.specs.first(where: { $0.id == only }) else {
      throw ReportError(at: nil, "--only \(only): no block has this label; labels: \(plan.specs.map(\.id).joined(separator: ", "))")
    }
    let needed = plan.closure(inputsOf: [spec.index])
    return plan.order.filter(needed.contains)
  }

  /// Indices of blocks that `--refresh` forces to run.
  func forced() throws(ReportError) -> Set<Int> {
    var roots = Set<Int>()
    for label in options.refresh {
      guard let spec = plan.specs.first(where: { $0.id == label }) else {
        throw ReportError(at: nil, "--refresh \(label): no block has this label; labels: \(plan.specs.map(\.id).joined(separator: ", "))")
      }
      roots.insert(spec.index)
    }
    return plan.closure(dependentsOf: roots)
  }

  /// Fingerprints every dataset the selected blocks read; a missing or unknown dataset is an
  /// input error at the key that names it, found before anything runs.
  func fingerprints(_ selected: [Int]) throws(ReportError) -> [Int: [String: String]] {
    var known: [String: String] = [:]
    var result: [Int: [String: String]] = [:]
    for index in selected {
      let spec = plan.specs[index]
      var data: [String: String] = [:]
      for id in spec.datasets {
        if let fingerprint = known[id] {
          data[id] = fingerprint
          continue
        }
        do {
          let fingerprint = try catalog.fingerprint(id) + definition(of: id)
          known[id] = fingerprint
          data[id] = fingerprint
        } catch {
          throw ReportError(at: spec.location(of: "dataset"), "\(error)")
        }
      }
      for reference in spec.models {
        do {
          data["model:" + reference] = try EncoderCatalog(catalog: catalog).fingerprint(reference)
        } catch {
          throw ReportError(at: spec.location(of: "model"), "\(error)")
        }
      }
      result[index] = data
    }
    return result
  }

  /// For user datasets, a hash of their declaration (class names, title), which the file
  /// fingerprint does not cover but which shows in results.
  private func definition(of id: String) -> String {
    guard let dataset = catalog.userDatasets.first(where: { $0.id == id }) else { return "" }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return "+" + ResultCache.sha256((try? encoder.encode(dataset)) ?? Data()).prefix(16)
  }

  /// Runs the selected blocks. Returns records in execution order.
  /// - Throws: ``ReportError`` for input problems (before anything runs), a missing entry under
  ///   `--frozen`, or a failing block without `error: true`.
  func run() throws(ReportError) -> [BlockRecord] {
    let selected = try selection()
    let forced = try forced()
    let data = try fingerprints(selected)
    let threads = BLAS.threadCount
    var keys: [Int: CacheKey] = [:]
    var records: [BlockRecord] = []
    var results: [String: BlockResult] = [:]
    cache.sweepStaging()
    for (n, index) in selected.enumerated() {
      let spec = plan.specs[index]
      guard let kind = registry.kind(named: spec.kind) else { continue }
      var upstreamKeys: [String: CacheKey] = [:]
      for input in plan.inputs[index] { upstreamKeys[plan.specs[input].id] = keys[input] }
      let key = CacheKey(spec: spec, kind: kind, upstream: upstreamKeys, data: data[index] ?? [:], blasThreads: threads)
      keys[index] = key
      let prefix = "[\(n + 1)/\(selected.count)] \(spec.id) (\(spec.kind))"
      let outcome = try outcome(of: spec, kind: kind, key: key, forced: forced.contains(index), prefix: prefix,
                                upstream: results)
      if let result = outcome.result, let label = spec.label { results[label] = result }
      records.append(BlockRecord(spec: spec, key: key, data: data[index] ?? [:], outcome: outcome))
    }
    return records
  }

  private func outcome(of spec: BlockSpec, kind: any Computation.Type, key: CacheKey, forced: Bool, prefix: String,
                       upstream: [String: BlockResult]) throws(ReportError) -> BlockOutcome {
    if !forced {
      switch cache.lookup(key) {
      case .hit(let result, let info):
        reporter.message("\(prefix) cached (\(key))")
        return .cached(result, info)
      case .corrupt(let message):
        reporter.message("warning: \(spec.id): \(message)")
      case .miss:
        break
      }
    }
    if options.frozen {
      throw ReportError(at: spec.location, "--frozen: no cached result for block '\(spec.id)' (\(spec.kind)); render without --frozen to compute it")
    }
    let context = RunContext(
      catalog: catalog, upstream: upstream, progress: StepProgress(reporter: reporter), artifacts: cache.artifacts)
    do {
      let missing = spec.upstream.filter { upstream[$0] == nil }
      guard missing.isEmpty else {
        throw ReportError(.computation, at: spec.location, "cannot run: its input \(missing.map { "'\($0)'" }.joined(separator: ", ")) failed")
      }
      try kind.check(spec, in: context)
    } catch {
      let failure = error as? ReportError ?? ReportError(at: spec.location, "\(error)")
      reporter.message("\(prefix) not run: \(failure.message)")
      return try failed(spec, failure, seconds: 0, ran: false)
    }
    reporter.started(prefix)
    let start = Date()
    do {
      let result = try kind.run(spec, in: context)
      let seconds = Date().timeIntervalSince(start)
      let info = CacheEntryInfo(key: key.hex, kind: spec.kind, block: spec.id, seconds: seconds,
                                created: ISO8601DateFormatter().string(from: Date()))
      do {
        try cache.store(result, info: info, key: key)
      } catch {
        reporter.message("warning: \(spec.id): could not write the cache entry: \(error)")
      }
      reporter.finished("done in \(NumberFormat.duration(seconds))")
      return .computed(result, seconds: seconds)
    } catch {
      let seconds = Date().timeIntervalSince(start)
      let failure = error as? ReportError ?? ReportError(.computation, at: spec.location, "\(error)")
      reporter.finished("FAILED after \(NumberFormat.duration(seconds))")
      return try failed(spec, failure, seconds: seconds, ran: true)
    }
  }

  /// A failure: rendered in place under `error: true`, otherwise the end of the render.
  private func failed(_ spec: BlockSpec, _ failure: ReportError, seconds: Double, ran: Bool) throws(ReportError)
    -> BlockOutcome
  {
    guard spec.allowError else {
      throw ReportError(failure.kind, at: failure.location ?? spec.location,
                        "block '\(spec.id)' (\(spec.kind)) failed: \(failure.message)")
    }
    return .failed("\(failure.location ?? spec.location): \(failure.message)", seconds: seconds, ran: ran)
  }
}
