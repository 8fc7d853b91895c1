/// A named sequence of values, with optional symmetric error bars, drawn in one colour.
public struct Series: Sendable, Codable, Equatable {
  /// The name shown in the legend and tooltips.
  public var name: String
  /// One value per category (``BarChart``) or x position (``LineChart``); NaN marks a
  /// missing value, which is not drawn.
  public var values: [Double]
  /// Symmetric error per value (the bar spans value ± error), or nil for none. Same length
  /// as ``values``; entries are ≥ 0, NaN for no bar.
  public var errors: [Double]?

  /// Creates a series.
  ///
  /// - Parameters:
  ///   - name: Legend name.
  ///   - values: The values; NaN marks missing ones.
  ///   - errors: Symmetric ± errors, one per value, e.g. a standard deviation; nil: none.
  public init(name: String, values: [Double], errors: [Double]? = nil) {
    self.name = name
    self.values = values
    self.errors = errors
  }

  private enum CodingKeys: String, CodingKey { case name, values, errors }

  /// Decodes a series; `null` values and errors decode as NaN (missing).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    values = MissingValues.decoded(try container.decode([Double?].self, forKey: .values))
    errors = try container.decodeIfPresent([Double?].self, forKey: .errors).map(
      MissingValues.decoded)
  }

  /// Encodes the series; NaN values and errors encode as `null`, so plain JSON works.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(MissingValues.encoded(values), forKey: .values)
    try container.encodeIfPresent(errors.map(MissingValues.encoded), forKey: .errors)
  }

  /// Whether two series have the same name, values and errors; missing (NaN) values
  /// compare equal.
  public static func == (lhs: Series, rhs: Series) -> Bool {
    lhs.name == rhs.name && MissingValues.same(lhs.values, rhs.values)
      && MissingValues.same(lhs.errors, rhs.errors)
  }

  /// The error of value `index`, or nil when there is none.
  func error(at index: Int) -> Double? {
    guard let error = errors?[index], !error.isNaN, error > 0 else { return nil }
    return error
  }

  /// Throws unless `values` (and `errors`) have `count` elements, values are finite or
  /// NaN, and errors are finite and ≥ 0, or NaN.
  ///
  /// - Parameters:
  ///   - count: The required length.
  ///   - counted: What the length must match, for messages, e.g. "categories".
  /// - Throws: ``ChartError`` naming the series and the field.
  func validate(count: Int, matching counted: String) throws(ChartError) {
    let field = "series \"\(name)\""
    try Check.count(values.count, "\(field).values (one per \(counted))", expected: count)
    try Check.finite(values, "\(field).values", allowingNaN: true)
    guard let errors else { return }
    try Check.count(errors.count, "\(field).errors (one per \(counted))", expected: count)
    try Check.finite(errors, "\(field).errors", allowingNaN: true)
    if let index = errors.firstIndex(where: { $0 < 0 }) {
      throw .outOfRange(
        field: "\(field).errors[\(index)]", value: "\(errors[index])", allowed: "≥ 0")
    }
  }
}

extension [Series] {
  /// The smallest `value − error` and largest `value + error`, or nil if no value is finite.
  var extent: ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for series in self {
      for (index, value) in series.values.enumerated() where value.isFinite {
        let error = series.error(at: index) ?? 0
        low = Swift.min(low, value - error)
        high = Swift.max(high, value + error)
      }
    }
    return low <= high ? low...high : nil
  }
}
