import Foundation

/// A user dataset of format `coco-captions`: COCO's caption annotation file
/// (`{"images": [{"id", "file_name"}], "annotations": [{"image_id", "caption"}]}`) or a
/// results file (`[{"image_id", "caption"}]`), with an optional folder of the images.
///
/// Items: one per image, in the order of its first caption; text = that caption,
/// references = all its captions in file order. With an image folder, every image needs a
/// `file_name` in the file's `images` list and must exist (each is hashed into the
/// fingerprint); listed images without captions are skipped (counted). No split.
enum UserCocoLoader {
  /// One caption.
  struct Caption: Decodable {
    var image_id: Int
    var caption: String
  }

  /// One entry of the `images` list.
  struct ImageEntry: Decodable {
    var id: Int
    var file_name: String
  }

  /// The annotation file's parts Reprise reads.
  struct Annotations: Decodable {
    var images: [ImageEntry]?
    var annotations: [Caption]
  }

  /// Reads the captions file, hashes it and the images it names, and builds the items.
  static func scan(_ files: inout UserFiles, captions: String, images: String?) throws(DatasetError) -> UserContent {
    let id = files.dataset
    let url = try files.read(captions, hint: "check the `captions` path of user dataset '\(id)'")
    let bytes = Data(try UserContent.bytes(url))
    let parsed = try decode(bytes, dataset: id, path: captions)
    var order: [Int] = []
    var byImage: [Int: [String]] = [:]
    for entry in parsed.annotations {
      if byImage[entry.image_id] == nil { order.append(entry.image_id) }
      byImage[entry.image_id, default: []].append(entry.caption)
    }
    var imageURLs: [Int: URL] = [:]
    var uncaptioned = 0
    if let images {
      let folder = try files.folder(images, hint: "check the `images` folder of user dataset '\(id)'")
      guard let listed = parsed.images else {
        throw .malformed(
          dataset: id, path: captions,
          reason: "an `images` folder needs the file's `images` list of {\"id\", \"file_name\"}; this file has none")
      }
      let names = Dictionary(listed.map { ($0.id, $0.file_name) }, uniquingKeysWith: { first, _ in first })
      uncaptioned = Set(names.keys).subtracting(order).count
      for image in order {
        guard let name = names[image] else {
          throw .malformed(dataset: id, path: captions, reason: "image_id \(image) has captions but no entry in `images`")
        }
        imageURLs[image] = try files.read(
          UserFiles.join(images, name),
          hint: "\(captions) lists it for image \(image); the file must be in the `images` folder \(folder.path)")
      }
    }
    let items = order.map { image in
      let texts = byImage[image] ?? []
      return DataItem(id: "\(image)", text: texts.first ?? "", references: texts, image: imageURLs[image].map(ImageRef.file))
    }
    var notes = [
      DatasetNote("captions in \(captions)", count: parsed.annotations.count, action: "grouped by image"),
      DatasetNote("images with at least one caption", count: items.count, action: "the dataset's items"),
    ]
    if uncaptioned > 0 {
      notes.append(DatasetNote("listed images without a caption", count: uncaptioned, action: "skipped"))
    }
    return UserContent(classNames: [], items: items, notes: notes)
  }

  /// The annotation file (a JSON object) or a results array.
  static func decode(_ bytes: Data, dataset: String, path: String) throws(DatasetError) -> Annotations {
    let isObject = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    do {
      if isObject { return try JSONDecoder().decode(Annotations.self, from: bytes) }
      return Annotations(images: nil, annotations: try JSONDecoder().decode([Caption].self, from: bytes))
    } catch {
      throw .malformed(
        dataset: dataset, path: path,
        reason: "expected COCO captions, {\"images\": [{\"id\", \"file_name\"}, …], \"annotations\": "
          + "[{\"image_id\", \"caption\"}, …]} or an array of {\"image_id\", \"caption\"}; \(DecodingErrorText.describe(error))")
    }
  }
}
