import Datasets
import Foundation
import Media
import Notebook
import Testing

/// The `dataset-card` block on a user dataset of each format, declared in front matter or in
/// `reprise.yaml`.
@Suite struct UserDatasetCardTests {
  static let hostile = "<script>alert(1)</script> & co"

  /// A project with a 2×2 PNG per item under `data/photos`, a CSV table, a COCO captions
  /// file and an `.npy` file with its sidecar, besides the synthetic IDX stripes.
  func makeProject() throws -> TestProject {
    let project = try TestProject()
    let data = project.root.appendingPathComponent("data")
    let photos = data.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    for (n, name) in ["a.png", "b.png", "c.png", "d.png"].enumerated() {
      let png = try PNG.encodeGray(width: 2, height: 2, pixels: [UInt8](repeating: UInt8(60 * n), count: 4))
      try Data(png).write(to: photos.appendingPathComponent(name))
    }
    let table = "file,text,label\na.png,\"\(Self.hostile.replacingOccurrences(of: "\"", with: "\"\""))\",cat\nb.png,a dog,dog\nc.png,another dog,dog\nd.png,a third dog,dog\n"
    try Data(table.utf8).write(to: data.appendingPathComponent("photos.csv"))
    let captions = #"""
      {"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "b.png"}],
       "annotations": [{"image_id": 1, "caption": "one"}, {"image_id": 2, "caption": "two"}, {"image_id": 1, "caption": "uno"}]}
      """#
    try Data(captions.utf8).write(to: data.appendingPathComponent("captions.json"))
    try NPYArray(shape: [5, 3], values: (0..<15).map(Float.init)).write(to: data.appendingPathComponent("X.npy"))
    try Data(#"{"ids": ["p", "q", "r", "s", "t"], "labels": [0, 1, 1, 1, null], "class_names": ["left", "right"]}"#.utf8)
      .write(to: data.appendingPathComponent("X.json"))
    return project
  }

  static let datasets = """
    datasets:
      - {id: photos, format: images, images: data/photos, table: data/photos.csv}
      - {id: caps, format: coco-captions, captions: data/captions.json, images: data/photos}
      - {id: feats, format: npy, features: data/X.npy}
    """

  /// A card per dataset and a sentence quoting its values.
  static func cards(_ ids: [String]) -> String {
    ids.map { id in
      """
      Dataset \(id): {{val-\(id)-card.items}} items, {{val-\(id)-card.classes}} classes.

      ```reprise #tbl-\(id)-card
      run: dataset-card
      dataset: \(id)
      samples: 4
      show: [balance, samples]
      caption: The \(id) card.
      ```

      """
    }.joined(separator: "\n")
  }

  @Test func aCardForEachUserFormatCountsItemsAndClassesAndEscapesTexts() throws {
    let project = try makeProject()
    try project.write(
      TestProject.frontMatter().replacingOccurrences(of: "datasets:\n", with: Self.datasets + "\n") + "# Cards\n\n"
        + Self.cards(["stripes", "photos", "caps", "feats"]))
    try project.render()
    let markdown = try project.read("report.md")
    #expect(markdown.contains("Dataset stripes: 36 items, 3 classes."))
    #expect(markdown.contains("Dataset photos: 4 items, 2 classes."))
    #expect(markdown.contains("Dataset caps: 2 items, 0 classes."))
    #expect(markdown.contains("Dataset feats: 5 items, 2 classes."))
    #expect(markdown.contains("| cat | 1 | 25.00 |") && markdown.contains("| dog | 3 | 75.00 |"))
    #expect(markdown.contains("| left | 1 | 20.00 |") && markdown.contains("| right | 3 | 60.00 |"))
    #expect(markdown.contains("| no split | 2 | 100.00 |"), "a dataset without classes balances its splits")
    let html = try project.read("report.html")
    #expect(!html.contains("<script"))
    #expect(html.contains("cat · &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    #expect(html.contains("one"))
    #expect(!markdown.contains("<script"))
  }

  @Test func projectDatasetsAreReadAndFrontMatterWinsOnAnIDClash() throws {
    let project = try makeProject()
    try Data((Self.datasets + "\n  - {id: extra, format: npy, features: data/X.npy}\n").utf8)
      .write(to: project.root.appendingPathComponent("reprise.yaml"))
    let override = "---\ndatasets:\n  - {id: photos, format: idx, images: data/images.idx, labels: data/labels.idx}\n---\n\n"
    try project.write(override + Self.cards(["photos", "caps", "extra"]))
    try project.render()
    let markdown = try project.read("report.md")
    #expect(markdown.contains("Dataset photos: 36 items, 3 classes."), "the front matter's 'photos' replaces the project's")
    #expect(markdown.contains("Dataset caps: 2 items, 0 classes."))
    #expect(markdown.contains("Dataset extra: 5 items, 2 classes."))
  }

  @Test func changingOneImageReexecutesOnlyItsReaders() throws {
    let project = try makeProject()
    try project.write(TestProject.frontMatter().replacingOccurrences(of: "datasets:\n", with: Self.datasets + "\n") + Self.cards(["photos", "feats"]))
    try project.render()
    let image = project.root.appendingPathComponent("data/photos/c.png")
    try Data(try PNG.encodeGray(width: 2, height: 2, pixels: [9, 9, 9, 9])).write(to: image)
    let summary = try project.render()
    #expect(TestProject.executed(summary) == ["tbl-photos-card"])
  }

  @Test func aMissingDeclaredFileIsAnInputErrorAtItsPath() throws {
    let project = try makeProject()
    try project.write("---\ndatasets:\n  - id: photos\n    format: images\n    images: data/photos\n    table: data/nope.csv\n---\n\n" + Self.cards(["photos"]))
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.description.hasPrefix("report.md:6:12: error: dataset 'photos': table file 'data/nope.csv' does not exist") == true)
    #expect(error?.exitCode == 2)
  }

  @Test func aMissingImageNamedByTheTableIsAnInputErrorNamingDatasetAndFile() throws {
    let project = try makeProject()
    try FileManager.default.removeItem(at: project.root.appendingPathComponent("data/photos/d.png"))
    try project.write(TestProject.frontMatter().replacingOccurrences(of: "datasets:\n", with: Self.datasets + "\n") + Self.cards(["photos"]))
    let error = #expect(throws: ReportError.self) { try project.render() }
    #expect(error?.description.contains("dataset 'photos': file ") == true)
    #expect(error?.description.contains("data/photos/d.png is missing; data/photos.csv line 5 names it") == true)
    #expect(error?.exitCode == 2)
  }
}
