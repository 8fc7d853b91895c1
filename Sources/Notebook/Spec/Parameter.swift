/// One key a block kind accepts, with its type and allowed range (scikit-learn's
/// `_parameter_constraints`, declared once per kind and checked before anything runs).
public struct Parameter: Sendable {
  /// What the key is for; decides whether it enters the cache key and the DAG.
  public enum Role: Sendable, Equatable {
    /// Changes the numbers: part of the cache key.
    case computation
    /// Names a dataset the block reads: part of the cache key, with the data's fingerprint.
    case dataset
    /// Names other blocks whose results the block reads: edges of the DAG.
    case blocks
    /// Names a model — a built-in encoder id or a feature file `X.npy` — whose fingerprint
    /// (weights or file SHA-256) enters the cache key.
    case model
  }

  /// The value's type and allowed range.
  public enum Kind: Sendable {
    case int(ClosedRange<Int>)
    case double(ClosedRange<Double>)
    case bool
    case string(choices: [String]?)
    /// A non-empty list of integers, each in range, of at most `maxCount` items.
    case intList(ClosedRange<Int>, maxCount: Int)
    /// A non-empty list of strings, optionally from a fixed set.
    case stringList(choices: [String]?, maxCount: Int)

    var summary: String {
      switch self {
      case .int(let r): "an integer in [\(r.lowerBound), \(r.upperBound)]"
      case .double(let r): "a number in [\(r.lowerBound), \(r.upperBound)]"
      case .bool: "true or false"
      case .string(let choices): choices.map { "one of \($0.joined(separator: ", "))" } ?? "a string"
      case .intList(let r, let n): "a list of 1 to \(n) integers in [\(r.lowerBound), \(r.upperBound)]"
      case .stringList(let choices, let n):
        choices.map { "a list of 1 to \(n) of \($0.joined(separator: ", "))" } ?? "a list of 1 to \(n) strings"
      }
    }
  }

  public var name: String
  public var kind: Kind
  public var role: Role
  /// `nil`: the key is required.
  public var defaultValue: ParameterValue?
  public var help: String

  public init(_ name: String, _ kind: Kind, role: Role = .computation, default defaultValue: ParameterValue? = nil,
              help: String) {
    self.name = name
    self.kind = kind
    self.role = role
    self.defaultValue = defaultValue
    self.help = help
  }

  /// Checks `value` against the type and range and returns its canonical form.
  func validate(_ value: YAMLValue) throws(ReportError) -> ParameterValue {
    let expected = "'\(name)' must be \(kind.summary)"
    func fail(_ detail: String) -> ReportError { ReportError(at: value.location, "\(expected); \(detail)") }
    switch (kind, value.kind) {
    case (.int(let range), .int(let v)):
      guard range.contains(v) else { throw fail("got \(v)") }
      return .int(v)
    case (.double(let range), .int(let v)):
      guard range.contains(Double(v)) else { throw fail("got \(v)") }
      return .double(Double(v))
    case (.double(let range), .double(let v)):
      guard range.contains(v) else { throw fail("got \(v)") }
      return .double(v)
    case (.bool, .bool(let v)):
      return .bool(v)
    case (.string(let choices), .string(let v)):
      guard choices?.contains(v) ?? true else { throw fail("got '\(v)'") }
      return .string(v)
    case (.intList(let range, let maxCount), .sequence(let items)):
      guard !items.isEmpty, items.count <= maxCount else { throw fail("got \(items.count) items") }
      return .list(try items.map { (item: YAMLValue) throws(ReportError) -> ParameterValue in
        guard case .int(let v) = item.kind, range.contains(v) else {
          throw ReportError(at: item.location, "\(expected); got \(item.typeName == "an integer" ? "an integer out of range" : item.typeName)")
        }
        return .int(v)
      })
    case (.stringList(let choices, let maxCount), .sequence(let items)):
      guard !items.isEmpty, items.count <= maxCount else { throw fail("got \(items.count) items") }
      return .list(try items.map { (item: YAMLValue) throws(ReportError) -> ParameterValue in
        guard case .string(let v) = item.kind, choices?.contains(v) ?? true else {
          throw ReportError(at: item.location, "\(expected); got \(item.typeName)")
        }
        return .string(v)
      })
    case (.stringList, .string(let v)):
      return try validate(YAMLValue(kind: .sequence([YAMLValue(kind: .string(v), location: value.location)]),
                                    location: value.location))
    default:
      throw fail("got \(value.typeName)")
    }
  }
}
