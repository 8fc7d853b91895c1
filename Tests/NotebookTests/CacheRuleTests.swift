import Foundation
import Notebook
import Testing

/// The cache rules of architecture.md, each checked by rendering twice.
@Suite struct CacheRuleTests {
  @Test func secondRenderExecutesNothing() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    let first = try project.render()
    #expect(TestProject.executed(first) == ["tbl-card", "fig-proto", "tbl-sum"])
    let second = try project.render()
    #expect(TestProject.executed(second).isEmpty)
    #expect(second.cached == 3)
    #expect(project.log.filter { $0.contains("cached (") }.count == 3)
  }

  @Test func editingCaptionsAndProseExecutesNothing() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try project.render()
    let edited = threeBlockReport
      .replacingOccurrences(of: "caption: Prototype accuracy.", with: "caption: Accuracy, reworded.\nshow: [table]")
      .replacingOccurrences(of: "# Stripes", with: "# Stripes, a new title\n\nA new paragraph.")
    try project.write(edited)
    let summary = try project.render()
    #expect(TestProject.executed(summary).isEmpty)
    #expect(try project.read("report.md").contains("Accuracy, reworded."))
  }

  @Test func editingAParameterReexecutesTheBlockAndItsDependentsOnly() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try project.render()
    try project.write(threeBlockReport.replacingOccurrences(of: "seed: 5", with: "seed: 6"))
    let summary = try project.render()
    #expect(TestProject.executed(summary) == ["fig-proto", "tbl-sum"])
  }

  @Test func changingADataFileReexecutesItsReaders() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try project.render()
    try project.writeStripes(noiseSeed: 2)
    let summary = try project.render()
    #expect(TestProject.executed(summary) == ["tbl-card", "fig-proto", "tbl-sum"])
  }

  @Test func refreshRerunsTheBlockAndWhatReadsIt() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try project.render()
    let summary = try project.render(ExecutionOptions(refresh: ["fig-proto"]))
    #expect(TestProject.executed(summary) == ["fig-proto", "tbl-sum"])
    #expect(throws: ReportError.self) { try project.render(ExecutionOptions(refresh: ["fig-nope"])) }
  }

  @Test func frozenNeverExecutes() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    let error = #expect(throws: ReportError.self) { try project.render(ExecutionOptions(frozen: true)) }
    #expect(error?.description.contains("--frozen: no cached result for block 'tbl-card'") == true)
    #expect(error?.location?.line == line(of: "#tbl-card", in: threeBlockReport))
    #expect(!FileManager.default.fileExists(atPath: project.out.path))
    try project.render()
    let frozen = try project.render(ExecutionOptions(frozen: true))
    #expect(TestProject.executed(frozen).isEmpty)
  }

  @Test func onlyRunsTheBlockAndItsInputsAndWritesNothing() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    let summary = try project.render(ExecutionOptions(only: "tbl-sum"))
    #expect(TestProject.executed(summary) == ["fig-proto", "tbl-sum"])
    #expect(summary.written.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: project.out.path))
  }

  @Test func aCorruptEntryIsRecomputedWithAWarning() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    let first = try project.render()
    let key = try #require(first.records.first { $0.spec.id == "fig-proto" }).key.hex
    let entry = project.state.appendingPathComponent("cache/\(key.prefix(2))/\(key)/result.json")
    var bytes = try Data(contentsOf: entry)
    bytes[bytes.count / 2] ^= 0x20
    try bytes.write(to: entry)
    let second = try project.render()
    #expect(TestProject.executed(second) == ["fig-proto"])
    #expect(project.log.contains { $0.contains("warning: fig-proto: cache entry") && $0.contains("corrupt") })
    let body = { (markdown: String) in markdown.components(separatedBy: "## Computation appendix")[0] }
    let recomputed = try project.read("report.md")
    try project.render()
    #expect(body(try project.read("report.md")) == body(recomputed))
  }

  @Test func failuresAreNeverCachedAndErrorTrueRendersInPlace() throws {
    let project = try TestProject()
    let report = threeBlockReport + """

      ```reprise #fig-fails
      run: prototype
      dataset: stripes
      shots: [12]
      error: true
      ```

      """
    try project.write(report)
    let first = try project.render()
    #expect(first.failed == 1)
    let second = try project.render()
    #expect(second.failed == 1)
    #expect(second.cached == 3)
    let markdown = try project.read("report.md")
    #expect(markdown.contains("**This block failed.**"))
    #expect(markdown.contains("report.md:\(line(of: "shots: [12]", in: report) ?? 0):8:"))
    #expect(markdown.contains("12 shots need at least 13"))
  }

  @Test func aFailureWithoutErrorTrueStopsTheRenderAndLeavesTheOutputAlone() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try project.render()
    let before = try project.read("report.md")
    try project.write(threeBlockReport.replacingOccurrences(of: "shots: [1, 3]", with: "shots: [1, 30]"))
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.exitCode == 2)
    let shotsLine = line(of: "shots: [1, 3]", in: threeBlockReport) ?? 0
    #expect(error?.description.hasPrefix("report.md:\(shotsLine):8: error: block 'fig-proto' (prototype) failed") == true)
    #expect(try project.read("report.md") == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.out.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }
}

@Suite struct DatasetDeclarationTests {
  @Test func renamingTheClassesOfAUserDatasetReexecutesItsReaders() throws {
    let project = try TestProject()
    try project.write(threeBlockReport)
    try project.render()
    try project.write(threeBlockReport.replacingOccurrences(of: "\"bottom\"", with: "\"lowest\""))
    let summary = try project.render()
    #expect(TestProject.executed(summary) == ["tbl-card", "fig-proto", "tbl-sum"])
    #expect(try project.read("report.md").contains("| lowest | 12 |"))
  }
}
