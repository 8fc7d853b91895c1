import Testing

/// Records an issue unless the two byte buffers have the same length and differ by at most
/// `tolerance` everywhere; the message gives how many bytes exceed it, the largest
/// difference and where it is.
public func assertPixelsClose(
  _ actual: [UInt8], _ expected: [UInt8], tolerance: Int = 0, _ what: String = "pixels",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "\(what): \(actual.count) bytes, expected \(expected.count)", sourceLocation: sourceLocation)
    return
  }
  let differences = zip(actual, expected).map { abs(Int($0) - Int($1)) }
  guard let largest = differences.max(), largest > tolerance,
    let at = differences.firstIndex(of: largest)
  else { return }
  let failing = differences.filter { $0 > tolerance }.count
  let message =
    "\(what): \(failing) of \(actual.count) bytes differ by more than \(tolerance); largest "
    + "\(largest) at byte \(at) (\(actual[at]) vs \(expected[at]))"
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The largest absolute difference between two equally long byte buffers (`Int.max` if the
/// lengths differ).
public func largestDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
  guard a.count == b.count else { return .max }
  return zip(a, b).map { abs(Int($0) - Int($1)) }.max() ?? 0
}
