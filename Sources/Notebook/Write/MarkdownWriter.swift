import Foundation

/// Writes the laid-out tree as GitHub-flavoured Markdown. Figures become SVG files in an asset
/// folder beside the `.md` (`<name>_files/`), tables become pipe tables, cross-references links.
/// Text from prose and data is backslash-escaped; author-written raw HTML is escaped too.
final class MarkdownWriter {
  let images: ProseImages
  /// Folder name of the assets, relative to the Markdown file.
  let assetFolder: String
  /// Files to write into the asset folder: name → bytes.
  private(set) var assets: [(name: String, data: Data)] = []

  init(images: ProseImages, assetFolder: String) {
    self.images = images
    self.assetFolder = assetFolder
  }

  func document(_ blocks: [Block]) throws -> String {
    try render(blocks).joined(separator: "\n")
  }

  /// One string per block, each ending in a newline; joined with blank lines.
  private func render(_ blocks: [Block]) throws -> [String] {
    var out: [String] = []
    for block in blocks {
      let text = try render(block)
      if !text.isEmpty { out.append(text) }
    }
    return out
  }

  private func render(_ block: Block) throws -> String {
    switch block {
    case .paragraph(let inlines):
      return inline(inlines) + "\n"
    case .heading(let level, let inlines, _):
      return String(repeating: "#", count: level) + " " + inline(inlines) + "\n"
    case .blockQuote(let children):
      return prefixLines(try render(children).joined(separator: "\n"), first: "> ", rest: "> ")
    case .list(let ordered, let start, let tight, let items):
      var out = ""
      for (n, item) in items.enumerated() {
        let marker = ordered ? "\(start + n). " : "- "
        let box = item.checked.map { $0 ? "[x] " : "[ ] " } ?? ""
        let body = try render(item.blocks).joined(separator: tight ? "" : "\n")
        out += prefixLines(box + body, first: marker, rest: String(repeating: " ", count: marker.count))
        if !tight, n < items.count - 1 { out += "\n" }
      }
      return out
    case .codeBlock(let info, let literal):
      let fence = String(repeating: "`", count: max(3, Self.longestRun(of: "`", in: literal) + 1))
      return "\(fence)\(info)\n\(literal)\(literal.hasSuffix("\n") || literal.isEmpty ? "" : "\n")\(fence)\n"
    case .rawHTML(let html):
      return Escape.markdown(html) + "\n"
    case .thematicBreak:
      return "---\n"
    case .table(let table):
      return pipeTable(header: table.header.map(inline), alignments: table.alignments,
                       rows: table.rows.map { $0.map(inline) })
    case .footnoteDefinition(let label, let children):
      return prefixLines(try render(children).joined(separator: "\n"), first: "[^\(label)]: ", rest: "    ")
    case .computation:
      return ""
    case .result(let rendered):
      return try result(rendered)
    }
  }

  private func result(_ block: RenderedBlock) throws -> String {
    var parts = ["<a id=\"\(Escape.html(block.id))\"></a>\n"]
    let number = block.number.map { "**\(Escape.markdown($0)).** " } ?? ""
    let caption = block.number != nil || !block.caption.isEmpty ? number + inline(block.caption) + "\n" : ""
    let isTable = block.id.hasPrefix("tbl-")
    if isTable, !caption.isEmpty { parts.append(caption) }
    if let error = block.error { parts.append("> **This block failed.** " + Escape.markdown(error) + "\n") }
    for (n, output) in block.outputs.enumerated() {
      parts.append(try self.output(output.content, id: "\(block.id)-\(n + 1)"))
    }
    if !isTable, !caption.isEmpty { parts.append(caption) }
    parts += block.notes.map { "<sub>" + Escape.markdown($0) + "</sub>\n" }
    return parts.joined(separator: "\n")
  }

  private func output(_ content: OutputContent, id: String) throws -> String {
    switch content {
    case .table(let table):
      return pipeTable(header: table.columns.map { Escape.markdown($0.title) }, alignments: table.columns.map(\.alignment),
                       rows: table.rows.map { $0.map { Escape.markdown($0.formatted) } })
    case .facts(let facts):
      return facts.map { "- **\(Escape.markdown($0.name)):** \(Escape.markdown($0.value))\n" }.joined()
    case .bars, .lines, .heatmap, .gallery:
      let name = "\(id).svg"
      assets.append((name, Data(try ChartRendering.svg(content, id: id).utf8)))
      return "![\(Escape.markdown(id))](\(assetFolder)/\(name))\n"
    }
  }

  private func pipeTable(header: [String], alignments: [Alignment], rows: [[String]]) -> String {
    let rule = header.indices.map { i -> String in
      switch alignments[safe: i] ?? .none {
      case .left: ":---"
      case .center: ":---:"
      case .right: "---:"
      case .none: "---"
      }
    }
    let clean = { (cell: String) in cell.replacingOccurrences(of: "\n", with: " ") }
    var out = "| " + header.map(clean).joined(separator: " | ") + " |\n"
    out += "| " + rule.joined(separator: " | ") + " |\n"
    for row in rows { out += "| " + row.map(clean).joined(separator: " | ") + " |\n" }
    return out
  }

  private func inline(_ inlines: [Inline]) -> String {
    var out = ""
    for node in inlines {
      switch node {
      case .text(let s), .resolvedValue(let s), .rawHTML(let s): out += Escape.markdown(s)
      case .code(let s):
        let ticks = String(repeating: "`", count: Self.longestRun(of: "`", in: s) + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        out += ticks + pad + s + pad + ticks
      case .emphasis(let c): out += "*\(inline(c))*"
      case .strong(let c): out += "**\(inline(c))**"
      case .strikethrough(let c): out += "~~\(inline(c))~~"
      case .link(let url, let title, let c):
        let target = Escape.safeURL(url).map(Self.linkDestination) ?? ""
        out += "[\(inline(c))](\(target)\(title.isEmpty ? "" : " \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\""))"
      case .image(let url, _, let alt):
        out += image(url, alt: PlainText.of(alt))
      case .softBreak: out += "\n"
      case .lineBreak: out += "\\\n"
      case .footnoteReference(let label): out += "[^\(label)]"
      case .crossReference(let label, _): out += Escape.markdown("@" + label)
      case .valueReference(let path, _): out += Escape.markdown("{{\(path)}}")
      case .resolvedReference(let label, let text): out += "[\(Escape.markdown(text))](#\(label))"
      }
    }
    return out
  }

  /// A prose image: local files are copied into the asset folder.
  private func image(_ url: String, alt: String) -> String {
    guard let image = images.load(url) else {
      return Escape.safeURL(url).map { "[\(Escape.markdown(alt.isEmpty ? url : alt))](\(Self.linkDestination($0)))" } ?? Escape.markdown(alt)
    }
    let name = "image-\(assets.count + 1)-" + (url as NSString).lastPathComponent
    assets.append((name, image.data))
    return "![\(Escape.markdown(alt))](\(assetFolder)/\(Self.linkDestination(name)))"
  }

  private static func linkDestination(_ url: String) -> String {
    url.contains(" ") || url.contains(")") || url.contains("(") ? "<\(url)>" : url
  }

  static func longestRun(of c: Character, in s: String) -> Int {
    var best = 0
    var run = 0
    for x in s {
      run = x == c ? run + 1 : 0
      best = max(best, run)
    }
    return best
  }

  private func prefixLines(_ text: String, first: String, rest: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines.enumerated().map { n, line in
      let prefix = n == 0 ? first : rest
      return line.isEmpty ? String(prefix.trimmingCharacters(in: .whitespaces)) : prefix + line
    }.joined(separator: "\n") + "\n"
  }
}
