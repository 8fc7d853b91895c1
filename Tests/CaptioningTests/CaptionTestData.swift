import Captioning
import Datasets
import Foundation
import TestSupport

/// Inputs shared by the caption metric tests: the Flickr8k references of the data mirror and
/// METEOR's data.
enum CaptionTestData {
  /// Flickr8k references by image id, read from the mirror's token file.
  static let flickrReferences: [String: [String]] = {
    let url = TestPaths.mirror.appendingPathComponent("flickr8k-captions/Flickr8k.token.txt")
    var references: [String: [String]] = [:]
    for (id, caption) in (try? CaptionFile.captions(at: url)) ?? [] { references[id, default: []].append(caption) }
    return references
  }()

  /// METEOR's data: `REPRISE_METEOR_DATA` (an unzipped pycocoevalcap 1.2 wheel), else the
  /// `meteor-1.5` dataset of the project's data store, fetched with pip on first use (the
  /// wheel is pinned by SHA-256; PyPI is reachable from CI).
  static func meteorResources() throws -> MeteorResources {
    let index = TestPaths.packageRoot.appendingPathComponent(".reprise/meteor")
    if let folder = ProcessInfo.processInfo.environment["REPRISE_METEOR_DATA"], !folder.isEmpty {
      return try MeteorResources(directory: URL(fileURLWithPath: folder), indexDirectory: index)
    }
    let state = TestPaths.packageRoot.appendingPathComponent(".reprise")
    let catalog = Catalog(
      mirror: TestPaths.mirror, userBase: TestPaths.packageRoot,
      fingerprints: FileFingerprints(store: state.appendingPathComponent("fingerprints.json")),
      store: DataStore(root: state.appendingPathComponent("data")),
      acquisition: Acquisition(installPackages: false, downloadWheels: true, downloadOriginals: false, timeout: 600))
    let files = try catalog.files("meteor-1.5")
    guard let jar = files["pycocoevalcap/meteor/meteor-1.5.jar"],
      let paraphrases = files["pycocoevalcap/meteor/data/paraphrase-en.gz"]
    else { throw CaptionMetricsError.meteorDataMissing("meteor-1.5 lacks its files") }
    return try MeteorResources(jar: jar, paraphrases: paraphrases, indexDirectory: index)
  }
}

/// `Tests/Fixtures/caption_metrics_parity.json` (see `scripts/fixtures/caption_metrics.py`).
struct ParityFixture: Decodable {
  struct CandidateSet: Decodable {
    let name: String
    let candidates: [String]
    let corpus: [String: Double]
    let per_image: [String: [Double]]
  }

  let image_ids: [String]
  let sets: [CandidateSet]

  static let shared: ParityFixture? = try? Fixtures.decode(ParityFixture.self, named: "caption_metrics_parity.json")
}

/// `Tests/Fixtures/caption_ptb_cases.json`.
struct TokenizerCases: Decodable {
  let lines: [String]
  let expected: [String]
  let flickr8k_token_fnv1a64: String
  let coco_submission_fnv1a64: String
  let meteor_normalizer_lines: [String]
  let meteor_normalizer_expected: [String]
  let stemmer_words: [String]
  let stemmer_expected: [String]

  static func load() throws -> TokenizerCases {
    try Fixtures.decode(TokenizerCases.self, named: "caption_ptb_cases.json")
  }
}
