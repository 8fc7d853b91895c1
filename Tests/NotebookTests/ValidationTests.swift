import Notebook
import Testing

/// Bad reports fail before anything runs, with `file:line:col`, the problem, and the valid keys.
@Suite struct ValidationTests {
  /// Parses `body` placed after a fixed first paragraph (so blocks start at line 3).
  func error(_ body: String) -> ReportError? {
    #expect(throws: ReportError.self) { try Document.parse("Intro.\n\n" + body, file: "r.md") }
  }

  @Test func unknownKeyNamesItsPositionAndTheValidKeys() {
    let e = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\nshot: [1]\n```\n")
    #expect(e?.description == "r.md:6:1: error: unknown key 'shot' for 'prototype'; valid keys: run, caption, show, width, error, dataset, shots, trials, seed")
    #expect(e?.exitCode == 2)
  }

  @Test func wrongTypeNamesTheExpectedType() {
    let e = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\ntrials: ten\n```\n")
    #expect(e?.description == "r.md:6:9: error: 'trials' must be an integer in [1, 1000]; got a string")
  }

  @Test func outOfRangeValuesAndListItemsAreRejectedWhereTheyAre() {
    let e = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\ntrials: 0\n```\n")
    #expect(e?.description == "r.md:6:9: error: 'trials' must be an integer in [1, 1000]; got 0")
    let item = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\nshots: [1, 5000]\n```\n")
    #expect(item?.location == SourceLocation(file: "r.md", line: 6, column: 12))
    #expect(item?.message.contains("a list of 1 to 20 integers in [1, 1000]") == true)
  }

  @Test func quotedNumbersAreStrings() {
    let e = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\ntrials: \"3\"\n```\n")
    #expect(e?.message.hasSuffix("got a string") == true)
  }

  @Test func yamlSyntaxErrorsPointIntoTheBlock() {
    let e = error("```reprise #fig-x\nrun: prototype\ndataset: [mnist-test\n```\n")
    #expect(e?.location?.file == "r.md")
    #expect(e?.location?.line == 5 || e?.location?.line == 6)
    #expect(e?.message.hasPrefix("YAML syntax error") == true)
  }

  @Test func missingRunAndUnknownKindListTheKinds() {
    let missing = error("```reprise #fig-x\ndataset: mnist-test\n```\n")
    #expect(missing?.description == "r.md:3:1: error: missing key 'run'; the block kinds are: dataset-card, prototype, summary, caption-eval, features")
    let unknown = error("```reprise\nrun: fewshots\n```\n")
    #expect(unknown?.description == "r.md:4:6: error: unknown block kind 'fewshots'; the block kinds are: dataset-card, prototype, summary, caption-eval, features")
  }

  @Test func missingRequiredKeyAndIndentedBlocks() {
    let e = error("- item\n\n  ```reprise #fig-x\n  run: prototype\n  trials: x\n  ```\n")
    #expect(e?.location == SourceLocation(file: "r.md", line: 7, column: 11))
    let missing = error("```reprise #fig-x\nrun: prototype\n```\n")
    #expect(missing?.message.hasPrefix("missing key 'dataset' for 'prototype'") == true)
  }

  @Test func labelsAreCheckedInTheHeader() {
    #expect(error("```reprise #x\nrun: summary\nfrom: [a]\n```\n")?.message.contains("needs a type prefix") == true)
    #expect(error("```reprise #fig-X\nrun: summary\nfrom: [a]\n```\n")?.message.contains("invalid label 'fig-X'") == true)
    #expect(error("```reprise #fig-a #fig-b\nrun: summary\nfrom: [a]\n```\n")?.message.contains("at most one label") == true)
    #expect(error("```reprise wide\nrun: summary\nfrom: [a]\n```\n")?.message.contains("unexpected 'wide'") == true)
    let duplicate = error("```reprise #fig-a\nrun: summary\nfrom: [x]\n```\n\n```reprise #tbl-a\nrun: summary\nfrom: [x]\n```\n")
    #expect(duplicate?.description.hasPrefix("r.md:8:1: error: label 'tbl-a' repeats the name 'a' already used at r.md:3:1") == true)
  }

  @Test func presentationKeysAreValidatedToo() {
    let e = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\nshow: [pie]\n```\n")
    #expect(e?.message.contains("'show' must be a list of 1 to 2 of chart, table") == true)
    let width = error("```reprise #fig-x\nrun: prototype\ndataset: mnist-test\nwidth: 3\n```\n")
    #expect(width?.location?.line == 6)
  }

  @Test func frontMatterKeysAreChecked() {
    let e = #expect(throws: ReportError.self) { try Document.parse("---\ntitle: x\ntitel: y\n---\n\nText\n", file: "r.md") }
    #expect(e?.description == "r.md:3:1: error: unknown front matter key 'titel'; valid keys: title, subtitle, author, date, abstract, number-sections, datasets")
    let dataset = #expect(throws: ReportError.self) {
      try Document.parse("---\ndatasets:\n  - id: d\n    format: csv\n    images: a\n    labels: b\n---\n", file: "r.md")
    }
    #expect(dataset?.description == "r.md:4:13: error: unknown dataset format 'csv'; formats: idx, images, coco-captions, npy")
  }

  @Test func frontMatterKeepsLineNumbers() throws {
    let e = #expect(throws: ReportError.self) {
      try Document.parse("---\ntitle: x\n---\n\n```reprise #fig-x\nrun: nope\n```\n", file: "r.md")
    }
    #expect(e?.location?.line == 6)
  }

  @Test func unknownBlockReferencesAndCyclesAreErrors() throws {
    let unknown = try Document.parse("```reprise #tbl-s\nrun: summary\nfrom: [fig-none]\n```\n", file: "r.md")
    let e = #expect(throws: ReportError.self) { try Plan(unknown.specs) }
    #expect(e?.description == "r.md:3:7: error: block 'tbl-s' reads 'fig-none', which is not the label of any block; labels: tbl-s")
    let cycle = try Document.parse(
      "```reprise #tbl-a\nrun: summary\nfrom: [tbl-b]\n```\n\n```reprise #tbl-b\nrun: summary\nfrom: [tbl-a]\n```\n", file: "r.md")
    #expect((#expect(throws: ReportError.self) { try Plan(cycle.specs) })?.message.contains("cycle: tbl-a → tbl-b") == true)
  }

  @Test func planOrderFollowsDependenciesThenDocumentOrder() throws {
    let doc = try Document.parse(
      "```reprise #tbl-s\nrun: summary\nfrom: [fig-p]\n```\n\n```reprise #fig-p\nrun: prototype\ndataset: d\n```\n\n```reprise #fig-q\nrun: prototype\ndataset: d\n```\n",
      file: "r.md")
    let plan = try Plan(doc.specs)
    #expect(plan.order.map { doc.specs[$0].id } == ["fig-p", "tbl-s", "fig-q"])
    #expect(plan.closure(dependentsOf: [1]) == [0, 1])
    #expect(plan.closure(inputsOf: [0]) == [0, 1])
  }
}
