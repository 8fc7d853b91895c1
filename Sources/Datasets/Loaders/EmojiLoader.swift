import Foundation

/// EmojiOne from the gemojione gem: `config/index.json` maps a key to
/// `{unicode, name, category, keywords, …}`; the image is `assets/png/<unicode>.png`.
///
/// Items are ordered by key (byte-wise); label = category (sorted names); text = the name;
/// tags = the keywords. An entry whose PNG is missing is skipped and counted.
/// Split: Reprise's, 80/20 stratified by category, seed 0.
enum EmojiLoader {
  static let splitSeed: UInt64 = 0
  static let testFraction = 0.2

  struct Entry: Decodable {
    var unicode: String
    var name: String
    var category: String
    var keywords: [String]
  }

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (bytes, path) = try context.bytes("config/index.json")
    let pngs = try context.url("assets/png")
    let entries: [String: Entry]
    do {
      entries = try JSONDecoder().decode([String: Entry].self, from: Data(bytes))
    } catch {
      throw .malformed(dataset: context.id, path: path, reason: "not the expected JSON: \(error)")
    }
    let categories = Set(entries.values.map(\.category)).sorted()
    var items: [DataItem] = []
    var missing = 0
    for key in entries.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      guard let entry = entries[key] else { continue }
      let image = pngs.appendingPathComponent("\(entry.unicode).png")
      guard FileManager.default.fileExists(atPath: image.path) else {
        missing += 1
        continue
      }
      items.append(
        DataItem(
          id: key, text: entry.name, label: categories.firstIndex(of: entry.category),
          tags: entry.keywords, image: .file(image)))
    }
    let splits = StratifiedSplit.assign(
      labels: items.map { $0.label ?? -1 }, testFraction: testFraction, seed: splitSeed)
    for i in items.indices { items[i].split = splits[i] }
    return context.dataset(
      classNames: categories, items: items,
      notes: [
        DatasetNote("entries in index.json", count: entries.count, action: "read"),
        DatasetNote("entries whose PNG is missing", count: missing, action: "skipped"),
      ])
  }
}
