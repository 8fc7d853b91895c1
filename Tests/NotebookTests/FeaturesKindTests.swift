import Datasets
import Foundation
import Models
import TestSupport
import Testing

@testable import Notebook

/// The `features` block's plumbing: model fingerprints in the cache key, the `.npy`
/// artifact, and recomputation when the artifact is gone. The "encoder" is a user feature
/// file (accepted wherever a model id is), so no weights are needed here; the real encoders
/// are tested end to end in ModelsTests.
@Suite struct FeaturesKindTests {
  /// 36 rows (one per stripes image) of 2 values: row i is (i, −i).
  static func writeFeatures(_ project: TestProject, scale: Float = 1) throws {
    let values = (0..<36).flatMap { i in [Float(i) * scale, -Float(i) * scale] }
    try NPYArray.write(shape: [36, 2], values: values, to: project.root.appendingPathComponent("user.npy"))
  }

  static let report = TestProject.frontMatter() + """
    # Features

    ```reprise #tbl-feats
    run: features
    model: user.npy
    dataset: stripes
    limit: 30
    batch: 8
    caption: User features.
    ```

    The stripes have {{val-feats.items}} rows of {{val-feats.dimension}} values.

    """

  /// The artifacts of the block's result in the render's records.
  static func artifacts(_ summary: RenderSummary) -> [String: Artifact] {
    summary.records.first { $0.spec.id == "tbl-feats" }?.outcome.result?.artifacts ?? [:]
  }

  @Test func featuresAreStoredAsAnArtifactAndCached() throws {
    let project = try TestProject()
    try Self.writeFeatures(project)
    try project.write(Self.report)
    let first = try project.render()
    #expect(TestProject.executed(first) == ["tbl-feats"])
    let artifacts = Self.artifacts(first)
    let store = ArtifactStore(root: project.state.appendingPathComponent("cache/artifacts"))
    let features = try #require(artifacts["features"])
    let array = try NPYArray.decode(try store.read(features), path: "features")
    #expect(array.shape == [30, 2])
    #expect(Array(array.values.prefix(4)) == [0, 0, 1, -1])
    let result = try #require(first.records.first?.outcome.result)
    let context = RunContext(
      catalog: Catalog(mirror: nil, userBase: project.root, fingerprints: FileFingerprints(store: nil)),
      upstream: ["tbl-feats": result], progress: StepProgress(reporter: nil), artifacts: store)
    let downstream = try FeaturesKind.upstreamFeatures("tbl-feats", in: context)
    #expect(downstream.features == array)
    #expect(downstream.sidecar.ids.count == 30 && downstream.sidecar.classNames == ["top", "middle", "bottom"])
    #expect(downstream.sidecar.labels?.prefix(13).last == 1)
    #expect(throws: ReportError.self) { try FeaturesKind.upstreamFeatures("tbl-other", in: context) }
    let page = try project.read("report.md")
    #expect(page.contains("The stripes have 30 rows of 2 values."))
    #expect(page.contains("| user |"))
    let second = try project.render()
    #expect(TestProject.executed(second).isEmpty)
  }

  @Test func changingTheFeatureFileReexecutes() throws {
    let project = try TestProject()
    try Self.writeFeatures(project)
    try project.write(Self.report)
    let first = try project.render()
    try Self.writeFeatures(project, scale: 2)
    let second = try project.render()
    #expect(TestProject.executed(second) == ["tbl-feats"])
    #expect(Self.artifacts(first)["features"] != Self.artifacts(second)["features"])
    #expect(first.records[0].data.keys.contains("model:user.npy"))
  }

  @Test func aMissingArtifactMakesTheEntryStale() throws {
    let project = try TestProject()
    try Self.writeFeatures(project)
    try project.write(Self.report)
    let first = try project.render()
    let store = ArtifactStore(root: project.state.appendingPathComponent("cache/artifacts"))
    try FileManager.default.removeItem(at: store.url(of: try #require(Self.artifacts(first)["features"])))
    let second = try project.render()
    #expect(TestProject.executed(second) == ["tbl-feats"])
    #expect(project.log.contains { $0.contains("artifact") && $0.contains("recomputing") })
  }

  @Test func unknownModelsAndMisalignedFilesAreInputErrors() throws {
    let project = try TestProject()
    try project.write(Self.report.replacingOccurrences(of: "model: user.npy", with: "model: resnet-9000"))
    do {
      try project.render()
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".contains("report.md:") && "\(error)".contains("unknown model 'resnet-9000'"))
    }
    try NPYArray.write(shape: [5, 2], values: Array(repeating: 0, count: 10), to: project.root.appendingPathComponent("user.npy"))
    try project.write(Self.report)
    do {
      try project.render()
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".contains("5 rows for 30 items"))
    }
  }
}
