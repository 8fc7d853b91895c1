import CMarkGFM
import Foundation

/// A `reprise` fenced block as found in the source, before its YAML is validated.
public struct RawBlock: Sendable {
  public var info: InfoString
  /// The YAML body.
  public var body: String
  /// The fence's position.
  public var location: SourceLocation
  /// The line of the body's first line (the line after the fence).
  public var bodyLine: Int
  /// Columns to add to a YAML column to get the file column (the fence's indentation).
  public var bodyIndent: Int
}

/// Parses Markdown (GitHub-flavoured: tables, strikethrough, autolinks, task lists, footnotes)
/// with cmark-gfm into the document tree, keeping source positions.
///
/// Computation blocks become `.computation(i)` placeholders; their raw text is returned beside
/// the tree for validation. Raw HTML in the source is kept as `.rawHTML` so writers can escape
/// it: a report never injects markup from prose.
public enum MarkdownParser {
  /// The parsed tree and the computation blocks, in document order.
  public struct Output: Sendable {
    public var blocks: [Block]
    public var computations: [RawBlock]
  }

  private static let extensions = ["table", "strikethrough", "autolink", "tasklist"]

  /// Parses `source` (the whole report after front matter blanking).
  /// - Parameter file: the path used in error locations.
  public static func parse(_ source: String, file: String) throws(ReportError) -> Output {
    cmark_gfm_core_extensions_ensure_registered()
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
    guard let parser = cmark_parser_new(options) else {
      throw ReportError(at: nil, "cmark-gfm could not create a parser")
    }
    defer { cmark_parser_free(parser) }
    for name in extensions {
      if let ext = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    var bytes = Array(source.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parser_feed(parser, $0, buffer.count)
      }
    }
    guard let root = cmark_parser_finish(parser) else {
      throw ReportError(at: nil, "cmark-gfm could not parse \(file)")
    }
    defer { cmark_node_free(root) }
    var converter = Converter(file: file)
    let blocks = try converter.blocks(of: root)
    return Output(blocks: converter.labelFootnotes(blocks), computations: converter.computations)
  }

  /// A parsed inline fragment (a caption), without paragraph wrapping.
  public static func parseInline(_ text: String, file: String, line: Int) throws(ReportError) -> [Inline] {
    let padded = String(repeating: "\n", count: max(0, line - 1)) + text
    let output = try parse(padded, file: file)
    return output.blocks.flatMap { block -> [Inline] in
      if case .paragraph(let inlines) = block { return inlines }
      return []
    }
  }
}

/// Walks a cmark node tree and builds `Block`/`Inline` values.
private struct Converter {
  let file: String
  var computations: [RawBlock] = []
  /// Footnote labels in order of first reference.
  var footnoteLabels: [String] = []

  init(file: String) { self.file = file }

  func location(_ node: OpaquePointer, fallback: SourceLocation? = nil) -> SourceLocation {
    let line = Int(cmark_node_get_start_line(node))
    let column = Int(cmark_node_get_start_column(node))
    if line == 0, let fallback { return fallback }
    return SourceLocation(file: file, line: max(line, 1), column: column > 0 ? column : nil)
  }

  func children(_ node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let c = child {
      result.append(c)
      child = cmark_node_next(c)
    }
    return result
  }

  func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  func typeName(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }

  mutating func blocks(of node: OpaquePointer) throws(ReportError) -> [Block] {
    var result: [Block] = []
    for child in children(node) {
      if let block = try block(child) { result.append(block) }
    }
    return result
  }

  mutating func block(_ node: OpaquePointer) throws(ReportError) -> Block? {
    let here = location(node)
    switch cmark_node_get_type(node) {
    case CMARK_NODE_PARAGRAPH:
      return .paragraph(inlines(of: node, at: here))
    case CMARK_NODE_HEADING:
      return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, at: here), id: "")
    case CMARK_NODE_BLOCK_QUOTE:
      return .blockQuote(try blocks(of: node))
    case CMARK_NODE_LIST:
      var items: [ListItem] = []
      for item in children(node) {
        let checked: Bool? = typeName(item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
        items.append(ListItem(blocks: try blocks(of: item), checked: checked))
      }
      return .list(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0, items: items)
    case CMARK_NODE_CODE_BLOCK:
      return try codeBlock(node, at: here)
    case CMARK_NODE_HTML_BLOCK:
      return .rawHTML(string(cmark_node_get_literal(node)))
    case CMARK_NODE_THEMATIC_BREAK:
      return .thematicBreak
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return .footnoteDefinition(label: "", try blocks(of: node))
    default:
      return typeName(node) == "table" ? .table(table(node, at: here)) : nil
    }
  }

  mutating func codeBlock(_ node: OpaquePointer, at here: SourceLocation) throws(ReportError) -> Block {
    let info = string(cmark_node_get_fence_info(node))
    let literal = string(cmark_node_get_literal(node))
    guard let parsed = try InfoString.parse(info, at: here) else {
      return .codeBlock(info: info, literal: literal)
    }
    computations.append(
      RawBlock(info: parsed, body: literal, location: here, bodyLine: here.line + 1,
               bodyIndent: (here.column ?? 1) - 1))
    return .computation(computations.count - 1)
  }

  mutating func table(_ node: OpaquePointer, at here: SourceLocation) -> ProseTable {
    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
    var alignments: [Alignment] = []
    if let raw = cmark_gfm_extensions_get_table_alignments(node) {
      for i in 0..<columns {
        switch raw[i] {
        case UInt8(ascii: "l"): alignments.append(.left)
        case UInt8(ascii: "c"): alignments.append(.center)
        case UInt8(ascii: "r"): alignments.append(.right)
        default: alignments.append(.none)
        }
      }
    }
    var header: [[Inline]] = []
    var rows: [[[Inline]]] = []
    for row in children(node) {
      var cells: [[Inline]] = []
      for cell in children(row) { cells.append(inlines(of: cell, at: location(cell, fallback: here))) }
      if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
    }
    return ProseTable(alignments: alignments, header: header, rows: rows)
  }

  /// cmark-gfm does not expose a definition's label, but it keeps only referenced definitions
  /// and moves them to the end of the document in order of first reference; label them so.
  func labelFootnotes(_ blocks: [Block]) -> [Block] {
    var next = 0
    return blocks.map { block in
      guard case .footnoteDefinition(_, let children) = block else { return block }
      defer { next += 1 }
      return .footnoteDefinition(label: footnoteLabels[safe: next] ?? "\(next + 1)", children)
    }
  }

  mutating func inlines(of node: OpaquePointer, at parent: SourceLocation) -> [Inline] {
    var result: [Inline] = []
    var pendingText = ""
    var pendingLocation = parent
    func flushText() {
      guard !pendingText.isEmpty else { return }
      result.append(contentsOf: ReferenceScanner.scan(pendingText, at: pendingLocation))
      pendingText = ""
    }
    for child in children(node) {
      if cmark_node_get_type(child) == CMARK_NODE_TEXT {
        if pendingText.isEmpty { pendingLocation = location(child, fallback: parent) }
        pendingText += string(cmark_node_get_literal(child))
        continue
      }
      flushText()
      if cmark_node_get_type(child) == CMARK_NODE_SOFTBREAK {
        pendingLocation.line += 1
      }
      result.append(inline(child, at: location(child, fallback: parent)))
    }
    flushText()
    return result
  }

  mutating func inline(_ node: OpaquePointer, at here: SourceLocation) -> Inline {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
    case CMARK_NODE_HTML_INLINE: return .rawHTML(string(cmark_node_get_literal(node)))
    case CMARK_NODE_EMPH: return .emphasis(inlines(of: node, at: here))
    case CMARK_NODE_STRONG: return .strong(inlines(of: node, at: here))
    case CMARK_NODE_LINK:
      return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                   inlines(of: node, at: here))
    case CMARK_NODE_IMAGE:
      return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                    alt: inlines(of: node, at: here))
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      let label = string(cmark_node_get_literal(node))
      if !footnoteLabels.contains(label) { footnoteLabels.append(label) }
      return .footnoteReference(label)
    default:
      if typeName(node) == "strikethrough" { return .strikethrough(inlines(of: node, at: here)) }
      return .text(string(cmark_node_get_literal(node)))
    }
  }
}
