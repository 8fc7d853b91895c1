import Charts
import Datasets
import Media
import Tensor

/// `run: dataset-card`: what a dataset is — items, classes and balance, splits, text length
/// statistics, a seeded sample of items (images with their text, or texts alone), source,
/// license, citation, what its loader had to handle or clean away, and its fingerprint.
enum DatasetCardKind: Computation {
  static let name = "dataset-card"
  static let summary = "A dataset's card: items, classes and balance, text lengths, samples, source, license, cleaning, fingerprint"
  static let revision = 2
  static let usesBLAS = false
  static let outputs = ["summary", "balance", "notes", "samples"]
  static let parameters = [
    CommonParameters.dataset(),
    Parameter("samples", .int(0...200), default: .int(20), help: "items in the sample gallery or table (spread over classes)"),
    CommonParameters.seed(),
  ]
  /// Longest side of a gallery thumbnail, in pixels.
  static let thumbnailSide = 96

  static func defaultShow(labelPrefix: String?) -> [String] {
    switch labelPrefix {
    case "tbl-": ["balance"]
    case "val-": []
    default: ["summary", "samples"]
    }
  }

  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult {
    let data = try context.catalog.load(spec.string("dataset"))
    let seed = UInt64(spec.int("seed"))
    let chosen = sampleIndices(data, count: spec.int("samples"), seed: seed)
    let samples: OutputContent =
      data.items.contains(where: { $0.image != nil })
      ? .gallery(try gallery(data, indices: chosen)) : .table(textTable(data, indices: chosen))
    let spread = data.classNames.isEmpty ? "drawn at random" : "spread evenly over the classes"
    let facts = summaryFacts(data) + [
      Fact("samples shown", "\(chosen.count), drawn with seed \(seed), \(spread)"),
      Fact("fingerprint", "sha256 " + String(data.fingerprint.prefix(16))),
    ]
    let texts = data.items.filter { !$0.text.isEmpty }.count
    return BlockResult(
      outputs: [
        NamedOutput("summary", .facts(facts)),
        NamedOutput("balance", .table(balanceTable(data))),
        NamedOutput("notes", .table(notesTable(data))),
        NamedOutput("samples", samples),
      ],
      values: [
        PublishedValue(key: "items", mean: Double(data.items.count), digits: 0),
        PublishedValue(key: "classes", mean: Double(data.classNames.count), digits: 0),
        PublishedValue(key: "texts", mean: Double(texts), digits: 0),
      ],
      seeds: [seed])
  }

  /// Provenance, size, classes, splits, text lengths and image format.
  static func summaryFacts(_ data: Dataset) -> [Fact] {
    let info = data.info
    let classCounts = data.classCounts
    var facts = [
      Fact("dataset", "\(info.title) (\(info.id))"),
      Fact("what", info.kind),
      Fact("items", NumberFormat.grouped(data.items.count)),
    ]
    if !data.classNames.isEmpty {
      facts.append(Fact("classes", "\(data.classNames.count)"))
      facts.append(Fact("smallest / largest class", "\(NumberFormat.grouped(classCounts.min() ?? 0)) / \(NumberFormat.grouped(classCounts.max() ?? 0))"))
    }
    let counts = data.splitCounts
    let splits = counts.map { "\($0.split?.rawValue ?? "no split") \(NumberFormat.grouped($0.count))" }
    let unsplit = counts.count == 1 && counts[0].split == nil
    facts.append(Fact("splits", unsplit ? info.splitRule : splits.joined(separator: " · ") + " — \(info.splitRule)"))
    if let lengths = textLengths(data) { facts.append(Fact("text length", lengths)) }
    switch data.items.first?.image {
    case let .gray(width, height, _)?: facts.append(Fact("image size", "\(width) × \(height), grey levels"))
    case .file?: facts.append(Fact("images", "image files (JPEG, PNG or SVG), decoded on demand"))
    case nil: break
    }
    facts += [
      Fact("source", info.source + (info.version.isEmpty || info.source.contains(info.version) ? "" : " (\(info.version))")),
      Fact("license", info.license),
    ]
    if !info.citation.isEmpty { facts.append(Fact("citation", info.citation)) }
    return facts
  }

  /// Words and characters per non-empty text: mean, median, range.
  static func textLengths(_ data: Dataset) -> String? {
    let texts = data.items.map(\.text).filter { !$0.isEmpty }
    guard !texts.isEmpty else { return nil }
    let words = texts.map { $0.split(whereSeparator: \.isWhitespace).count }.sorted()
    let characters = texts.map(\.count)
    let mean = Double(words.reduce(0, +)) / Double(words.count)
    let meanCharacters = Double(characters.reduce(0, +)) / Double(characters.count)
    return "\(NumberFormat.grouped(texts.count)) texts; words per text: mean \(NumberFormat.fixed(mean, digits: 1)), "
      + "median \(words[words.count / 2]), range \(words.first ?? 0)–\(words.last ?? 0); "
      + "characters: mean \(NumberFormat.fixed(meanCharacters, digits: 1))"
  }

  /// Items per class, or per split when the dataset has no classes.
  static func balanceTable(_ data: Dataset) -> ResultTable {
    let total = Double(max(data.items.count, 1))
    let rows: [(String, Int)] =
      data.classNames.isEmpty
      ? data.splitCounts.map { ($0.split?.rawValue ?? "no split", $0.count) }
      : Array(zip(data.classNames, data.classCounts))
    return ResultTable(
      columns: [.init(data.classNames.isEmpty ? "split" : "class"), .init("items", .right), .init("share (%)", .right)],
      rows: rows.map { name, count in
        [.text(name), .integer(count), .number(100 * Double(count) / total, digits: 2)]
      })
  }

  /// The loader's counted quirks and cleaning rules.
  static func notesTable(_ data: Dataset) -> ResultTable {
    ResultTable(
      columns: [.init("found or rule"), .init("count", .right), .init("what Reprise did")],
      rows: data.notes.map { [.text($0.what), .integer($0.count), .text($0.action)] })
  }

  /// `count` item indices: class by class in turn (each class's items shuffled), or a seeded
  /// draw in dataset order when there are no classes.
  static func sampleIndices(_ data: Dataset, count: Int, seed: UInt64) -> [Int] {
    var rng = SplitMix64(seed: seed)
    guard !data.classNames.isEmpty else {
      return rng.sample(min(count, data.items.count), from: data.items.count).sorted()
    }
    var byClass = [[Int]](repeating: [], count: data.classNames.count)
    for (i, item) in data.items.enumerated() {
      if let label = item.label, byClass.indices.contains(label) { byClass[label].append(i) }
    }
    for c in byClass.indices { rng.shuffle(&byClass[c]) }
    var chosen: [Int] = []
    var round = 0
    while chosen.count < count, byClass.contains(where: { $0.count > round }) {
      for members in byClass where chosen.count < count && members.count > round {
        chosen.append(members[round])
      }
      round += 1
    }
    return chosen
  }

  /// "class · text" (or "class · #index" for items without text), for captions and tables.
  static func caption(_ data: Dataset, _ index: Int) -> String {
    let item = data.items[index]
    let label = item.label.flatMap { data.classNames.indices.contains($0) ? data.classNames[$0] : nil }
    let text = item.text.isEmpty ? "#\(index)" : item.text
    return [label, text].compactMap { $0 }.joined(separator: " · ")
  }

  /// Thumbnails of the chosen items with their class and text.
  static func gallery(_ data: Dataset, indices: [Int]) throws -> Gallery {
    var items: [GalleryItem] = []
    for index in indices {
      guard let image = data.items[index].image else { continue }
      let (png, width, height) = try thumbnail(image)
      items.append(GalleryItem(png: png, pixelWidth: width, pixelHeight: height, caption: caption(data, index)))
    }
    let textual = data.items.contains { !$0.text.isEmpty }
    return Gallery(items: items, columns: min(10, max(1, items.count)), cellSize: textual ? 96 : 64,
                   captionLines: textual ? 3 : 2)
  }

  /// A PNG no larger than `thumbnailSide` (grey IDX images as they are).
  static func thumbnail(_ image: ImageRef) throws -> (png: [UInt8], width: Int, height: Int) {
    if case let .gray(width, height, pixels) = image {
      return (try PNG.encodeGray(width: width, height: height, pixels: Array(pixels)), width, height)
    }
    var decoded = try image.load(svgSide: thumbnailSide)
    let longer = max(decoded.width, decoded.height)
    if longer > thumbnailSide {
      let scale = Double(thumbnailSide) / Double(longer)
      decoded = try Resample.resize(
        decoded, width: max(1, Int((Double(decoded.width) * scale).rounded())),
        height: max(1, Int((Double(decoded.height) * scale).rounded())), filter: .bilinear)
    }
    return (try decoded.png(), decoded.width, decoded.height)
  }

  /// The chosen items' texts, for datasets without images.
  static func textTable(_ data: Dataset, indices: [Int]) -> ResultTable {
    let hasClasses = !data.classNames.isEmpty
    let hasScores = data.items.contains { $0.score != nil }
    var columns: [ResultTable.Column] = [.init("id")]
    if hasClasses { columns.append(.init("class")) }
    columns.append(.init("text"))
    if hasScores { columns.append(.init("score", .right)) }
    return ResultTable(
      columns: columns,
      rows: indices.map { i in
        let item = data.items[i]
        var row: [TableCell] = [.text(item.id)]
        if hasClasses { row.append(.text(item.label.map { data.classNames[$0] } ?? "")) }
        let text = item.text.count > 200 ? String(item.text.prefix(199)) + "…" : item.text
        row.append(.text(text))
        if hasScores { row.append(item.score.map { .number($0, digits: 2) } ?? .text("")) }
        return row
      })
  }
}
