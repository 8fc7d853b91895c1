/// The text content of inline nodes, without markup (for slugs, alt text and titles).
enum PlainText {
  static func of(_ inlines: [Inline]) -> String {
    inlines.map { inline -> String in
      switch inline {
      case .text(let s), .code(let s), .rawHTML(let s), .resolvedValue(let s): s
      case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): of(c)
      case .softBreak, .lineBreak: " "
      case .footnoteReference: ""
      case .crossReference(let label, _): "@" + label
      case .valueReference(let path, _): "{{\(path)}}"
      case .resolvedReference(_, let text): text
      }
    }.joined()
  }
}
