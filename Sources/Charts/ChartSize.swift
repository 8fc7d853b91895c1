/// The outer size of a chart in CSS pixels (SVG user units).
public struct ChartSize: Sendable, Codable, Equatable {
  /// Width in pixels.
  public var width: Double
  /// Height in pixels.
  public var height: Double

  /// Creates a size.
  ///
  /// - Parameters:
  ///   - width: Width in pixels; 640 fits a report column.
  ///   - height: Height in pixels.
  public init(width: Double = 640, height: Double = 360) {
    self.width = width
    self.height = height
  }
}
