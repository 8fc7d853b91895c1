import Charts
import Foundation

/// Writes the laid-out tree as HTML body markup. Every string from prose or data is escaped;
/// author-written raw HTML is shown as text. Figures are inline SVG, images data URIs.
final class HTMLWriter {
  let images: ProseImages
  private var footnotes: [String] = []
  private var footnoteBodies: [String: [Block]] = [:]

  init(images: ProseImages) { self.images = images }

  /// The body HTML for `blocks`, footnotes at the end.
  func body(_ blocks: [Block]) throws -> String {
    for case .footnoteDefinition(let label, let children) in blocks { footnoteBodies[label] = children }
    var out = try render(blocks)
    if !footnotes.isEmpty {
      out += "<section class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n"
      var n = 0
      while n < footnotes.count {
        let label = footnotes[n]
        let text = try render(footnoteBodies[label] ?? [])
        out += "<li id=\"fn-\(Escape.html(label))\">\(text)<a href=\"#fnref-\(Escape.html(label))\" class=\"backref\" aria-label=\"back to text\">↩</a></li>\n"
        n += 1
      }
      out += "</ol>\n</section>\n"
    }
    return out
  }

  private func render(_ blocks: [Block]) throws -> String {
    var out = ""
    for block in blocks { out += try render(block) }
    return out
  }

  private func render(_ block: Block) throws -> String {
    switch block {
    case .paragraph(let inlines):
      return "<p>\(inline(inlines))</p>\n"
    case .heading(let level, let inlines, let id):
      return "<h\(level) id=\"\(Escape.html(id))\">\(inline(inlines))</h\(level)>\n"
    case .blockQuote(let children):
      return "<blockquote>\n\(try render(children))</blockquote>\n"
    case .list(let ordered, let start, let tight, let items):
      let tag = ordered ? "ol" : "ul"
      var out = ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
      for item in items {
        let box = item.checked.map { "<input type=\"checkbox\" disabled\($0 ? " checked" : "")> " } ?? ""
        var content = try render(item.blocks)
        if tight, content.hasPrefix("<p>") {
          content = content.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>\n", with: "\n")
        }
        out += "<li>\(box)\(content)</li>\n"
      }
      return out + "</\(tag)>\n"
    case .codeBlock(let info, let literal):
      let language = info.split(separator: " ").first.map { " class=\"language-\(Escape.html(String($0)))\"" } ?? ""
      return "<pre><code\(language)>\(Escape.html(literal))</code></pre>\n"
    case .rawHTML(let html):
      return "<pre class=\"raw-html\">\(Escape.html(html))</pre>\n"
    case .thematicBreak:
      return "<hr>\n"
    case .table(let table):
      return proseTable(table)
    case .footnoteDefinition:
      return ""
    case .computation:
      return ""
    case .result(let rendered):
      return try result(rendered)
    }
  }

  private func proseTable(_ table: ProseTable) -> String {
    Self.table(header: table.header.map(inline), alignments: table.alignments,
               rows: table.rows.map { $0.map(inline) }, className: nil)
  }

  /// A `<table>` from cells that are already HTML.
  static func table(header: [String], alignments: [Alignment], rows: [[String]], className: String?) -> String {
    func align(_ i: Int) -> String {
      let alignment = alignments[safe: i] ?? .none
      return alignment == .none ? "" : " style=\"text-align: \(alignment.rawValue)\""
    }
    var out = className.map { "<table class=\"\($0)\">\n" } ?? "<table>\n"
    out += "<thead>\n<tr>" + header.enumerated().map { "<th\(align($0))>\($1)</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>" + row.enumerated().map { "<td\(align($0))>\($1)</td>" }.joined() + "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  private func result(_ block: RenderedBlock) throws -> String {
    let isTable = block.id.hasPrefix("tbl-")
    let classes = (["reprise-block"] + block.classes).map(Escape.html).joined(separator: " ")
    let style = block.width.map { " style=\"max-width: \(NumberFormat.fixed($0 * 100, digits: 0))%\"" } ?? ""
    var caption = ""
    if block.number != nil || !block.caption.isEmpty {
      let number = block.number.map { "<span class=\"number\">\(Escape.html($0)).</span> " } ?? ""
      caption = "<figcaption>\(number)\(inline(block.caption))</figcaption>\n"
    }
    var out = "<figure id=\"\(Escape.html(block.id))\" class=\"\(classes)\"\(style)>\n"
    if isTable { out += caption }
    if let error = block.error {
      out += "<div class=\"reprise-error\" role=\"alert\"><strong>This block failed.</strong>\n<pre>\(Escape.html(error))</pre></div>\n"
    }
    for (n, output) in block.outputs.enumerated() {
      out += try self.output(output.content, id: "\(block.id)-\(n + 1)")
    }
    if !isTable { out += caption }
    if !block.notes.isEmpty {
      out += "<div class=\"notes\">" + block.notes.map { "<p>\(Escape.html($0))</p>" }.joined() + "</div>\n"
    }
    return out + "</figure>\n"
  }

  private func output(_ content: OutputContent, id: String) throws -> String {
    switch content {
    case .table(let table):
      return Self.table(
        header: table.columns.map { Escape.html($0.title) }, alignments: table.columns.map(\.alignment),
        rows: table.rows.map { $0.map { Escape.html($0.formatted) } }, className: "results")
    case .facts(let facts):
      return "<dl class=\"facts\">\n" + facts.map { "<dt>\(Escape.html($0.name))</dt><dd>\(Escape.html($0.value))</dd>\n" }.joined() + "</dl>\n"
    case .bars, .lines, .heatmap, .gallery:
      return "<div class=\"chart\">\n\(try ChartRendering.svg(content, id: id))\n</div>\n"
    }
  }

  private func inline(_ inlines: [Inline]) -> String {
    var out = ""
    for node in inlines {
      switch node {
      case .text(let s), .resolvedValue(let s): out += Escape.html(s)
      case .code(let s): out += "<code>\(Escape.html(s))</code>"
      case .emphasis(let c): out += "<em>\(inline(c))</em>"
      case .strong(let c): out += "<strong>\(inline(c))</strong>"
      case .strikethrough(let c): out += "<del>\(inline(c))</del>"
      case .link(let url, let title, let c):
        guard let safe = Escape.safeURL(url) else {
          out += inline(c)
          continue
        }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(Escape.html(title))\""
        out += "<a href=\"\(Escape.html(safe))\"\(titleAttribute)>\(inline(c))</a>"
      case .image(let url, let title, let alt):
        let altText = Escape.html(PlainText.of(alt))
        if let image = images.load(url) {
          let titleAttribute = title.isEmpty ? "" : " title=\"\(Escape.html(title))\""
          out += "<img src=\"data:\(image.mime);base64,\(image.data.base64EncodedString())\" alt=\"\(altText)\"\(titleAttribute)>"
        } else if let safe = Escape.safeURL(url) {
          out += "<a href=\"\(Escape.html(safe))\">\(altText.isEmpty ? Escape.html(url) : altText)</a>"
        } else {
          out += altText
        }
      case .softBreak: out += "\n"
      case .lineBreak: out += "<br>\n"
      case .rawHTML(let s): out += Escape.html(s)
      case .footnoteReference(let label):
        if !footnotes.contains(label) { footnotes.append(label) }
        let n = (footnotes.firstIndex(of: label) ?? 0) + 1
        out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(Escape.html(label))\" id=\"fnref-\(Escape.html(label))\">\(n)</a></sup>"
      case .crossReference(let label, _): out += Escape.html("@" + label)
      case .valueReference(let path, _): out += Escape.html("{{\(path)}}")
      case .resolvedReference(let label, let text):
        out += "<a class=\"xref\" href=\"#\(Escape.html(label))\">\(Escape.html(text))</a>"
      }
    }
    return out
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
