import ArgumentParser
import Datasets
import Foundation
import Models
import Notebook

/// `reprise features`: one feature row per image, text line or dataset item, written as a
/// float32 `.npy` (C order) with a JSON sidecar beside it.
struct Features: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Extract features with a built-in encoder into X.npy (float32, C order) and its sidecar X.json.",
    discussion: """
      Exactly one input: --images DIR (every .jpg/.jpeg/.png/.svg directly inside; ids are file \
      names without extension, in byte order of the names), --text FILE (one text per line, every \
      line an item, an empty line an empty text; ids are 0-based line numbers) or --dataset \
      ID[:SPLIT] (a catalog dataset; labels and class names kept). The sidecar X.json holds ids in \
      row order, labels where known, the model (id, weights SHA-256, dimension, preprocessing) and \
      the data fingerprint. --model also takes a feature file Y.npy (with its sidecar, rows are \
      matched to the items by id). Weights are fetched on demand (`reprise fetch MODEL`).
      """)

  @Option(name: .long, help: "Encoder id (\(BuiltinEncoder.standard.map(\.id).joined(separator: ", "))) or a feature file Y.npy.")
  var model: String

  @Option(name: .long, help: "A folder of images.")
  var images: String?

  @Option(name: .long, help: "A UTF-8 text file, one text per line.")
  var text: String?

  @Option(name: .long, help: "A catalog dataset, optionally with a split: ID or ID:train|val|test.")
  var dataset: String?

  @Option(name: .long, help: "Which text of a dataset item a text encoder reads: \(TextField.allCases.map(\.rawValue).joined(separator: ", ")).")
  var field: String = TextField.text.rawValue

  @Option(name: .long, help: "The output .npy file; its sidecar is written beside it with the extension .json.")
  var out: String

  @Option(name: .long, help: "Items per encoder call (\(FeatureExtractor.batchRange.lowerBound)–\(FeatureExtractor.batchRange.upperBound)).")
  var batch = 32

  @Flag(name: .long, help: "Print one JSON object on stdout (output paths, items, dimension, seconds).")
  var json = false

  @OptionGroup var data: DataOptions

  func validate() throws {
    guard [images, text, dataset].compactMap({ $0 }).count == 1 else {
      throw ValidationError("give exactly one of --images, --text, --dataset")
    }
    guard FeatureExtractor.batchRange.contains(batch) else {
      throw ValidationError("--batch must be in [\(FeatureExtractor.batchRange.lowerBound), \(FeatureExtractor.batchRange.upperBound)]")
    }
    guard out.lowercased().hasSuffix(".npy") else { throw ValidationError("--out must end in .npy") }
    guard TextField(rawValue: field) != nil else {
      throw ValidationError("--field must be one of \(TextField.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let reporter = ProgressReporter()
    let (catalog, fingerprints) = data.catalog(acquisition: Acquisition(log: { reporter.message($0) }))
    defer { try? fingerprints.save() }
    let encoders = EncoderCatalog(catalog: catalog)
    let start = Date()
    let store: FeatureStore
    do throws(FeatureError) {
      let items = try inputs(catalog: catalog, fingerprints: fingerprints)
      let loaded = try encoders.load(absolute(model))
      reporter.started("features \(model): \(items.ids.count) items, batch \(batch)")
      do throws(FeatureError) {
        store = try FeatureExtractor.extract(items, with: loaded, batch: batch) { done, total in
          reporter.step(done, of: total)
        }
      } catch {
        reporter.finished("FAILED")
        throw error
      }
      reporter.finished("done in \(NumberFormat.duration(Date().timeIntervalSince(start)))")
      try store.write(to: URL(fileURLWithPath: out))
    } catch {
      throw ReportError(error.isInputError ? .input : .computation, at: nil, error.description)
    }
    let seconds = Date().timeIntervalSince(start)
    let sidecar = FeatureStore.sidecarURL(for: URL(fileURLWithPath: out)).path
    if json {
      let summary = Summary(
        features: out, sidecar: sidecar, model: store.sidecar.model.id, items: store.count,
        dimension: store.dimension, seconds: (seconds * 100).rounded() / 100)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    } else {
      reporter.message("wrote \(out) [\(store.count) × \(store.dimension)] and \(sidecar)")
    }
  }

  /// The items of the one input given.
  private func inputs(catalog: Catalog, fingerprints: FileFingerprints) throws(FeatureError) -> FeatureItems {
    if let images {
      return try FeatureItems.images(in: URL(fileURLWithPath: images), fingerprints: fingerprints)
    }
    if let text { return try FeatureItems.textLines(of: URL(fileURLWithPath: text)) }
    let reference = dataset ?? ""
    let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
    var split: Split?
    if parts.count == 2 {
      guard let chosen = Split(rawValue: parts[1]) else {
        throw .missingInput(
          path: reference, reason: "unknown split '\(parts[1])'; use \(Split.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      split = chosen
    }
    let loaded: Dataset
    do {
      loaded = try catalog.load(parts[0])
    } catch {
      throw .missingInput(path: "dataset \(parts[0])", reason: error.description)
    }
    return try FeatureItems.dataset(loaded, split: split, field: TextField(rawValue: field) ?? .text)
  }

  /// A feature-file reference made absolute from the working directory (ids unchanged).
  private func absolute(_ reference: String) -> String {
    EncoderCatalog.isFeatureFile(reference) ? URL(fileURLWithPath: reference).standardizedFileURL.path : reference
  }

  /// The `--json` output.
  private struct Summary: Encodable {
    var features, sidecar, model: String
    var items, dimension: Int
    var seconds: Double
  }
}
