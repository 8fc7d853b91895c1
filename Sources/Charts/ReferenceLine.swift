/// A dashed horizontal line at a y value, such as chance level, with its label.
public struct ReferenceLine: Sendable, Codable, Equatable {
  /// The y value of the line, in data units. A line outside the y domain is not drawn.
  public var value: Double
  /// Text drawn above the right end of the line, e.g. "chance".
  public var label: String

  /// Creates a reference line.
  ///
  /// - Parameters:
  ///   - value: The y value, in data units; must be finite.
  ///   - label: Text drawn above the right end of the line.
  public init(value: Double, label: String) {
    self.value = value
    self.label = label
  }
}
