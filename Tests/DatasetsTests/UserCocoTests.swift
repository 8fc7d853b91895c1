import Foundation
import TestSupport
import Testing

@testable import Datasets

/// User datasets of format `coco-captions`.
@Suite struct UserCocoTests {
  static let annotations = #"""
    {"info": {"year": 2014},
     "images": [{"id": 7, "file_name": "seven.jpg", "width": 4}, {"id": 3, "file_name": "three.jpg"},
                {"id": 9, "file_name": "nine.jpg"}],
     "annotations": [{"image_id": 3, "id": 1, "caption": "A dog."}, {"image_id": 7, "id": 2, "caption": "Two cats."},
                     {"image_id": 3, "id": 3, "caption": "A brown dog."}]}
    """#

  func catalog(_ folder: URL, images: String?) -> Catalog {
    let dataset = UserDataset(id: "caps", source: .cocoCaptions(captions: "captions.json", images: images))
    return Catalog(mirror: nil, userDatasets: [dataset], userBase: folder, fingerprints: FileFingerprints(store: nil))
  }

  func write(_ json: String, images: [String], in folder: URL) throws {
    try Data(json.utf8).write(to: folder.appendingPathComponent("captions.json"))
    let photos = folder.appendingPathComponent("val")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    for name in images { try Data(name.utf8).write(to: photos.appendingPathComponent(name)) }
  }

  @Test func anAnnotationFileGroupsCaptionsByImageWithTheirFiles() throws {
    try withTemporaryDirectory { folder in
      try write(Self.annotations, images: ["seven.jpg", "three.jpg"], in: folder)
      let data = try catalog(folder, images: "val").load("caps")
      #expect(data.items.map(\.id) == ["3", "7"])
      #expect(data.items.map(\.text) == ["A dog.", "Two cats."])
      #expect(data.items[0].references == ["A dog.", "A brown dog."])
      #expect(data.items[1].image == .file(folder.appendingPathComponent("val/seven.jpg").standardizedFileURL))
      #expect(data.info.files.map(\.path) == ["captions.json", "val/three.jpg", "val/seven.jpg"])
      #expect(data.notes.map(\.count) == [3, 2, 1], "3 captions, 2 images, 1 listed image without a caption")
    }
  }

  @Test func aResultsArrayNeedsNoImages() throws {
    try withTemporaryDirectory { folder in
      try write(#"[{"image_id": 1, "caption": "x"}, {"image_id": 2, "caption": "y"}]"#, images: [], in: folder)
      let data = try catalog(folder, images: nil).load("caps")
      #expect(data.items.map(\.text) == ["x", "y"])
      #expect(data.items.allSatisfy { $0.image == nil })
    }
  }

  @Test func problemsAreErrorsNamingTheFileAndThePlace() throws {
    let cases: [(json: String, images: String?, reason: String)] = [
      (#"[{"image_id": 1, "caption": "x"}]"#, "val", "an `images` folder needs the file's `images` list"),
      (#"{"annotations": [{"image_id": 1}]}"#, nil, "expected COCO captions"),
      (#"{"images": [], "annotations": [{"image_id": 5, "caption": "x"}]}"#, "val", "image_id 5 has captions but no entry in `images`"),
    ]
    for c in cases {
      try withTemporaryDirectory { folder in
        try write(c.json, images: [], in: folder)
        let reason = malformedReason(dataset: "caps", path: "captions.json") {
          _ = try catalog(folder, images: c.images).load("caps")
        }
        #expect(reason?.hasPrefix(c.reason) == true, "\(reason ?? "")")
      }
    }
    try withTemporaryDirectory { folder in
      try write(#"{"annotations": [{"image_id": 1}]}"#, images: [], in: folder)
      let error = #expect(throws: DatasetError.self) { try catalog(folder, images: nil).load("caps") }
      #expect(error?.description.contains("annotations[0].caption is missing") == true)
    }
  }

  @Test func aMissingImageNamesTheDatasetAndTheFile() throws {
    try withTemporaryDirectory { folder in
      try write(Self.annotations, images: ["seven.jpg"], in: folder)
      let error = #expect(throws: DatasetError.self) { try catalog(folder, images: "val").fingerprint("caps") }
      guard case let .missingFile("caps", path, _) = error else {
        Issue.record("expected missingFile, got \(String(describing: error))")
        return
      }
      #expect(path.hasSuffix("/val/three.jpg"))
    }
  }
}
