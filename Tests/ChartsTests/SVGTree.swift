import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a parsed SVG document, for assertions on structure and coordinates.
final class SVGNode {
  let name: String
  let attributes: [String: String]
  var children: [SVGNode] = []
  /// Character content directly inside this element.
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// This node and all its descendants, depth first, in document order.
  var all: [SVGNode] { [self] + children.flatMap(\.all) }

  /// Descendants (and self) named `name`.
  func elements(_ name: String) -> [SVGNode] { all.filter { $0.name == name } }

  /// The first descendant `<g>` whose class is `className`.
  func group(_ className: String) -> SVGNode? {
    all.first { $0.name == "g" && $0.attributes["class"] == className }
  }

  /// Attribute `name` parsed as a number (NaN if absent or not a number).
  func number(_ name: String) -> Double { attributes[name].flatMap(Double.init) ?? .nan }

  /// The text of the `<title>` child, if any.
  var tooltip: String? { children.first { $0.name == "title" }?.text }
}

/// Parses SVG text with Foundation's `XMLParser`, recording an issue if it is not
/// well-formed XML.
func parseSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> SVGNode {
  let builder = TreeBuilder()
  let parser = XMLParser(data: Data(svg.utf8))
  parser.delegate = builder
  let ok = parser.parse()
  #expect(
    ok, "not well-formed XML: \(String(describing: parser.parserError))",
    sourceLocation: sourceLocation)
  return try #require(builder.root, sourceLocation: sourceLocation)
}

/// All numbers in `text`, in order (e.g. the coordinates of a path).
func numbers(in text: String) -> [Double] {
  text.matches(of: /-?\d+(\.\d+)?/).compactMap { Double($0.output.0) }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: SVGNode?
  private var stack: [SVGNode] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    let node = SVGNode(name: elementName, attributes: attributes)
    stack.last?.children.append(node)
    if root == nil { root = node }
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}
