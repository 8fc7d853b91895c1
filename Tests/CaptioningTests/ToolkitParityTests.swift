import Foundation
import TestSupport
import Testing

@testable import Captioning

/// Parity with pycocoevalcap 1.2 on the 1,000 Flickr8k test images × 7 candidate sets of
/// `Tests/Fixtures/caption_metrics_parity.json` (`scripts/fixtures/caption_metrics.py`).
/// Tolerances of the issue: BLEU, ROUGE-L, CIDEr 1e-6 (corpus and per image); METEOR 1e-3
/// corpus, 0.01 per image.
@Suite struct ToolkitParityTests {
  static let setNames = ["other-image", "reference", "word-deleted", "upper-case", "punctuation", "short", "non-ascii"]

  func captions(_ set: ParityFixture.CandidateSet, _ fixture: ParityFixture) throws -> CaptionSet {
    let references = try fixture.image_ids.map { id in
      try #require(CaptionTestData.flickrReferences[id], "no Flickr8k references for \(id) in the mirror")
    }
    #expect(references.allSatisfy { $0.count == 5 })
    return CaptionSet(imageIDs: fixture.image_ids, references: references, candidates: set.candidates)
  }

  func check(_ scores: CaptionScores, against set: ParityFixture.CandidateSet, metrics: [CaptionMetric]) {
    for metric in metrics {
      let corpusTolerance = metric == .meteor ? 1e-3 : 1e-6
      let imageTolerance = metric == .meteor ? 0.01 : 1e-6
      assertClose(
        [scores.corpus[metric] ?? .nan], [set.corpus[metric.toolkitName] ?? .infinity], atol: corpusTolerance,
        "\(set.name) corpus \(metric.rawValue)")
      assertClose(
        scores.perImage[metric] ?? [], set.per_image[metric.toolkitName] ?? [], atol: imageTolerance,
        "\(set.name) per-image \(metric.rawValue)")
    }
  }

  @Test(arguments: setNames)
  func ngramMetricsMatchTheToolkit(setName: String) throws {
    let fixture = try #require(ParityFixture.shared)
    #expect(fixture.image_ids.count == 1000)
    let set = try #require(fixture.sets.first { $0.name == setName })
    let metrics: [CaptionMetric] = [.bleu1, .bleu2, .bleu3, .bleu4, .rougeL, .cider]
    let scores = try CaptionEvaluator(.init(metrics: Set(metrics))).evaluate(captions(set, fixture))
    check(scores, against: set, metrics: metrics)
  }

  /// Needs METEOR's data: `REPRISE_METEOR_DATA`, else the pinned wheel is fetched once into
  /// the project's data store (`reprise fetch meteor-1.5` does the same).
  @Test(arguments: setNames)
  func meteorMatchesTheToolkit(setName: String) throws {
    let fixture = try #require(ParityFixture.shared)
    let set = try #require(fixture.sets.first { $0.name == setName })
    let evaluator = try CaptionEvaluator(.init(metrics: [.meteor], meteor: try CaptionTestData.meteorResources()))
    check(try evaluator.evaluate(captions(set, fixture)), against: set, metrics: [.meteor])
  }
}
