import Foundation

/// Heading ids and numbers.
///
/// A heading ending in `{#sec-x}` gets that id and can be cross-referenced as `@sec-x`; other
/// headings get GitHub-style slugs. With `number-sections: true` in the front matter, level 2+
/// headings are numbered (level 1 is the title level) and references read "Section 2.1".
struct SectionNumbering {
  let numbered: Bool
  private(set) var targets: [String: (text: String, anchor: String)] = [:]
  private var used: Set<String> = []
  private var counters: [Int] = []

  init(numbered: Bool) { self.numbered = numbered }

  mutating func assignIDs(_ blocks: [Block]) -> [Block] {
    blocks.map { block in
      switch block {
      case .heading(let level, let inlines, _):
        var content = inlines
        let explicit = Self.explicitID(&content)
        let number = numbered && level >= 2 ? nextNumber(level) : nil
        let id = unique(explicit ?? Self.slug(PlainText.of(content)))
        if let explicit {
          targets[explicit] = (number.map { "Section \($0)" } ?? "Section “\(PlainText.of(content))”", id)
        }
        if let number { content.insert(.text("\(number) "), at: 0) }
        return .heading(level: level, content, id: id)
      case .blockQuote(let children): return .blockQuote(assignIDs(children))
      default: return block
      }
    }
  }

  private mutating func nextNumber(_ level: Int) -> String {
    let depth = level - 1
    while counters.count < depth { counters.append(0) }
    counters = Array(counters.prefix(depth))
    counters[depth - 1] += 1
    return counters.map(String.init).joined(separator: ".")
  }

  private mutating func unique(_ base: String) -> String {
    var candidate = base.isEmpty ? "section" : base
    var n = 1
    while used.contains(candidate) {
      candidate = "\(base)-\(n)"
      n += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// Removes a trailing `{#sec-x}` from the heading text and returns `sec-x`.
  static func explicitID(_ inlines: inout [Inline]) -> String? {
    guard case .text(let text) = inlines.last, text.hasSuffix("}"),
      let open = text.range(of: "{#", options: .backwards)
    else { return nil }
    let id = String(text[open.upperBound...].dropLast())
    guard id.hasPrefix("sec-"), id.allSatisfy(Label.isLabelCharacter) else { return nil }
    let rest = String(text[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
    inlines.removeLast()
    if !rest.isEmpty { inlines.append(.text(rest)) }
    return id
  }

  /// GitHub-style anchor: lower-case, letters/digits/spaces/hyphens kept, spaces → hyphens.
  static func slug(_ text: String) -> String {
    let kept = text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
    return kept.replacingOccurrences(of: " ", with: "-")
  }
}
