import Foundation
import TestSupport
import Testing

/// `reprise metrics` end to end (the executable built beside the test bundle): bad input
/// ends with exit status 2, one clear message on stderr and nothing on stdout; good input
/// prints the toolkit's JSON.
@Suite struct MetricsCommandTests {
  static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("reprise")

  static let references = #"[{"image_id": 1, "caption": "a dog runs"}, {"image_id": 2, "caption": "a cat sleeps"}, {"image_id": 3, "caption": "two birds"}]"#

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `reprise metrics` on `references` and `results` (file contents) with BLEU and
  /// ROUGE-L only, so that METEOR's data are not needed.
  func metrics(references: Data = Data(Self.references.utf8), results: Data, extra: [String] = []) throws -> Run {
    try withTemporaryDirectory { folder in
      let refs = folder.appendingPathComponent("refs.json")
      let res = folder.appendingPathComponent("results.json")
      try references.write(to: refs)
      try results.write(to: res)
      // Output goes to files: a pipe read to its end before the other could fill and block.
      let out = folder.appendingPathComponent("stdout")
      let err = folder.appendingPathComponent("stderr")
      FileManager.default.createFile(atPath: out.path, contents: nil)
      FileManager.default.createFile(atPath: err.path, contents: nil)
      let process = Process()
      process.executableURL = Self.executable
      process.arguments = ["metrics", "--refs", refs.path, "--results", res.path, "--metrics", "BLEU-1,ROUGE-L"] + extra
      process.currentDirectoryURL = folder
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = try FileHandle(forWritingTo: err)
      try process.run()
      process.waitUntilExit()
      return Run(
        status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
        stderr: try String(contentsOf: err, encoding: .utf8))
    }
  }

  func expectRejected(_ run: Run, saying message: String) {
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
  }

  @Test func listsImagesWithoutResults() throws {
    let run = try metrics(results: Data(#"[{"image_id": 1, "caption": "a dog"}]"#.utf8))
    expectRejected(run, saying: "2 image(s) have references but no result: 2, 3")
  }

  @Test func rejectsDuplicateResults() throws {
    let results = #"[{"image_id": 1, "caption": "a"}, {"image_id": 1, "caption": "b"}, {"image_id": 2, "caption": "c"}, {"image_id": 3, "caption": "d"}]"#
    expectRejected(try metrics(results: Data(results.utf8)), saying: "1 image(s) have more than one result")
  }

  @Test func rejectsFilesWithoutCaptions() throws {
    expectRejected(try metrics(results: Data("  \n".utf8)), saying: "results.json: the file is empty")
    expectRejected(try metrics(references: Data("[]".utf8), results: Data("[]".utf8)), saying: "nothing to evaluate")
  }

  @Test func rejectsInvalidUTF8() throws {
    let run = try metrics(results: Data([0x5B, 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x5D]))
    expectRejected(run, saying: "results.json: not valid UTF-8 text")
  }

  @Test func rejectsMalformedJSON() throws {
    let run = try metrics(results: Data("[{\"image_id\": 1,\n \"caption\": }]".utf8))
    expectRejected(run, saying: "results.json: not valid JSON")
  }

  /// Empty candidate strings are scored (0), as the toolkit scores them; identical captions
  /// score 1.
  @Test func scoresEmptyCandidatesAndPrintsJSON() throws {
    let results = #"[{"image_id": 1, "caption": "A dog runs."}, {"image_id": 2, "caption": ""}, {"image_id": 3, "caption": "two birds"}]"#
    let run = try metrics(results: Data(results.utf8), extra: ["--json", "--per-image"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    struct Output: Decodable {
      var corpus: [String: Double]
      var per_image: [String: [Double]]
    }
    let output = try JSONDecoder().decode(Output.self, from: Data(run.stdout.utf8))
    #expect(output.per_image["ROUGE-L"] == [1, 0, 1])
    #expect(output.per_image["BLEU-1"]?.map { ($0 * 1e6).rounded() / 1e6 } == [1, 0, 1])
    #expect(Set(output.corpus.keys) == ["BLEU-1", "ROUGE-L"])
  }
}
