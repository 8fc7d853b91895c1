/// Validation helpers that throw ``ChartError`` naming the offending field.
enum Check {
  /// Throws unless `count > 0`.
  static func nonEmpty(_ count: Int, _ field: String) throws(ChartError) {
    guard count > 0 else { throw .empty(field: field) }
  }

  /// Throws unless `count == expected`.
  static func count(_ count: Int, _ field: String, expected: Int) throws(ChartError) {
    guard count == expected else {
      throw .lengthMismatch(field: field, count: count, expected: expected)
    }
  }

  /// Throws at the first infinite element, or NaN unless `allowingNaN`.
  static func finite(_ values: [Double], _ field: String, allowingNaN: Bool) throws(ChartError) {
    if let index = values.firstIndex(where: { $0.isInfinite || (!allowingNaN && $0.isNaN) }) {
      throw .notFinite(field: field, index: index)
    }
  }

  /// Throws unless `condition`, reporting `value` and the `allowed` range.
  static func range(
    _ condition: Bool, _ field: String, _ value: @autoclosure () -> String, _ allowed: String
  ) throws(ChartError) {
    guard condition else { throw .outOfRange(field: field, value: value(), allowed: allowed) }
  }

  /// Throws unless `domain` is nil or finite with `lowerBound < upperBound`.
  static func domain(_ domain: ClosedRange<Double>?, _ field: String) throws(ChartError) {
    guard let domain else { return }
    try range(
      domain.lowerBound.isFinite && domain.upperBound.isFinite
        && domain.lowerBound < domain.upperBound,
      field, "\(domain)", "finite bounds with lower < upper")
  }

  /// Throws unless both dimensions are finite and at least 1 px.
  static func size(_ size: ChartSize) throws(ChartError) {
    try range(
      size.width.isFinite && size.height.isFinite && size.width >= 1 && size.height >= 1,
      "size", "\(size.width) × \(size.height)", "finite width and height ≥ 1")
  }

  /// Throws unless `prefix` can start XML ids: an ASCII letter or "_", then letters,
  /// digits, "_" or "-".
  static func idPrefix(_ prefix: String) throws(ChartError) {
    let isValid =
      prefix.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } ?? false
      && prefix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    try range(isValid, "idPrefix", "\"\(prefix)\"", "[A-Za-z_][A-Za-z0-9_-]*")
  }
}
