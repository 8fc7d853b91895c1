import ArgumentParser
import Captioning
import Datasets
import Foundation

/// Caption metrics on 5,000 images × 5 references: Reprise against pycocoevalcap 1.2 (Java
/// included) on the same input, in one run, with both score sets.
struct BenchMetrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Seconds for BLEU-1–4, METEOR, ROUGE-L and CIDEr-D on Flickr8k images × 5 references, against pycocoevalcap (target ≥ 20× faster).",
    discussion: """
      The images are the first Flickr8k images (token-file order) with their five references; \
      the candidate of an even image is its first reference with the middle word deleted, of an \
      odd one the first reference of the next image. Reprise's first run includes loading \
      METEOR's data (the paraphrase index is built beforehand if missing or stale, and timed apart). The \
      reference runs scripts/bench/metrics_reference.py with the Python named by \
      REPRISE_REFERENCE_PYTHON (which needs pycocoevalcap==1.2 and Java); without it the \
      reference columns are left out.
      """)

  @Option(name: .long, help: "Images (each with 5 references).")
  var images = 5000

  @Option(name: .long, help: "Reprise runs; the first is cold (loads METEOR's data), the best of the others is reported as warm.")
  var runs = 3

  @Option(name: .long, help: "Folder with pycocoevalcap 1.2's METEOR data (as for `reprise metrics`).")
  var meteorData: String?

  @OptionGroup var data: DataOptions

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  func validate() throws {
    guard (2...8000).contains(images) else { throw ValidationError("--images must be in [2, 8000]") }
    guard (1...20).contains(runs) else { throw ValidationError("--runs must be in [1, 20]") }
  }

  struct Case: Encodable {
    var name: String
    var images: Int
    var references_per_image: Int
    var reprise_s: Double
    var reprise_warm_s: Double?
    var meteor_index_build_s: Double?
    var reference: String
    var reference_s: Double?
    var reference_stages_s: [String: Double]?
    var ratio: Double?
    var reprise_scores: [String: Double]
    var reference_scores: [String: Double]?
    var max_abs_difference: Double?
  }

  func run() throws {
    let captions = try workload()
    let resources = try Metrics.meteorResources(folder: meteorData, data: data)
    let indexBuild = try buildIndexIfNeeded(resources)
    let evaluator = try CaptionEvaluator(.init(meteor: resources))
    var times: [Double] = []
    var scores: CaptionScores?
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      scores = try evaluator.evaluate(captions)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let repriseScores = Dictionary(uniqueKeysWithValues: (scores?.corpus ?? [:]).map { ($0.key.rawValue, $0.value) })
    let reference = try runReference(captions)
    let differences = reference.scores.map { scores in
      repriseScores.map { abs($0.value - (scores[$0.key] ?? .nan)) }.max() ?? .nan
    }
    let result = Case(
      name: "caption metrics (Flickr8k × 5 references)", images: captions.imageIDs.count, references_per_image: 5,
      reprise_s: times[0], reprise_warm_s: times.count > 1 ? times.dropFirst().min() : nil, meteor_index_build_s: indexBuild,
      reference: reference.name, reference_s: reference.seconds, reference_stages_s: reference.stages,
      ratio: reference.seconds.map { $0 / times[0] }, reprise_scores: repriseScores, reference_scores: reference.scores,
      max_abs_difference: differences)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(["cases": [result]]), as: UTF8.self))
    }
    FileHandle.standardError.write(Data(report(result).utf8))
  }

  /// The first `images` Flickr8k images with their five references, and one candidate each.
  func workload() throws -> CaptionSet {
    let (catalog, _) = data.catalog(acquisition: nil)
    let items = Array(try catalog.load("flickr8k-captions").items.prefix(images))
    let candidates = items.indices.map { i -> String in
      guard i % 2 == 0 else { return items[(i + 1) % items.count].references[0] }
      var words = items[i].references[0].split(separator: " ")
      words.remove(at: words.count / 2)
      return words.joined(separator: " ")
    }
    return CaptionSet(imageIDs: items.map(\.id), references: items.map(\.references), candidates: candidates)
  }

  /// Builds METEOR's paraphrase index if it is missing or stale (one-time), returning the
  /// seconds; the first timed run still loads METEOR's data.
  func buildIndexIfNeeded(_ resources: MeteorResources) throws -> Double? {
    let start = DispatchTime.now().uptimeNanoseconds
    guard try resources.buildIndexIfNeeded() else { return nil }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// pycocoevalcap on the same input, through `scripts/bench/metrics_reference.py`.
  func runReference(_ captions: CaptionSet) throws -> (name: String, seconds: Double?, stages: [String: Double]?, scores: [String: Double]?) {
    guard let python = ProcessInfo.processInfo.environment["REPRISE_REFERENCE_PYTHON"], !python.isEmpty else {
      return ("pycocoevalcap (not run: set REPRISE_REFERENCE_PYTHON)", nil, nil, nil)
    }
    struct Input: Encodable {
      var image_ids: [String]
      var references: [[String]]
      var candidates: [String]
    }
    struct Answer: Decodable {
      var seconds: Double
      var stages: [String: Double]
      var corpus: [String: Double]
    }
    let input = try JSONEncoder().encode(
      Input(image_ids: captions.imageIDs, references: captions.references, candidates: captions.candidates))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, data.project.appendingPathComponent("scripts/bench/metrics_reference.py").path]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard process.terminationStatus == 0, let answer = try? JSONDecoder().decode(Answer.self, from: output) else {
      return ("pycocoevalcap (failed: needs pycocoevalcap==1.2 and Java for \(python))", nil, nil, nil)
    }
    return ("pycocoevalcap 1.2 (Java \(javaVersion()))", wall, answer.stages, answer.corpus)
  }

  /// `java -version`'s first line, or "?".
  func javaVersion() -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["java", "-version"]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "?" }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\"").dropFirst().first.map(String.init) ?? "?"
  }

  func report(_ c: Case) -> String {
    func seconds(_ value: Double?) -> String { value.map { String(format: "%.2f s", $0) } ?? "n/a" }
    var lines = [
      "\(c.name), \(c.images) images: Reprise \(seconds(c.reprise_s)) (first run, METEOR data loaded), warm \(seconds(c.reprise_warm_s)); \(c.reference) \(seconds(c.reference_s)); ratio \(c.ratio.map { String(format: "%.1f×", $0) } ?? "n/a") (target ≥ 20×)"
    ]
    if let build = c.meteor_index_build_s {
      lines.append("  METEOR paraphrase index built first (one-time): \(seconds(build))")
    }
    if let stages = c.reference_stages_s {
      lines.append("  reference stages: " + stages.sorted { $0.key < $1.key }.map { "\($0.key) \(seconds($0.value))" }.joined(separator: ", "))
    }
    lines.append("  metric     Reprise     reference")
    for metric in CaptionMetric.allCases.map(\.rawValue) {
      let reference = c.reference_scores?[metric].map { String(format: "%.6f", $0) } ?? "n/a"
      lines.append("  \(metric.padding(toLength: 9, withPad: " ", startingAt: 0))  \(String(format: "%.6f", c.reprise_scores[metric] ?? .nan))    \(reference)")
    }
    if let difference = c.max_abs_difference { lines.append("  max |Δ| over metrics: \(String(format: "%.1e", difference))") }
    return lines.joined(separator: "\n") + "\n"
  }
}
