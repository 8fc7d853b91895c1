/// Coding and comparison of values where NaN marks a missing value.
///
/// `JSONEncoder` rejects NaN by default, so ``Series`` and ``Heatmap`` encode NaN as
/// `null` and decode `null` back to NaN. Their `==` treats two missing values as equal,
/// so a chart with gaps equals itself.
enum MissingValues {
  /// `values` with NaN replaced by nil.
  static func encoded(_ values: [Double]) -> [Double?] { values.map { $0.isNaN ? nil : $0 } }

  /// `values` with nil replaced by NaN.
  static func decoded(_ values: [Double?]) -> [Double] { values.map { $0 ?? .nan } }

  /// Whether `lhs` and `rhs` are equal element-wise, NaN matching NaN.
  static func same(_ lhs: [Double], _ rhs: [Double]) -> Bool {
    lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }

  /// Whether `lhs` and `rhs` are both nil or equal element-wise, NaN matching NaN.
  static func same(_ lhs: [Double]?, _ rhs: [Double]?) -> Bool {
    switch (lhs, rhs) {
    case (nil, nil): true
    case (let lhs?, let rhs?): same(lhs, rhs)
    default: false
    }
  }
}
