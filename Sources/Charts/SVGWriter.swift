/// A minimal SVG writer: one element per line, every attribute value and text escaped.
///
/// Attributes keep the order they are written in, so output is byte-for-byte
/// deterministic. `nil` attribute values are left out.
struct SVGWriter {
  /// Attribute names and values in output order; `nil` values are skipped.
  typealias Attributes = KeyValuePairs<String, String?>

  /// The XML written so far.
  private(set) var output = ""
  private var openElements: [String] = []

  /// The finished document. Every opened element must have been closed.
  var document: String {
    precondition(openElements.isEmpty, "unclosed elements: \(openElements)")
    return output
  }

  /// Pixels from the top edge the optional heading of ``openDocument(size:title:heading:)``
  /// takes, padding included; content starts below.
  static let headingHeight = 34.0

  /// Opens the root `<svg>`, writes its `<title>` and a white background, and draws
  /// `heading` centred at the top; pair it with ``close()``.
  ///
  /// - Parameters:
  ///   - size: Width and height of the viewport in pixels.
  ///   - title: The accessible name of the image, shown by browsers as a tooltip.
  ///   - heading: Visible title, bold, 14 px; nil for none.
  mutating func openDocument(size: ChartSize, title: String, heading: String?) {
    let (width, height) = (size.width.svgNumber, size.height.svgNumber)
    open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "width": width, "height": height,
        "viewBox": "0 0 \(width) \(height)", "role": "img",
        "style": "font-family: DejaVu Sans, Helvetica, Arial, sans-serif; font-size: 11px",
      ])
    element("title", text: title)
    element("rect", ["width": width, "height": height, "fill": "#ffffff"])
    if let heading {
      element(
        "text",
        [
          "x": (size.width / 2).svgNumber, "y": "25", "text-anchor": "middle", "font-size": "14",
          "font-weight": "bold", "fill": "#222222",
        ], text: TextMetrics.singleLine(heading))
    }
  }

  /// A `transform` that moves the origin to (`x`, `y`) and rotates by `degrees`
  /// (negative: anticlockwise); text drawn at the origin then turns about that point.
  ///
  /// Uses `translate` and one-argument `rotate`, which more renderers support than the
  /// three-argument `rotate(a x y)`.
  static func rotation(_ degrees: Int, x: Double, y: Double) -> String {
    "translate(\(x.svgNumber) \(y.svgNumber)) rotate(\(degrees))"
  }

  /// Writes a start tag; pair it with ``close()``.
  mutating func open(_ name: String, _ attributes: Attributes = [:]) {
    output += "<\(name)\(Self.render(attributes))>\n"
    openElements.append(name)
  }

  /// Writes the end tag of the innermost open element.
  mutating func close() {
    precondition(!openElements.isEmpty, "close() without open()")
    output += "</\(openElements.removeLast())>\n"
  }

  /// Writes `<name …>`, the elements written by `body`, and `</name>`.
  mutating func group(
    _ name: String, _ attributes: Attributes = [:], _ body: (inout SVGWriter) -> Void
  ) {
    open(name, attributes)
    body(&self)
    close()
  }

  /// Writes one element on one line: empty, or holding `text` after a `<title>` child.
  ///
  /// - Parameters:
  ///   - name: Element name, e.g. "rect" or "text".
  ///   - attributes: Attributes in output order.
  ///   - text: Character content, escaped.
  ///   - tooltip: Content of a `<title>` child, which browsers show on hover.
  mutating func element(
    _ name: String, _ attributes: Attributes = [:], text: String? = nil, tooltip: String? = nil
  ) {
    output += "<\(name)\(Self.render(attributes))"
    guard text != nil || tooltip != nil else {
      output += "/>\n"
      return
    }
    output += ">"
    if let tooltip { output += "<title>\(XMLText.escape(tooltip))</title>" }
    output += "\(XMLText.escape(text ?? ""))</\(name)>\n"
  }

  /// Writes an axis or legend title: 12 px, centred on (`x`, `y`), on one line and
  /// truncated to `maxWidth`, reading bottom to top when `vertical`.
  mutating func axisTitle(
    _ title: String, className: String, x: Double, y: Double, vertical: Bool, maxWidth: Double
  ) {
    element(
      "text",
      [
        "class": className, "x": vertical ? nil : x.svgNumber, "y": vertical ? nil : y.svgNumber,
        "transform": vertical ? Self.rotation(-90, x: x, y: y) : nil, "text-anchor": "middle",
        "font-size": "12", "fill": "#222222",
      ],
      text: TextMetrics.truncate(TextMetrics.singleLine(title), maxWidth: maxWidth, fontSize: 12))
  }

  private static func render(_ attributes: Attributes) -> String {
    attributes.reduce(into: "") { text, attribute in
      if let value = attribute.value { text += " \(attribute.key)=\"\(XMLText.escape(value))\"" }
    }
  }
}
