import Foundation

/// MVSA-Single from the mirror: `labels.csv` (`tweet_id,text,label,split`, RFC 4180
/// quoting) and `images/<tweet_id>.jpg`.
///
/// Labels: 0 neutral, 1 positive, 2 negative. The split is the file's own `split` column
/// (train / val / test). Every row must have its image and valid UTF-8 text.
enum MVSALoader {
  static let classNames = ["neutral", "positive", "negative"]
  static let splits: [String: Split] = ["train": .train, "val": .validation, "test": .test]

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (bytes, path) = try context.bytes("labels.csv")
    let images = try context.url("mvsa-single/images")
    let records: [QuotedCSV.Record]
    do {
      records = try QuotedCSV.records(bytes)
    } catch {
      throw .malformed(dataset: context.id, path: path, reason: "line \(error.line): \(error.reason)")
    }
    let header = records.first.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
    guard header == ["tweet_id", "text", "label", "split"] else {
      throw .malformed(
        dataset: context.id, path: path,
        reason: "expected the header tweet_id,text,label,split, found \(header ?? [])")
    }
    var items: [DataItem] = []
    for record in records.dropFirst() {
      let fields = record.fields.map { String(validating: $0, as: UTF8.self) }
      guard fields.count == 4, let id = fields[0], let text = fields[1],
        let label = fields[2].flatMap(Int.init), classNames.indices.contains(label),
        let split = fields[3].flatMap({ splits[$0] }), !id.isEmpty,
        id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else {
        throw .malformed(
          dataset: context.id, path: path,
          reason: "line \(record.line): expected a tweet id, UTF-8 text, a label 0–2 and "
            + "train/val/test")
      }
      let image = images.appendingPathComponent("\(id).jpg")
      guard FileManager.default.fileExists(atPath: image.path) else {
        throw .missingFile(
          dataset: context.id, path: image.path,
          hint: "labels.csv line \(record.line) names it; restore the mirror's images folder")
      }
      items.append(DataItem(id: id, text: text, label: label, image: .file(image), split: split))
    }
    return context.dataset(
      classNames: classNames, items: items,
      notes: [DatasetNote("tweets with an image, a text and a label", count: items.count, action: "all kept")])
  }
}
