@testable import Notebook
import Testing

/// The Markdown front end: GFM features, block headers, references in prose, positions.
@Suite struct ParsingTests {
  let here = SourceLocation(file: "r.md", line: 4, column: 1)

  @Test func infoStrings() throws {
    #expect(try InfoString.parse("python", at: here) == nil)
    #expect(try InfoString.parse("reprise", at: here) == InfoString(label: nil, classes: []))
    #expect(try InfoString.parse("reprise #fig-a .wide .x", at: here) == InfoString(label: "fig-a", classes: ["wide", "x"]))
    #expect(try InfoString.parse("reprise  .wide   #tbl-b-2", at: here) == InfoString(label: "tbl-b-2", classes: ["wide"]))
    #expect(throws: ReportError.self) { try InfoString.parse("reprise #fig-", at: here) }
  }

  @Test func crossReferencesAndValuesInProse() throws {
    let doc = try Document.parse("See @fig-a, @tbl-b. Mail a@fig-x.org; {{ val-c.acc.5 }} and {{val-d}}; {{other}} @nope.\n", file: "r.md")
    guard case .paragraph(let inlines) = doc.blocks.first else {
      Issue.record("expected a paragraph")
      return
    }
    let references = inlines.compactMap { inline -> String? in
      switch inline {
      case .crossReference(let label, _): "@" + label
      case .valueReference(let path, _): path
      default: nil
      }
    }
    #expect(references == ["@fig-a", "@tbl-b", "val-c.acc.5", "val-d"])
    #expect(inlines.contains(.text(". Mail ")))
    guard case .crossReference(_, let location) = inlines[1] else { return }
    #expect(location == SourceLocation(file: "r.md", line: 1, column: 5))
  }

  @Test func referencesOnLaterLinesOfAParagraphGetTheirLine() throws {
    let doc = try Document.parse("First line\nsecond @fig-z line\n", file: "r.md")
    guard case .paragraph(let inlines) = doc.blocks.first,
      let location = inlines.compactMap({ inline -> Notebook.SourceLocation? in
        if case .crossReference(_, let l) = inline { return l }
        return nil
      }).first
    else {
      Issue.record("no reference found")
      return
    }
    #expect(location.line == 2)
  }

  @Test func gfmTablesStrikethroughTasksFootnotesAndAutolinks() throws {
    let source = """
      | a | b |
      |:--|--:|
      | 1 | ~~2~~ |

      - [x] done
      - [ ] todo

      Note[^n] and https://example.org.

      [^n]: The note.

      """
    let doc = try Document.parse(source, file: "r.md")
    guard case .table(let table) = doc.blocks[0] else {
      Issue.record("no table: \(doc.blocks)")
      return
    }
    #expect(table.alignments == [.left, .right])
    #expect(table.header == [[.text("a")], [.text("b")]])
    #expect(table.rows == [[[.text("1")], [.strikethrough([.text("2")])]]])
    guard case .list(_, _, _, let items) = doc.blocks[1] else { return }
    #expect(items.map(\.checked) == [true, false])
    guard case .paragraph(let inlines) = doc.blocks[2] else { return }
    // cmark-gfm numbers footnotes in order of first reference and reports that number.
    #expect(inlines.contains(.footnoteReference("1")))
    #expect(inlines.contains { if case .link(let url, _, _) = $0 { url == "https://example.org" } else { false } })
    guard case .footnoteDefinition(let label, _) = doc.blocks.last else {
      Issue.record("no footnote definition")
      return
    }
    #expect(label == "1")
  }

  @Test func computationBlocksBecomePlaceholdersWithPositions() throws {
    let doc = try Document.parse("# T\n\n```reprise #val-x\nrun: summary\nfrom: [tbl-y]\n```\n\n```python\nprint(1)\n```\n", file: "r.md")
    #expect(doc.specs.count == 1)
    #expect(doc.specs[0].location == SourceLocation(file: "r.md", line: 3, column: 1))
    #expect(doc.specs[0].upstream == ["tbl-y"])
    guard case .computation(0) = doc.blocks[1], case .codeBlock(let info, let literal) = doc.blocks[2] else {
      Issue.record("unexpected blocks \(doc.blocks)")
      return
    }
    #expect(info == "python")
    #expect(literal == "print(1)\n")
  }

  @Test func defaultsAreFilledAndPresentationKeysKeptApart() throws {
    let doc = try Document.parse("```reprise #fig-p\nrun: prototype\ndataset: d\ncaption: Hi\nshow: table\nwidth: 0.5\nerror: true\n```\n", file: "r.md")
    let spec = doc.specs[0]
    #expect(spec.parameters == ["dataset": .string("d"), "shots": .list([.int(1), .int(5), .int(10)]), "trials": .int(10), "seed": .int(0)])
    #expect(spec.caption == "Hi")
    #expect(spec.show == ["table"])
    #expect(spec.width == 0.5)
    #expect(spec.allowError)
    #expect(spec.datasets == ["d"])
  }

  @Test func cacheKeysIgnorePresentationAndFollowParameters() throws {
    func key(_ extra: String) throws -> CacheKey {
      let doc = try Document.parse("```reprise #fig-p\nrun: prototype\ndataset: d\n\(extra)```\n", file: "r.md")
      let kind = try #require(Registry.standard.kind(named: "prototype"))
      return CacheKey(spec: doc.specs[0], kind: kind, upstream: [:], data: ["d": "abc"], blasThreads: 1)
    }
    let base = try key("")
    #expect(try key("caption: x\nshow: table\nwidth: 0.5\nerror: true\n") == base)
    #expect(try key("trials: 10\n") == base)
    #expect(try key("trials: 11\n") != base)
    let doc = try Document.parse("```reprise #fig-p\nrun: prototype\ndataset: d\n```\n", file: "r.md")
    let kind = try #require(Registry.standard.kind(named: "prototype"))
    #expect(CacheKey(spec: doc.specs[0], kind: kind, upstream: [:], data: ["d": "abd"], blasThreads: 1) != base)
    #expect(CacheKey(spec: doc.specs[0], kind: kind, upstream: [:], data: ["d": "abc"], blasThreads: 2) != base)
  }
}
