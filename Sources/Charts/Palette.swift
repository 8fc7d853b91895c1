/// Colour-blind-safe categorical colours: series `i` is drawn in ``colour(_:)`` `i`.
public enum Palette {
  /// The Okabe–Ito palette, black last: orange, sky blue, bluish green, yellow, blue,
  /// vermillion, reddish purple, black, as lowercase "#rrggbb".
  ///
  /// Reference: M. Okabe and K. Ito, "Color Universal Design (CUD): How to make figures
  /// and presentations that are friendly to colorblind people", 2008.
  public static let okabeIto = [
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000",
  ]

  /// The colour for series `index`, cycling through ``okabeIto``.
  ///
  /// - Parameter index: Series index; any integer, negative ones count from the end.
  /// - Returns: A "#rrggbb" string.
  public static func colour(_ index: Int) -> String {
    let count = okabeIto.count
    return okabeIto[(index % count + count) % count]
  }
}
