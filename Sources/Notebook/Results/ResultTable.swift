import Foundation

/// A table of results: typed cells, formatted once, rendered by both writers.
public struct ResultTable: Sendable, Codable, Equatable {
  public struct Column: Sendable, Codable, Equatable {
    public var title: String
    public var alignment: Alignment

    public init(_ title: String, _ alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  public var rows: [[TableCell]]

  public init(columns: [Column], rows: [[TableCell]]) {
    self.columns = columns
    self.rows = rows
  }
}

/// A table cell.
public enum TableCell: Sendable, Codable, Equatable {
  case text(String)
  case integer(Int)
  case number(Double, digits: Int)
  /// mean ± std, both multiplied by `scale` (100 for percentages).
  case measure(PublishedValue)
  case empty

  /// The cell as printed.
  public var formatted: String {
    switch self {
    case .text(let s): s
    case .integer(let i): NumberFormat.grouped(i)
    case .number(let x, let digits): NumberFormat.fixed(x, digits: digits)
    case .measure(let v): v.formatted(withUnit: false)
    case .empty: "—"
    }
  }
}

/// Locale-independent number formatting.
public enum NumberFormat {
  /// `x` with exactly `digits` decimals; no "-0.00".
  public static func fixed(_ x: Double, digits: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "−∞") }
    let s = String(format: "%.\(max(0, digits))f", x)
    return Double(s) == 0 && s.hasPrefix("-") ? String(s.dropFirst()) : s
  }

  /// An integer with thin-space-free comma grouping: 10,000.
  public static func grouped(_ i: Int) -> String {
    let digits = String(i.magnitude)
    var out = ""
    for (n, c) in digits.enumerated() {
      if n > 0, (digits.count - n) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return i < 0 ? "-" + out : out
  }

  /// A duration for humans: 0.42 s, 12.3 s, 4 min 05 s (no-break spaces, so it never wraps).
  public static func duration(_ seconds: Double) -> String {
    if seconds < 10 { return fixed(seconds, digits: 2) + "\u{A0}s" }
    if seconds < 60 { return fixed(seconds, digits: 1) + "\u{A0}s" }
    let total = Int(seconds.rounded())
    return "\(total / 60)\u{A0}min\u{A0}" + String(format: "%02d", total % 60) + "\u{A0}s"
  }
}
