import Datasets
import Foundation
import Notebook
import Testing

/// Declaring user datasets in front matter and in `reprise.yaml`: every key checked, with
/// `file:line:col` diagnostics.
@Suite struct UserDatasetDeclarationTests {
  func parseError(_ yaml: String) -> ReportError? {
    #expect(throws: ReportError.self) { try Document.parse("---\n\(yaml)---\n", file: "r.md") }
  }

  @Test func eachFormatParsesWithItsKeys() throws {
    let document = try Document.parse(
      """
      ---
      datasets:
        - {id: digits, format: idx, images: i.gz, labels: l.gz, classes: [a, b], title: Digits}
        - {id: photos, format: images, images: photos, table: photos.json, columns: {file: name, label: mood}}
        - {id: caps, format: coco-captions, captions: c.json}
        - {id: feats, format: npy, features: X.npy, sidecar: meta.json}
      ---

      """, file: "r.md")
    let datasets = document.frontMatter.datasets.map(\.dataset)
    #expect(datasets.map(\.format) == ["idx", "images", "coco-captions", "npy"])
    #expect(datasets[0] == UserDataset(id: "digits", images: "i.gz", labels: "l.gz", classes: ["a", "b"], title: "Digits"))
    #expect(datasets[1].source == .imageTable(images: "photos", table: "photos.json", columns: .init(file: "name", label: "mood")))
    #expect(datasets[2].source == .cocoCaptions(captions: "c.json", images: nil))
    #expect(datasets[3].source == .features(npy: "X.npy", sidecar: "meta.json"))
    #expect(document.frontMatter.datasets[1].paths.map(\.key) == ["images", "table"])
    #expect(document.frontMatter.datasets[1].paths.map(\.isFolder) == [true, false])
  }

  @Test func badDeclarationsAreErrorsAtTheirKey() {
    let cases: [(yaml: String, message: String)] = [
      ("datasets:\n  - id: d\n    format: idx\n    images: a\n    labels: b\n    colour: red\n",
       "r.md:7:5: error: unknown dataset key 'colour'; keys for format 'idx': id, format, title, classes, images, labels"),
      ("datasets:\n  - id: d\n    format: idx\n    images: a\n    labels: b\n    table: t.csv\n",
       "r.md:7:5: error: key 'table' does not apply to format 'idx' (only to images); keys for format 'idx': id, format, title, classes, images, labels"),
      ("datasets:\n  - id: d\n    format: images\n    images: a\n",
       "r.md:3:5: error: a dataset of format 'images' needs 'table'; keys: id, format, title, classes, images, table, columns"),
      ("datasets:\n  - id: d\n    format: idx\n    images: a\n    labels: b\n    classes: 3\n",
       "r.md:7:14: error: expected a list, got an integer"),
      ("datasets:\n  - id: d\n    format: images\n    images: a\n    table: t.txt\n",
       "r.md:6:12: error: 'table' must be a .csv or .json file, got 't.txt'"),
      ("datasets:\n  - id: d\n    format: images\n    images: a\n    table: t.csv\n    columns: {file: f, caption: c}\n",
       "r.md:7:24: error: unknown column key 'caption'; valid keys: file, text, label"),
      ("datasets:\n  - id: d\n    format: csv\n",
       "r.md:4:13: error: unknown dataset format 'csv'; formats: idx, images, coco-captions, npy"),
      ("datasets:\n  - id: mnist-test\n    format: npy\n    features: X.npy\n",
       "r.md:3:9: error: 'mnist-test' is a built-in dataset; give your dataset another id"),
      ("datasets:\n  - {id: d, format: npy, features: X.npy}\n  - {id: d, format: npy, features: Y.npy}\n",
       "r.md:4:10: error: dataset id 'd' is already declared at r.md:3:10"),
    ]
    for c in cases {
      let error = parseError(c.yaml)
      #expect(error?.description == c.message)
      #expect(error?.exitCode == 2)
    }
  }

  @Test func theNearestProjectFileUpToTheRepositoryRootIsUsed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-cfg-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let reports = root.appendingPathComponent("repo/reports/deep")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
    try Data("datasets: []\n".utf8).write(to: root.appendingPathComponent(ProjectConfig.fileName))
    #expect(ProjectConfig.find(from: reports) == nil, "a file above the repository root is not used")
    let project = root.appendingPathComponent("repo/reprise.yaml")
    try Data("datasets: []\n".utf8).write(to: project)
    #expect(ProjectConfig.find(from: reports)?.path == project.path)
    let nearer = root.appendingPathComponent("repo/reports/reprise.yaml")
    try Data("datasets: []\n".utf8).write(to: nearer)
    #expect(ProjectConfig.find(from: reports)?.path == nearer.path)
  }

  @Test func projectFileKeysAreChecked() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-cfg-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let file = root.appendingPathComponent("reprise.yaml")
    try Data("datasets:\n  - id: x\n    format: npy\n    feature: X.npy\nmirror: /data\n".utf8).write(to: file)
    let error = #expect(throws: ReportError.self) { try ProjectConfig.load(file, displayPath: "reprise.yaml") }
    #expect(error?.description.hasPrefix("reprise.yaml:4:5: error: unknown dataset key 'feature'") == true)
    try Data("datasets: []\nmirror: /data\n".utf8).write(to: file)
    let unknown = #expect(throws: ReportError.self) { try ProjectConfig.load(file, displayPath: "reprise.yaml") }
    #expect(unknown?.description == "reprise.yaml:2:1: error: unknown reprise.yaml key 'mirror'; valid keys: datasets")
  }
}
