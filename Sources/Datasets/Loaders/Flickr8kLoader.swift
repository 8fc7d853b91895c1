/// Flickr8k captions: `Flickr8k.token.txt` lines `<image>.jpg#<k>\t<caption>` (k = 0…4)
/// and the published image lists `Flickr_8k.{train,dev,test}Images.txt`.
///
/// Quirk of the original release: one caption of `2258277193_586949ec62.jpg` is keyed
/// `2258277193_586949ec62.jpg.1#0`; a key ending in `.jpg.1` is read as the `.jpg` image
/// (counted), which gives every image exactly five references.
///
/// Items: one per image (text = caption #0, references = the five captions in key order);
/// split from the lists (dev = validation); images in no list have no split.
enum Flickr8kLoader {
  static let referencesPerImage = 5

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (text, path) = try context.text("Flickr8k.token.txt")
    var captions: [String: [(k: Int, caption: String)]] = [:]
    var order: [String] = []
    var repairedKeys = 0
    var lines = 0
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
      lines += 1
      let parts = line.split(separator: "\t", maxSplits: 1)
      let key = parts.first?.split(separator: "#")
      guard parts.count == 2, let key, key.count == 2, let k = Int(key[1]) else {
        throw .malformed(dataset: context.id, path: path, reason: "line \(n + 1): expected '<image>#<k>\\t<caption>'")
      }
      var image = String(key[0])
      if image.hasSuffix(".jpg.1") {
        image = String(image.dropLast(2))
        repairedKeys += 1
      }
      if captions[image] == nil { order.append(image) }
      captions[image, default: []].append((k, String(parts[1])))
    }
    if let (image, list) = captions.first(where: { $0.value.count != referencesPerImage }) {
      throw .malformed(
        dataset: context.id, path: path,
        reason: "\(image) has \(list.count) captions, expected \(referencesPerImage)")
    }
    var splits: [String: Split] = [:]
    for (file, split) in [("trainImages", Split.train), ("devImages", .validation), ("testImages", .test)] {
      let (list, listPath) = try context.text("Flickr_8k.\(file).txt")
      for name in list.split(whereSeparator: \.isNewline) {
        guard captions[String(name)] != nil else {
          throw .malformed(dataset: context.id, path: listPath, reason: "\(name) has no captions")
        }
        splits[String(name)] = split
      }
    }
    let items = order.map { image in
      let references = (captions[image] ?? []).sorted { $0.k < $1.k }.map(\.caption)
      return DataItem(id: image, text: references.first ?? "", references: references, split: splits[image])
    }
    return context.dataset(
      items: items,
      notes: [
        DatasetNote("caption lines", count: lines, action: "read"),
        DatasetNote(
          "caption keys ending in '.jpg.1' (2258277193_586949ec62.jpg.1#0)", count: repairedKeys,
          action: "read as the .jpg image, which then has its five captions"),
        DatasetNote("images in no published list", count: items.filter { $0.split == nil }.count,
                    action: "kept without a split"),
      ])
  }
}
