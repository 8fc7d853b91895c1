import Crypto
import Foundation

/// Openclipart from the Debian package: walk the 22 category folders (8,121 files), read
/// each drawing's RDF metadata (`SVGMetadata`), and apply `ClipartCleaning`, counting the
/// survivors of each rule.
///
/// Items: the deduplicated drawings (label = top-level category, text = the specific title
/// or `""`, tags = cleaned keywords, references = the description if any, image = the SVG).
/// Split: Reprise's, 80/20 stratified by category, seed 0.
enum ClipartLoader {
  static let splitSeed: UInt64 = 0
  static let testFraction = 0.2

  /// One real drawing before title cleaning.
  struct Drawing {
    var path: String
    var metadata: SVGMetadata
    var folders: [String]
  }

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let root = try context.url("openclipart/svg")
    let entries = try TreeDigest.entries(in: root)
    let categories = Set(entries.compactMap { $0.path.split(separator: "/").first.map(String.init) })
      .filter { !$0.hasSuffix(".svg") }.sorted()
    let real = entries.filter { !$0.isLink }.map(\.path)
    let parsed = try ParallelMap.map(real) { path in
      Result { () throws(DatasetError) in try read(root.appendingPathComponent(path)) }
    }.map { result throws(DatasetError) in try result.get() }
    var seenContent = Set<String>()
    var drawings: [Drawing] = []
    var identical = 0
    var invalidText = 0
    for (path, file) in zip(real, parsed) {
      guard seenContent.insert(file.sha256).inserted else {
        identical += 1
        continue
      }
      if file.droppedInvalidText { invalidText += 1 }
      let folders = path.split(separator: "/").dropLast().map(String.init)
      drawings.append(Drawing(path: path, metadata: file.metadata, folders: folders))
    }
    return clean(
      drawings,
      counts: Counts(files: entries.count, links: entries.count - real.count, identical: identical,
                     invalidText: invalidText),
      categories: categories, root: root, context: context)
  }

  /// One drawing file as read: its content hash and metadata.
  struct ParsedFile {
    var sha256: String
    var metadata: SVGMetadata
    /// Whether its metadata held bytes that are not valid UTF-8 (dropped).
    var droppedInvalidText: Bool
  }

  /// Reads a drawing's content hash and the metadata before the end of its `cc:Work` (or in
  /// its first 64 KiB).
  static func read(_ url: URL) throws(DatasetError) -> ParsedFile {
    guard let data = try? Data(contentsOf: url) else {
      throw .unreadable(path: url.path, reason: "cannot read the drawing")
    }
    let bytes = [UInt8](data)
    let end = ByteSearch.offset(of: Array("</cc:Work>".utf8), in: bytes).map { $0 + 10 } ?? min(bytes.count, 1 << 16)
    let decoded = TextLines.decodeDroppingInvalid(bytes[..<end])
    return ParsedFile(
      sha256: DatasetFingerprint.hex(SHA256.hash(data: bytes)), metadata: SVGMetadata(svg: decoded.text),
      droppedInvalidText: decoded.dropped)
  }

  /// What the walk found before titles and keywords are cleaned.
  struct Counts {
    var files: Int
    var links: Int
    var identical: Int
    var invalidText: Int
  }

  /// Applies rules 2 and 3 and builds the dataset with one note per rule.
  static func clean(
    _ drawings: [Drawing], counts: Counts, categories: [String], root: URL, context: LoaderContext
  ) -> Dataset {
    var shared: [String: Int] = [:]
    for drawing in drawings { shared[drawing.metadata.title.lowercased(), default: 0] += 1 }
    var removedAuthor = 0
    var removedFolder = 0
    var items: [DataItem] = []
    for drawing in drawings {
      let meta = drawing.metadata
      let title = ClipartCleaning.isGeneric(meta.title, sharedBy: shared[meta.title.lowercased()] ?? 0)
        ? "" : meta.title
      let keywords = ClipartCleaning.keywords(meta.keywords, creator: meta.creator, folders: drawing.folders)
      removedAuthor += keywords.removed.filter { $0 == .author }.count
      removedFolder += keywords.removed.filter { $0 == .folder }.count
      items.append(
        DataItem(
          id: drawing.path, text: title, references: meta.description.isEmpty ? [] : [meta.description],
          label: drawing.folders.first.flatMap { categories.firstIndex(of: $0) }, tags: keywords.kept,
          image: .file(root.appendingPathComponent(drawing.path))))
    }
    let splits = StratifiedSplit.assign(
      labels: items.map { $0.label ?? -1 }, testFraction: testFraction, seed: splitSeed)
    for i in items.indices { items[i].split = splits[i] }
    let titled = items.filter { !$0.text.isEmpty }.count
    return context.dataset(
      classNames: categories, items: items,
      notes: [
        ("SVG files in the \(categories.count) category folders", counts.files, "walked"),
        ("symbolic links to a drawing filed elsewhere (rule 1)", counts.links,
         "dropped; the drawing keeps its real file's category"),
        ("byte-identical copies of an earlier drawing (rule 1)", counts.identical, "dropped"),
        ("drawings left after rule 1", drawings.count, "the dataset's items"),
        ("drawings whose metadata is not valid UTF-8", counts.invalidText, "invalid bytes dropped"),
        ("drawings left with a specific title after rule 2 (generic titles dropped)", titled,
         "these are the image–text pairs"),
        ("keywords removed as the author's name (rule 3)", removedAuthor, "removed"),
        ("keywords removed as folder names (rule 3)", removedFolder, "removed"),
        ("drawings with at least one keyword after rule 3", items.filter { !$0.tags.isEmpty }.count,
         "multi-label keyword targets"),
        ("drawings with a description", items.filter { !$0.references.isEmpty }.count,
         "kept as a reference text"),
      ].map { DatasetNote($0.0, count: $0.1, action: $0.2) })
  }
}
