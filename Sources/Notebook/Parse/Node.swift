/// The document tree that every later stage works on: parsed once from Markdown, rewritten by
/// layout (numbering, cross-references, inline values), then emitted by both writers.
///
/// Computation blocks stay in the tree as `.computation(index)` placeholders that point into
/// `Document.blocks`; layout replaces them by their rendered results.
public indirect enum Inline: Sendable, Equatable {
  case text(String)
  case code(String)
  case emphasis([Inline])
  case strong([Inline])
  case strikethrough([Inline])
  case link(url: String, title: String, [Inline])
  case image(url: String, title: String, alt: [Inline])
  case softBreak
  case lineBreak
  /// Raw HTML written by the author; both writers print it as text (reports are escaped).
  case rawHTML(String)
  case footnoteReference(String)
  /// `@fig-x` before layout.
  case crossReference(label: String, location: SourceLocation)
  /// `{{val-x.path}}` before layout.
  case valueReference(path: String, location: SourceLocation)
  /// A resolved cross-reference: "Figure 3" linking to `#fig-x`.
  case resolvedReference(label: String, text: String)
  /// A resolved inline value, already formatted.
  case resolvedValue(String)
}

/// Column alignment of a Markdown table.
public enum Alignment: String, Sendable, Codable, Equatable {
  case none, left, center, right
}

/// A list item; `checked` is set for GitHub task-list items.
public struct ListItem: Sendable {
  public var blocks: [Block]
  public var checked: Bool?
}

/// A prose table (GFM pipe table) in the document tree.
public struct ProseTable: Sendable, Equatable {
  public var alignments: [Alignment]
  public var header: [[Inline]]
  public var rows: [[[Inline]]]
}

/// Block-level nodes of the document tree.
public indirect enum Block: Sendable {
  case paragraph([Inline])
  case heading(level: Int, [Inline], id: String)
  case blockQuote([Block])
  case list(ordered: Bool, start: Int, tight: Bool, items: [ListItem])
  case codeBlock(info: String, literal: String)
  case rawHTML(String)
  case thematicBreak
  case table(ProseTable)
  case footnoteDefinition(label: String, [Block])
  /// A `reprise` computation block: index into `Document.specs`.
  case computation(Int)
  /// A computation block after layout: its number, caption and outputs.
  case result(RenderedBlock)
}

/// A computation block ready to write: numbered, captioned, its outputs picked by `show:`.
public struct RenderedBlock: Sendable {
  /// Anchor id: the label, or a generated id.
  public var id: String
  /// "Figure 2", "Table 1", or `nil` for unnumbered blocks.
  public var number: String?
  public var caption: [Inline]
  public var outputs: [NamedOutput]
  public var notes: [String]
  /// Set when the block failed under `error: true`.
  public var error: String?
  /// Fraction of the text width, from `width:`.
  public var width: Double?
  public var classes: [String]
}
