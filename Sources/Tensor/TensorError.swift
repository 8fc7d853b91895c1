/// A failure of a numerical routine that the caller can act on; the description names the
/// parameter, tensor, file or LAPACK routine at fault.
public enum TensorError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A configuration value outside its allowed range.
  case invalidConfiguration(parameter: String, allowed: String, got: String)
  /// A NaN or ±∞ appeared in a named tensor at a training step.
  case nonFinite(step: Int, tensor: String)
  /// A checkpoint that cannot be read or does not fit the parameters.
  case checkpoint(String)
  /// A LAPACK routine returned a non-zero `info`.
  case lapack(routine: String, info: Int)
  /// An iterative solver stopped before reaching its tolerance.
  case notConverged(String)

  /// What went wrong and, where possible, how to fix it.
  public var description: String {
    switch self {
    case let .invalidConfiguration(parameter, allowed, got):
      "`\(parameter)` must be \(allowed), got \(got)"
    case let .nonFinite(step, tensor):
      "step \(step): `\(tensor)` contains NaN or infinity (lower the learning rate, clip "
        + "gradients, or check the inputs)"
    case let .checkpoint(detail):
      "checkpoint: \(detail)"
    case let .lapack(routine, info):
      "LAPACK \(routine) failed with info = \(info)"
    case let .notConverged(detail):
      "did not converge: \(detail)"
    }
  }
}

/// Throws `.invalidConfiguration` unless `condition` holds (scikit-learn style validation).
func require(
  _ condition: Bool, _ parameter: String, _ allowed: String, _ value: @autoclosure () -> Any
) throws(TensorError) {
  guard condition else {
    throw .invalidConfiguration(parameter: parameter, allowed: allowed, got: "\(value())")
  }
}
