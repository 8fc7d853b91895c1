/// A value a block publishes for prose (`{{val-proto.acc.5}}`) and tables.
///
/// Stored unscaled (an accuracy is 0.8412); shown scaled (84.12 %) with a fixed number of
/// digits, as `mean ± std` when a spread is known.
public struct PublishedValue: Sendable, Codable, Equatable {
  public var key: String
  public var mean: Double
  /// Standard deviation over trials or seeds; `nil` for single numbers.
  public var std: Double?
  public var digits: Int
  /// Display multiplier: 100 for percentages, 1 otherwise.
  public var scale: Double
  /// Unit printed after the number in prose ("%"); tables carry it in the column title.
  public var unit: String

  public init(key: String, mean: Double, std: Double? = nil, digits: Int = 2, scale: Double = 1, unit: String = "") {
    self.key = key
    self.mean = mean
    self.std = std
    self.digits = digits
    self.scale = scale
    self.unit = unit
  }

  /// A percentage published from a fraction: 0.8412 → "84.12 %".
  public static func percent(_ key: String, _ mean: Double, std: Double? = nil) -> PublishedValue {
    PublishedValue(key: key, mean: mean, std: std, digits: 2, scale: 100, unit: "%")
  }

  /// "84.12 ± 0.40 %" (with unit) or "84.12 ± 0.40".
  public func formatted(withUnit: Bool = true) -> String {
    let scaled = mean * scale
    var s = digits == 0 && abs(scaled) < 1e15 ? NumberFormat.grouped(Int(scaled.rounded())) : NumberFormat.fixed(scaled, digits: digits)
    if let std { s += " ± " + NumberFormat.fixed(std * scale, digits: digits) }
    if withUnit, !unit.isEmpty { s += " " + unit }
    return s
  }
}
