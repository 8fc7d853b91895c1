/// A probe that cannot run on the given data or configuration; the description says which
/// input is at fault and what would be accepted.
public enum ProbeError: Error, CustomStringConvertible, Equatable {
  /// Class `classIndex` has `available` examples; `requested` shots need at least one more.
  case notEnoughExamples(classIndex: Int, available: Int, requested: Int)
  /// A configuration value outside its allowed range.
  case invalidConfiguration(parameter: String, allowed: String, got: String)
  /// Features, labels or class count do not fit together.
  case shapeMismatch(String)

  /// What went wrong and, where possible, how to fix it.
  public var description: String {
    switch self {
    case let .notEnoughExamples(classIndex, available, requested):
      "class \(classIndex) has \(available) example(s); \(requested) shot(s) need at least "
        + "\(requested + 1) (the support plus one query): lower `shots` or use more data"
    case let .invalidConfiguration(parameter, allowed, got):
      "`\(parameter)` must be \(allowed), got \(got)"
    case let .shapeMismatch(detail):
      "shape mismatch: \(detail)"
    }
  }
}
