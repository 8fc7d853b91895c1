/// The layout pass: numbers figures, tables and sections, resolves `@label` cross-references
/// and `{{val-…}}` inline values, and replaces computation placeholders by rendered blocks.
///
/// Numbering is per type prefix in document order (`fig-` → Figure 1, 2, …; `tbl-` → Table 1,
/// …). Unknown labels and values are errors with the file and line of the reference.
public struct Layout {
  public var document: Document
  public var records: [Int: BlockRecord]
  /// The kinds, for each kind's default `show`.
  public var registry: Registry
  /// Unavailable values (from failed `error: true` blocks) are errors instead of warnings.
  public var strict: Bool
  public var warn: (String) -> Void

  private var targets: [String: (text: String, anchor: String)] = [:]

  public init(document: Document, records: [BlockRecord], registry: Registry = .standard, strict: Bool,
              warn: @escaping (String) -> Void) {
    self.document = document
    self.registry = registry
    self.records = Dictionary(records.map { ($0.spec.index, $0) }, uniquingKeysWith: { a, _ in a })
    self.strict = strict
    self.warn = warn
  }

  /// The laid-out tree.
  public mutating func apply() throws(ReportError) -> [Block] {
    var blocks = document.blocks
    var sections = SectionNumbering(numbered: document.frontMatter.numberSections)
    blocks = sections.assignIDs(blocks)
    targets = sections.targets
    var counters: [String: Int] = [:]
    for spec in document.specs {
      guard let label = spec.label, let noun = Label.noun(of: label), noun != "Value" else { continue }
      let prefix = String(label.prefix(4))
      counters[prefix, default: 0] += 1
      targets[label] = ("\(noun) \(counters[prefix] ?? 0)", label)
    }
    return try resolve(blocks)
  }

  private func resolve(_ blocks: [Block]) throws(ReportError) -> [Block] {
    var result: [Block] = []
    for block in blocks {
      let resolved = try resolve(block)
      if case .result(let rendered) = resolved, rendered.outputs.isEmpty, rendered.error == nil,
        rendered.caption.isEmpty
      {
        continue  // a `val-` block: it only publishes values
      }
      result.append(resolved)
    }
    return result
  }

  private func resolve(_ block: Block) throws(ReportError) -> Block {
    switch block {
    case .paragraph(let inlines): return .paragraph(try resolve(inlines))
    case .heading(let level, let inlines, let id): return .heading(level: level, try resolve(inlines), id: id)
    case .blockQuote(let children): return .blockQuote(try resolve(children))
    case .list(let ordered, let start, let tight, let items):
      var resolved: [ListItem] = []
      for item in items { resolved.append(ListItem(blocks: try resolve(item.blocks), checked: item.checked)) }
      return .list(ordered: ordered, start: start, tight: tight, items: resolved)
    case .table(var table):
      table.header = try table.header.map { (cell: [Inline]) throws(ReportError) in try resolve(cell) }
      table.rows = try table.rows.map { (row: [[Inline]]) throws(ReportError) in
        try row.map { (cell: [Inline]) throws(ReportError) in try resolve(cell) }
      }
      return .table(table)
    case .footnoteDefinition(let label, let children): return .footnoteDefinition(label: label, try resolve(children))
    case .computation(let index): return .result(try render(document.specs[index]))
    case .codeBlock, .rawHTML, .thematicBreak, .result: return block
    }
  }

  private func render(_ spec: BlockSpec) throws(ReportError) -> RenderedBlock {
    let caption = try spec.caption.map { (text: String) throws(ReportError) in
      try resolve(MarkdownParser.parseInline(text, file: document.file, line: spec.captionLocation?.line ?? spec.location.line))
    } ?? []
    var rendered = RenderedBlock(
      id: spec.id, number: spec.label.flatMap { targets[$0]?.text }, caption: caption, outputs: [], notes: [],
      error: nil, width: spec.width, classes: spec.classes)
    guard let record = records[spec.index] else {
      rendered.error = "not computed in this render"
      return rendered
    }
    switch record.outcome {
    case .failed(let message, _, _):
      rendered.error = "block '\(spec.id)' (\(spec.kind)) failed at \(message)"
    case .computed(let result, _), .cached(let result, _):
      let kind = registry.kind(named: spec.kind)
      let prefix = spec.label.map { String($0.prefix(4)) }
      let show = spec.show ?? kind?.defaultShow(labelPrefix: prefix) ?? []
      rendered.outputs = show.compactMap { name in result.outputs.first { $0.name == name } }
      rendered.notes = result.notes
    }
    return rendered
  }

  private func resolve(_ inlines: [Inline]) throws(ReportError) -> [Inline] {
    var result: [Inline] = []
    for inline in inlines {
      switch inline {
      case .crossReference(let label, let location):
        guard let target = targets[label] else {
          let known = targets.keys.sorted().joined(separator: ", ")
          throw ReportError(at: location, "unknown cross-reference '@\(label)'; labels in this report: \(known.isEmpty ? "none" : known)")
        }
        result.append(.resolvedReference(label: target.anchor, text: target.text))
      case .valueReference(let path, let location):
        result.append(.resolvedValue(try value(path, at: location)))
      case .emphasis(let c): result.append(.emphasis(try resolve(c)))
      case .strong(let c): result.append(.strong(try resolve(c)))
      case .strikethrough(let c): result.append(.strikethrough(try resolve(c)))
      case .link(let url, let title, let c): result.append(.link(url: url, title: title, try resolve(c)))
      default: result.append(inline)
      }
    }
    return result
  }

  /// The formatted value at `val-<stem>.<key>`.
  private func value(_ path: String, at location: SourceLocation) throws(ReportError) -> String {
    let body = path.dropFirst("val-".count)
    let stem = String(body.prefix { $0 != "." })
    let key = String(body.dropFirst(stem.count + 1))
    guard let spec = document.specs.first(where: { $0.label.map(Label.stem) == stem }) else {
      let stems = document.specs.compactMap { $0.label.map { "val-" + Label.stem(of: $0) } }
      throw ReportError(at: location, "unknown value '{{\(path)}}': no block is labelled '\(stem)' after its prefix; value sources: \(stems.isEmpty ? "none" : stems.joined(separator: ", "))")
    }
    guard let result = records[spec.index]?.outcome.result else {
      let message = "value '{{\(path)}}' is unavailable: block '\(spec.id)' did not produce a result"
      if strict { throw ReportError(at: location, message) }
      warn("\(location): warning: \(message)")
      return "(unavailable)"
    }
    guard let value = result.value(key) else {
      let keys = result.values.map { "val-\(stem).\($0.key)" }.joined(separator: ", ")
      throw ReportError(at: location, "unknown value '{{\(path)}}'; block '\(spec.id)' publishes: \(keys.isEmpty ? "no values" : keys)")
    }
    return value.formatted()
  }
}
