import Charts
import Datasets
import Media
import Tensor

/// `run: dataset-card`: what a dataset is — size, classes and balance, image size, a seeded
/// sample gallery, source, license, citation and fingerprint.
enum DatasetCardKind: Computation {
  static let name = "dataset-card"
  static let summary = "A dataset's card: items, classes and balance, samples, source, license, fingerprint"
  static let revision = 1
  static let usesBLAS = false
  static let outputs = ["summary", "balance", "samples"]
  static let parameters = [
    CommonParameters.dataset(),
    Parameter("samples", .int(0...200), default: .int(20), help: "images in the sample gallery (spread over classes)"),
    CommonParameters.seed(),
  ]

  static func defaultShow(labelPrefix: String?) -> [String] {
    switch labelPrefix {
    case "tbl-": ["balance"]
    case "val-": []
    default: ["summary", "samples"]
    }
  }

  static func run(_ spec: BlockSpec, in context: RunContext) throws -> BlockResult {
    let id = spec.string("dataset")
    let info = try context.catalog.info(id)
    let data = try context.catalog.labeledImages(id)
    let counts = (0..<data.classNames.count).map { c in data.labels.lazy.filter { $0 == c }.count }
    let balance = ResultTable(
      columns: [.init("class"), .init("items", .right), .init("share (%)", .right)],
      rows: zip(data.classNames, counts).map { name, count in
        [.text(name), .integer(count), .number(100 * Double(count) / Double(max(data.count, 1)), digits: 2)]
      })
    let seed = UInt64(spec.int("seed"))
    let gallery = try sampleGallery(data, count: spec.int("samples"), seed: seed)
    let facts = [
      Fact("dataset", "\(info.title) (\(id))"),
      Fact("items", NumberFormat.grouped(data.count)),
      Fact("classes", "\(data.classNames.count)"),
      Fact("image size", "\(data.width) × \(data.height), grey levels"),
      Fact("smallest / largest class", "\(NumberFormat.grouped(counts.min() ?? 0)) / \(NumberFormat.grouped(counts.max() ?? 0))"),
      Fact("source", info.source),
      Fact("license", info.license),
      Fact("citation", info.citation),
      Fact("samples shown", "\(gallery.items.count), drawn with seed \(seed), spread evenly over the classes"),
      Fact("fingerprint", "sha256 " + String(data.fingerprint.prefix(16))),
    ]
    return BlockResult(
      outputs: [
        NamedOutput("summary", .facts(facts)),
        NamedOutput("balance", .table(balance)),
        NamedOutput("samples", .gallery(gallery)),
      ],
      values: [
        PublishedValue(key: "items", mean: Double(data.count), digits: 0),
        PublishedValue(key: "classes", mean: Double(data.classNames.count), digits: 0),
      ],
      seeds: [seed])
  }

  /// `count` images, class by class in turn, each class's images drawn without replacement.
  static func sampleGallery(_ data: LabeledImages, count: Int, seed: UInt64) throws -> Gallery {
    var rng = SplitMix64(seed: seed)
    var byClass = (0..<data.classNames.count).map { c in data.labels.indices.filter { data.labels[$0] == c } }
    for c in byClass.indices { rng.shuffle(&byClass[c]) }
    var items: [GalleryItem] = []
    var round = 0
    while items.count < count, byClass.contains(where: { $0.count > round }) {
      for c in byClass.indices where items.count < count && byClass[c].count > round {
        let index = byClass[c][round]
        let size = data.width * data.height
        let pixels = Array(data.pixels[(index * size)..<((index + 1) * size)])
        let png = try PNG.encodeGray(width: data.width, height: data.height, pixels: pixels)
        items.append(GalleryItem(png: png, pixelWidth: data.width, pixelHeight: data.height,
                                 caption: "\(data.classNames[c]) · #\(index)"))
      }
      round += 1
    }
    return Gallery(items: items, columns: min(10, max(1, items.count)), cellSize: 64)
  }
}
