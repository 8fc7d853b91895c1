import Foundation
import TestSupport
import Testing

@testable import Datasets

/// User datasets of format `npy`: feature rows with an optional sidecar.
@Suite struct UserFeaturesTests {
  static let values: [Float] = [1, 2, 3, 4, 5, 6]

  func catalog(_ folder: URL, sidecar: String? = nil, classes: [String]? = nil) -> Catalog {
    let dataset = UserDataset(id: "feats", source: .features(npy: "X.npy", sidecar: sidecar), classes: classes)
    return Catalog(mirror: nil, userDatasets: [dataset], userBase: folder, fingerprints: FileFingerprints(store: nil))
  }

  func write(sidecar json: String?, named name: String = "X.json", in folder: URL) throws {
    try NPYArray(shape: [3, 2], values: Self.values).write(to: folder.appendingPathComponent("X.npy"))
    if let json { try Data(json.utf8).write(to: folder.appendingPathComponent(name)) }
  }

  @Test func theSidecarBesideTheFileGivesIdsLabelsAndClassNames() throws {
    try withTemporaryDirectory { folder in
      try write(
        sidecar: #"{"ids": ["a", "b", "c"], "labels": [1, null, 0], "class_names": ["cat", "dog"], "model": {"id": "m"}}"#,
        in: folder)
      let features = try catalog(folder).labeledFeatures("feats")
      #expect(features.ids == ["a", "b", "c"])
      #expect(features.dimension == 2 && features.values == Self.values)
      #expect(features.labels == [1, nil, 0])
      #expect(features.classNames == ["cat", "dog"])
      #expect(features.files.map(\.path) == ["X.npy", "X.json"])
      let data = try catalog(folder).load("feats")
      #expect(data.items.map(\.id) == ["a", "b", "c"])
      #expect(data.classCounts == [1, 1])
      #expect(data.info.kind == "feature vectors (user .npy file), 3 × 2")
    }
  }

  @Test func withoutASidecarRowsAreNumberedAndUnlabelled() throws {
    try withTemporaryDirectory { folder in
      try write(sidecar: nil, in: folder)
      let features = try catalog(folder).labeledFeatures("feats")
      #expect(features.ids == ["0", "1", "2"])
      #expect(features.labels == [nil, nil, nil])
      #expect(features.classNames.isEmpty)
      #expect(features.files.map(\.path) == ["X.npy"])
    }
  }

  @Test func anExplicitSidecarWithClassNameLabels() throws {
    try withTemporaryDirectory { folder in
      try write(sidecar: #"{"labels": ["dog", "cat", "dog"]}"#, named: "meta.json", in: folder)
      let features = try catalog(folder, sidecar: "meta.json").labeledFeatures("feats")
      #expect(features.classNames == ["cat", "dog"])
      #expect(features.labels == [1, 0, 1])
      let declared = try catalog(folder, sidecar: "meta.json", classes: ["dog", "cat"]).labeledFeatures("feats")
      #expect(declared.labels == [0, 1, 0])
    }
  }

  @Test func disagreementsAreErrorsNamingTheSidecar() throws {
    let cases: [(json: String, reason: String)] = [
      (#"{"ids": ["a", "b"]}"#, "2 ids for 3 rows"),
      (#"{"labels": [0, 1]}"#, "2 labels for 3 rows"),
      (#"{"labels": [0, "cat", 1]}"#, "labels mix class indices and class names"),
      (#"{"labels": [0, 1, 2], "class_names": ["a", "b"]}"#, "label 2 of row 2 has no class name (2 classes)"),
      (#"{"ids": [1, 2, 3]}"#, "expected a sidecar"),
    ]
    for c in cases {
      try withTemporaryDirectory { folder in
        try write(sidecar: c.json, in: folder)
        let reason = malformedReason(dataset: "feats", path: "X.json") { _ = try catalog(folder).labeledFeatures("feats") }
        #expect(reason?.hasPrefix(c.reason) == true, "\(reason ?? "")")
      }
    }
  }

  @Test func aMissingExplicitSidecarAndABadArrayAreErrors() throws {
    try withTemporaryDirectory { folder in
      try write(sidecar: nil, in: folder)
      let missing = #expect(throws: DatasetError.self) { try catalog(folder, sidecar: "none.json").fingerprint("feats") }
      #expect(missing?.description.contains("`sidecar` path of user dataset 'feats'") == true)
      try NPYArray(shape: [6], values: Self.values).write(to: folder.appendingPathComponent("X.npy"))
      let flat = #expect(throws: DatasetError.self) { try catalog(folder).labeledFeatures("feats") }
      #expect(flat == .malformed(dataset: "feats", path: "X.npy", reason: "shape [6] is not [items, dimension]"))
    }
  }

  @Test func onlyNPYDatasetsHaveFeatures() {
    let catalog = catalog(URL(fileURLWithPath: "/nonexistent"))
    #expect(throws: DatasetError.wrongKind(dataset: "mnist-test", expected: "user .npy features")) {
      try catalog.labeledFeatures("mnist-test")
    }
  }
}
