import ArgumentParser
import Datasets
import Foundation
import Models
import Tensor

/// The two built-in encoders against PyTorch CPU with the same threads and batch, in one run.
///
/// - `efficientnet-lite0 …`: the network alone on `[batch, 3, 224, 224]` (real MVSA images,
///   decoded and preprocessed before timing); the reference `scripts/bench/efficientnet_pytorch.py`
///   times `efficientnet-lite-pytorch` 0.1.0 on a seeded random input of the same shape
///   (the speed does not depend on the values).
/// - `minilm-l6 …`: `MiniLM.encode` (tokenisation included) on real tweets (MVSA) and
///   captions (COCO), half each; the reference `scripts/bench/minilm_pytorch.py` runs
///   sentence-transformers' `encode` on the same texts (written to a JSON file) from the
///   same model folder. Reprise reports the median pass, that script its best pass (so
///   the ratio, if anything, favours the reference).
///
/// Output has the shape of `bench tensor` (`threads`, `sgemm_gflops`, `reference`, `cases`
/// with `name`, `reprise_ms`, `reference_ms`, `ratio` = reprise_ms / reference_ms, `gflops`,
/// `sgemm_fraction`), plus per case the throughput (`reprise_per_s`,
/// `reference_per_s`, `unit`) and, when the reference could not run, `reference_error`.
struct BenchEncoders: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "encoders",
    abstract: "EfficientNet-Lite0 images/s and MiniLM sentences/s against PyTorch / sentence-transformers (same threads, batch, input).")

  @Option(name: .long, help: "BLAS (and PyTorch) threads; default: the current OpenBLAS setting.")
  var threads: Int?

  @Option(name: .long, help: "Timed repetitions per case (median reported, after one warm-up).")
  var runs = 5

  @Option(name: .long, help: "Images per EfficientNet forward pass and texts per MiniLM batch.")
  var batch = 32

  @Option(name: .long, help: "Texts encoded per MiniLM repetition (half tweets, half captions).")
  var texts = 256

  @Option(name: .long, help: "Python with torch, efficientnet-lite-pytorch and sentence-transformers (default: REPRISE_REFERENCE_PYTHON, else \(BenchEncoders.defaultPython)).")
  var python: String?

  @Option(name: .long, help: "Python for the EfficientNet reference only (default: --python).")
  var efficientnetPython: String?

  @Option(name: .long, help: "Python for the sentence-transformers reference only (default: --python).")
  var minilmPython: String?

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  @OptionGroup var data: DataOptions

  /// The reference venv README documents.
  static let defaultPython = "/tmp/tokenv/bin/python"

  func validate() throws {
    guard (1...1000).contains(runs) else { throw ValidationError("--runs must be in [1, 1000]") }
    guard (1...256).contains(batch) else { throw ValidationError("--batch must be in [1, 256]") }
    guard (2...100_000).contains(texts) else { throw ValidationError("--texts must be in [2, 100000]") }
    if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be in [1, 64]") }
  }

  func run() throws {
    if let threads { BLAS.setThreadCount(threads) }
    let threadCount = BLAS.threadCount
    let sgemmRate = BLAS.measuredSgemmGFLOPS()
    let (catalog, fingerprints) = data.catalog(acquisition: Acquisition(log: { line in
      FileHandle.standardError.write(Data("  \(line)\n".utf8))
    }))
    defer { try? fingerprints.save() }
    let python = self.python ?? ProcessInfo.processInfo.environment["REPRISE_REFERENCE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
      ?? Self.defaultPython
    let references = [efficientnetPython ?? python, minilmPython ?? python].map {
      EncoderReference(python: $0, threads: threadCount, runs: runs, batch: batch)
    }
    var cases: [EncoderBenchResult] = []
    for (benchCase, reference) in zip([efficientNetCase, miniLMCase], references) {
      let result = try benchCase(catalog, reference, sgemmRate)
      if !json { FileHandle.standardError.write(Data((result.line + "\n").utf8)) }
      cases.append(result)
    }
    let pythons = Set(references.map(\.python)).sorted().joined(separator: ", ")
    let report = BenchReport(threads: threadCount, sgemm_gflops: rounded(sgemmRate), reference: pythons, cases: cases)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      FileHandle.standardError.write(Data(
        "threads \(threadCount); measured cblas_sgemm 1024³: \(rounded(sgemmRate)) GFLOPS; reference: \(pythons)\n".utf8))
    }
  }

  /// EfficientNet-Lite0's forward pass on `batch` preprocessed MVSA images.
  private func efficientNetCase(_ catalog: Catalog, _ reference: EncoderReference, _ sgemmRate: Double) throws
    -> EncoderBenchResult
  {
    let files = try catalog.files(EfficientNetLite0.catalogID)
    guard let checkpoint = files.first(where: { $0.key.hasSuffix(".pth") })?.value else {
      throw ValidationError("the efficientnet-lite0 entry has no checkpoint")
    }
    let model = try EfficientNetLite0.load(
      contentsOf: checkpoint, configuration: try EfficientNetConfiguration(threads: BLAS.threadCount))
    let images = try catalog.load("mvsa-single").items.compactMap(\.image).prefix(batch).map { try $0.load() }
    guard images.count == batch else { throw ValidationError("mvsa-single has fewer than \(batch) images") }
    let input = try model.preprocess(images)
    let milliseconds = try median(of: runs, warmUp: true) { _ = model.features(preprocessed: input) }
    let flops = 2 * Double(EfficientNetLite0.multiplyAddsPerImage) * Double(batch)
    let name = "efficientnet-lite0 forward (\(batch)x3x224x224)"
    var result = EncoderBenchResult(name: name, unit: "images/s", items: batch, milliseconds: milliseconds)
    result.gflops = rounded(flops / milliseconds / 1e6)
    result.sgemm_fraction = rounded(flops / milliseconds / 1e6 / sgemmRate, digits: 3)
    result.attach(reference.run(script: "efficientnet_pytorch.py", rateKey: "images_per_second", extra: []))
    return result
  }

  /// MiniLM on `texts` real texts, half MVSA tweets and half COCO captions.
  private func miniLMCase(_ catalog: Catalog, _ reference: EncoderReference, _ sgemmRate: Double) throws
    -> EncoderBenchResult
  {
    let files = try catalog.files(MiniLM.catalogID)
    guard let config = files.first(where: { $0.key.hasSuffix("model/config.json") })?.value else {
      throw ValidationError("the minilm-l6 entry has no config.json")
    }
    let model = try MiniLM.load(directory: config.deletingLastPathComponent())
    let tweets = try catalog.load("mvsa-single").items.map(\.text).filter { !$0.isEmpty }.prefix(texts / 2)
    let captions = try catalog.load("coco-captions").items.map(\.text).filter { !$0.isEmpty }.prefix(texts - texts / 2)
    let sentences = Array(tweets) + Array(captions)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-bench-texts-\(UUID().uuidString).json")
    try JSONEncoder().encode(sentences).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let milliseconds = try median(of: runs, warmUp: true) { _ = model.encode(texts: sentences, batchSize: batch) }
    let name = "minilm-l6 encode (\(tweets.count) tweets + \(captions.count) captions, batch \(batch))"
    var result = EncoderBenchResult(name: name, unit: "sentences/s", items: sentences.count, milliseconds: milliseconds)
    let folder = config.deletingLastPathComponent().path
    result.attach(
      reference.run(script: "minilm_pytorch.py", rateKey: "sentences_per_second", extra: ["--model", folder, "--texts", file.path]))
    return result
  }
}

/// One case: times, throughput, and the reference's numbers or why there are none.
private struct EncoderBenchResult: Encodable {
  var name: String
  var unit: String
  var reprise_ms: Double
  var reprise_per_s: Double
  var reference_ms: Double?
  var reference_per_s: Double?
  var ratio: Double?
  var gflops: Double?
  var sgemm_fraction: Double?
  var reference_error: String?
  let items: Int

  init(name: String, unit: String, items: Int, milliseconds: Double) {
    self.name = name
    self.unit = unit
    self.items = items
    reprise_ms = rounded(milliseconds)
    reprise_per_s = rounded(Double(items) / milliseconds * 1000, digits: 1)
  }

  /// Fills the reference columns from a reference rate (items per second) or a failure.
  mutating func attach(_ outcome: Result<Double, EncoderReference.Failure>) {
    switch outcome {
    case .success(let rate):
      let milliseconds = Double(items) / rate * 1000
      reference_ms = rounded(milliseconds)
      reference_per_s = rounded(rate, digits: 1)
      ratio = rounded(reprise_ms / milliseconds, digits: 3)
    case .failure(let failure):
      reference_error = failure.reason
    }
  }

  var line: String {
    var text = "\(name): \(reprise_ms) ms, \(reprise_per_s) \(unit)"
    if let reference_per_s, let ratio {
      text += "; PyTorch \(reference_per_s) \(unit), ratio \(ratio) (Reprise/PyTorch time)"
    }
    if let reference_error { text += "; no reference: \(reference_error)" }
    if let gflops, let sgemm_fraction { text += ", \(gflops) GFLOPS (\(sgemm_fraction) of sgemm)" }
    return text
  }

  enum CodingKeys: String, CodingKey {
    case name, unit, reprise_ms, reprise_per_s, reference_ms, reference_per_s, ratio, gflops, sgemm_fraction
    case reference_error
  }
}

/// Runs a reference script of `scripts/bench/` and reads its rate.
private struct EncoderReference {
  /// Why the reference has no number.
  struct Failure: Error {
    var reason: String
  }

  let python: String
  let threads, runs, batch: Int

  /// The rate under `rateKey` in the script's JSON output, or why there is none.
  func run(script name: String, rateKey: String, extra: [String]) -> Result<Double, Failure> {
    guard FileManager.default.isExecutableFile(atPath: python) else {
      return .failure(Failure(reason: "\(python) is not an executable Python (pass --python or set REPRISE_REFERENCE_PYTHON)"))
    }
    let root = Project.root(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    let script = root.appendingPathComponent("scripts/bench/\(name)")
    guard FileManager.default.fileExists(atPath: script.path) else {
      return .failure(Failure(reason: "\(script.path) does not exist"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script.path, "--threads", "\(threads)", "--batch", "\(batch)", "--runs", "\(runs)"] + extra
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failure(Failure(reason: "cannot start \(python): \(error.localizedDescription)"))
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // The JSON object is the last line; libraries may print before it.
    let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map { Data($0.utf8) } ?? Data()
    let object = (try? JSONSerialization.jsonObject(with: last)) as? [String: Any]
    guard process.terminationStatus == 0, let rate = object?[rateKey] as? Double, rate > 0 else {
      let reason = process.terminationStatus == 0
        ? "its last line of output has no positive \"\(rateKey)\""
        : messages.split(separator: "\n").last.map(String.init) ?? "no message"
      return .failure(Failure(reason: "\(name) exited with status \(process.terminationStatus): \(reason)"))
    }
    return .success(rate)
  }
}
