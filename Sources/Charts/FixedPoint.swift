/// Locale-independent fixed-point formatting of `Double` values.
///
/// Foundation's number formatters depend on the user's locale; SVG coordinates and
/// report numbers must not, so the digits are produced from an integer.
enum FixedPoint {
  /// Formats `value` rounded to `decimals` digits after the point ("-0" never appears).
  ///
  /// - Parameters:
  ///   - value: The number to format. Non-finite values format as "NaN", "∞" or "-∞".
  ///   - decimals: Digits after the decimal point, clamped to 0...15.
  ///   - trimmingZeros: Drops trailing zeros (and a bare point), so 12.50 prints "12.5".
  /// - Returns: Digits with an optional leading "-" and a "." as decimal separator.
  static func format(_ value: Double, decimals: Int, trimmingZeros: Bool = false) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
    let decimals = min(max(decimals, 0), 15)
    let scaled = (value.magnitude * pow10(decimals)).rounded()
    guard scaled < 9e15 else { return "\(value)" }
    var digits = String(Int64(scaled))
    if decimals > 0 {
      if digits.count <= decimals {
        digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
      if trimmingZeros {
        while digits.last == "0" { digits.removeLast() }
        if digits.last == "." { digits.removeLast() }
      }
    }
    return (value < 0 && scaled != 0 ? "-" : "") + digits
  }

  /// 10 raised to a small non-negative integer power, exactly.
  static func pow10(_ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { product, _ in product * 10 }
  }
}

extension Double {
  /// This value as an SVG coordinate or length: at most two decimals, trailing zeros dropped.
  var svgNumber: String { FixedPoint.format(self, decimals: 2, trimmingZeros: true) }
}
