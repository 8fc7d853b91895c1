import Foundation
import Notebook
import Testing

/// Numbering, cross-references and inline values, through real renders of the synthetic data.
@Suite struct LayoutTests {
  @Test func figuresAndTablesAreNumberedPerTypeInDocumentOrder() throws {
    let project = try TestProject()
    try project.write(threeBlockReport + """

      ```reprise #fig-card2
      run: dataset-card
      dataset: stripes
      samples: 3
      ```

      Again: @fig-card2, @fig-proto, @tbl-card, @tbl-sum.

      """)
    try project.render()
    let markdown = try project.read("report.md")
    #expect(markdown.contains("See [Figure 1](#fig-proto) and [Table 2](#tbl-sum)"))
    #expect(markdown.contains("Again: [Figure 2](#fig-card2), [Figure 1](#fig-proto), [Table 1](#tbl-card), [Table 2](#tbl-sum)."))
    #expect(markdown.contains("**Table 1.** The stripes."))
    #expect(markdown.contains("**Figure 1.** Prototype accuracy."))
    let html = try project.read("report.html")
    #expect(html.contains("<a class=\"xref\" href=\"#fig-proto\">Figure 1</a>"))
    #expect(html.contains("<figure id=\"fig-proto\""))
  }

  @Test func inlineValuesKeepTheirFormat() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    let summary = try project.render()
    let proto = try #require(summary.records.first { $0.spec.id == "fig-proto" }?.outcome.result)
    let value = try #require(proto.value("acc.1"))
    #expect(value.formatted().hasSuffix(" %"))
    #expect(value.formatted().contains(" ± "))
    #expect(try project.read("report.md").contains("one shot gives \(value.formatted())."))
  }

  @Test func unknownCrossReferenceIsAnErrorWithItsLine() throws {
    let project = try TestProject()
    let report = threeBlockReport + "\nSee @fig-missing here.\n"
    try project.write(report)
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.location?.line == line(of: "@fig-missing", in: report))
    #expect(error?.message.hasPrefix("unknown cross-reference '@fig-missing'; labels in this report: fig-proto, tbl-card, tbl-sum") == true)
    #expect(error?.exitCode == 2)
  }

  @Test func unknownValuesListWhatTheBlockPublishes() throws {
    let project = try TestProject()
    let report = threeBlockReport + "\nValue {{val-proto.acc.7}}.\n"
    try project.write(report)
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.location?.line == line(of: "acc.7", in: report))
    #expect(error?.message.contains("block 'fig-proto' publishes: val-proto.acc.1, val-proto.acc.3") == true)
    try project.write(threeBlockReport + "\nValue {{val-nope.x}}.\n")
    #expect((#expect(throws: ReportError.self) { try project.render() })?.message.contains("no block is labelled 'nope'") == true)
  }

  @Test func valuesOfFailedBlocksWarnOrFailUnderStrict() throws {
    let project = try TestProject()
    try project.write(threeBlockReport + """

      ```reprise #val-bad
      run: prototype
      dataset: stripes
      shots: [20]
      error: true
      ```

      Bad: {{val-bad.acc.20}}.

      """)
    try project.render()
    #expect(try project.read("report.md").contains("Bad: (unavailable)."))
    #expect(project.log.contains { $0.contains("warning: value '{{val-bad.acc.20}}' is unavailable") })
    #expect(throws: ReportError.self) { try project.render(strict: true) }
  }

  @Test func unknownDatasetIsAnInputErrorAtItsKey() throws {
    let project = try TestProject()
    let report = threeBlockReport.replacingOccurrences(of: "dataset: stripes\nsamples", with: "dataset: strpes\nsamples")
    try project.write(report)
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.location == SourceLocation(file: "report.md", line: line(of: "strpes", in: report) ?? 0, column: 10))
    #expect(error?.message.hasPrefix("unknown dataset 'strpes'; datasets: mnist-test") == true)
    #expect(error?.exitCode == 2)
  }

  @Test func missingDataFilesAreInputErrorsNamingTheDatasetAndFile() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try FileManager.default.removeItem(at: project.root.appendingPathComponent("data/labels.idx"))
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.exitCode == 2)
    #expect(error?.message.contains("stripes") == true)
    #expect(error?.message.contains("labels.idx") == true)
    #expect(error?.location?.line == line(of: "labels: data/labels.idx", in: threeBlockReport), "the declared path's line")
  }

  @Test func sectionsAreNumberedAndReferenced() throws {
    let doc = try Document.parse(
      "---\nnumber-sections: true\n---\n\n## Intro {#sec-intro}\n\n### Detail\n\n## Next\n\nSee @sec-intro.\n", file: "r.md")
    var layout = Layout(document: doc, records: [], strict: false) { _ in }
    let tree = try layout.apply()
    guard case .heading(_, let inlines, let id) = tree[0], case .heading(_, let detail, _) = tree[1],
      case .paragraph(let prose) = tree[3]
    else {
      Issue.record("unexpected tree \(tree)")
      return
    }
    #expect(id == "sec-intro")
    #expect(inlines == [.text("1 "), .text("Intro")])
    #expect(detail.first == .text("1.1 "))
    #expect(prose.contains(.resolvedReference(label: "sec-intro", text: "Section 1")))
  }
}
