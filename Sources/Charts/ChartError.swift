/// Why a chart cannot be drawn from its data; the message names the offending field.
public enum ChartError: Error, CustomStringConvertible, Equatable {
  /// A collection that needs at least one element is empty, e.g. `categories`.
  case empty(field: String)
  /// A collection has `count` elements where `expected` are needed, e.g. the values of a
  /// series and the categories of a bar chart.
  case lengthMismatch(field: String, count: Int, expected: Int)
  /// An element is infinite, or NaN where missing values are not allowed.
  case notFinite(field: String, index: Int)
  /// A parameter is outside its allowed range.
  ///
  /// - Parameters:
  ///   - field: The parameter, e.g. `columns` or `series "CLIP".errors[2]`.
  ///   - value: The value given, formatted.
  ///   - allowed: The allowed values, e.g. "≥ 1".
  case outOfRange(field: String, value: String, allowed: String)

  /// A one-sentence explanation naming the field.
  public var description: String {
    switch self {
    case .empty(let field):
      "\(field) is empty; at least one element is needed"
    case .lengthMismatch(let field, let count, let expected):
      "\(field) has \(count) element\(count == 1 ? "" : "s"), expected \(expected)"
    case .notFinite(let field, let index):
      "\(field)[\(index)] is not a finite number"
    case .outOfRange(let field, let value, let allowed):
      "\(field) is \(value), allowed: \(allowed)"
    }
  }
}
