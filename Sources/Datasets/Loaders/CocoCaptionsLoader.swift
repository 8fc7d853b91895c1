import Foundation

/// COCO val2014 captions: a JSON array of `{"image_id": Int, "caption": String}`, one
/// caption per image. Items keep the file's order; the id is the image id. No split.
enum CocoCaptionsLoader {
  struct Entry: Decodable {
    var image_id: Int
    var caption: String
  }

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (bytes, path) = try context.bytes("captions_val2014_submission.json")
    let entries: [Entry]
    do {
      entries = try JSONDecoder().decode([Entry].self, from: Data(bytes))
    } catch {
      throw .malformed(dataset: context.id, path: path, reason: "not the expected JSON: \(error)")
    }
    let images = Set(entries.map(\.image_id)).count
    guard images == entries.count else {
      throw .malformed(
        dataset: context.id, path: path,
        reason: "\(entries.count) captions for \(images) images; expected one caption per image")
    }
    return context.dataset(
      items: entries.map { DataItem(id: "\($0.image_id)", text: $0.caption) },
      notes: [DatasetNote("captions, one per val2014 image", count: entries.count, action: "all kept")])
  }
}
