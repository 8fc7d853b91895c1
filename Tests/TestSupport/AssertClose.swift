import Tensor
import Testing

/// Records an issue unless `actual` and `expected` have the same length and
/// `|aᵢ − eᵢ| ≤ atol + rtol·|eᵢ|` everywhere. The message gives the largest difference, its
/// index and the first elements, as llm.c's `check_tensor` does.
public func assertClose(
  _ actual: [Double], _ expected: [Double], rtol: Double = 0, atol: Double = 1e-6,
  _ what: String = "values", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    return
  }
  /// |aᵢ − eᵢ|; a NaN on either side counts as an infinite difference (never close).
  func difference(_ i: Int) -> Double {
    let d = abs(actual[i] - expected[i])
    return d.isNaN ? .infinity : d
  }
  let failing = actual.indices.filter { difference($0) > atol + rtol * abs(expected[$0]) }
  guard let i = failing.max(by: { difference($0) < difference($1) }) else { return }
  Issue.record(
    """
    \(what) differ at \(failing.count) of \(actual.count) positions; largest at [\(i)]: \
    \(actual[i]) vs \(expected[i]) (|diff| \(difference(i)), atol \(atol), rtol \(rtol)); \
    first actual \(actual.prefix(4)), expected \(expected.prefix(4))
    """,
    sourceLocation: sourceLocation)
}

/// `assertClose` for single-precision values, compared in `Double`.
public func assertClose(
  _ actual: [Float], _ expected: [Float], rtol: Double = 0, atol: Double = 1e-6,
  _ what: String = "values", sourceLocation: SourceLocation = #_sourceLocation
) {
  assertClose(
    actual.map(Double.init), expected.map(Double.init), rtol: rtol, atol: atol, what,
    sourceLocation: sourceLocation)
}

/// `assertClose` for tensors: shapes must match exactly, elements within tolerance.
public func assertClose(
  _ actual: Tensor, _ expected: Tensor, rtol: Double = 0, atol: Double = 1e-6,
  _ what: String = "tensor", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.shape == expected.shape else {
    Issue.record(
      "\(what): shape \(actual.shape), expected \(expected.shape)", sourceLocation: sourceLocation)
    return
  }
  assertClose(
    actual.storage, expected.storage, rtol: rtol, atol: atol, what,
    sourceLocation: sourceLocation)
}
