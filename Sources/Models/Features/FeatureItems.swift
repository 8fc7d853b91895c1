import Crypto
import Datasets
import Foundation

/// What a feature extraction encodes: item ids in row order, their images and/or texts,
/// labels where known, and a fingerprint of the data.
public struct FeatureItems: Sendable {
  /// One id per item, unique, in row order.
  public var ids: [String]
  /// One image per item, or `nil` when the data has no images.
  public var images: [ImageRef]?
  /// One text per item, or `nil` when the data has no texts.
  public var texts: [String]?
  /// One class index per item (`nil`: unlabelled).
  public var labels: [Int?]
  /// Names of the class indices.
  public var classNames: [String]
  /// Description and fingerprint of the data.
  public var data: FeatureData

  /// Items from their parts; every array has one entry per id.
  public init(
    ids: [String], images: [ImageRef]?, texts: [String]?, labels: [Int?], classNames: [String], data: FeatureData
  ) {
    precondition(
      images.map { $0.count == ids.count } ?? true && texts.map { $0.count == ids.count } ?? true
        && labels.count == ids.count, "FeatureItems: parts of different lengths")
    self.ids = ids
    self.images = images
    self.texts = texts
    self.labels = labels
    self.classNames = classNames
    self.data = data
  }

  /// The image file extensions `images(in:)` picks up (lower-cased).
  public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "svg"]

  /// Every image file directly inside `folder` (`.jpg`, `.jpeg`, `.png`, `.svg`, any case),
  /// ids = file names without extension, ordered by the UTF-8 bytes of the file name.
  ///
  /// - Throws: `FeatureError.missingInput` if the folder cannot be listed, `.noItems` if it
  ///   holds no image, and `.missingInput` naming two files that share an id (e.g. `a.jpg`
  ///   and `a.png`).
  public static func images(in folder: URL, fingerprints: FileFingerprints) throws(FeatureError) -> FeatureItems {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw .missingInput(path: folder.path, reason: "not a readable folder")
    }
    let files = names.filter { imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    guard !files.isEmpty else {
      throw .noItems("folder \(folder.path) (looked for \(imageExtensions.sorted().joined(separator: ", ")))")
    }
    var seen: [String: String] = [:]
    var lines = ""
    for name in files {
      let id = (name as NSString).deletingPathExtension
      if let other = seen[id] {
        throw .missingInput(path: folder.path, reason: "\(other) and \(name) would both get id '\(id)'; rename one")
      }
      seen[id] = name
      let url = folder.appendingPathComponent(name)
      do {
        lines += "\(id)\t\(try fingerprints.sha256(of: url))\n"
      } catch {
        throw .missingInput(path: url.path, reason: error.description)
      }
    }
    return FeatureItems(
      ids: files.map { ($0 as NSString).deletingPathExtension },
      images: files.map { .file(folder.appendingPathComponent($0)) }, texts: nil,
      labels: [Int?](repeating: nil, count: files.count), classNames: [],
      data: FeatureData(source: "images in \(folder.path)", fingerprint: sha256(lines)))
  }

  /// One text per line of a UTF-8 file: every line is an item (an empty line is an empty
  /// text), ids are 0-based line numbers; a final newline ends the last line rather than
  /// starting an empty one, and `\r` before `\n` is dropped.
  ///
  /// - Throws: `FeatureError.missingInput` if the file cannot be read or a line is not
  ///   UTF-8 (naming the line), `.noItems` if it is empty.
  public static func textLines(of file: URL) throws(FeatureError) -> FeatureItems {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw .missingInput(path: file.path, reason: "not a readable file")
    }
    // Split the bytes, not the String: Swift joins "\r\n" into one Character.
    var rows = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
    if data.isEmpty || data.last == 0x0A { rows.removeLast() }
    var lines: [String] = []
    for (number, row) in rows.enumerated() {
      guard let line = String(validating: row.last == 0x0D ? row.dropLast() : row, as: UTF8.self) else {
        throw .missingInput(path: file.path, reason: "line \(number + 1) is not UTF-8 text")
      }
      lines.append(line)
    }
    guard !lines.isEmpty else { throw .noItems("text file \(file.path)") }
    return FeatureItems(
      ids: lines.indices.map(String.init), images: nil, texts: lines,
      labels: [Int?](repeating: nil, count: lines.count), classNames: [],
      data: FeatureData(
        source: "text lines of \(file.path)",
        fingerprint: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()))
  }

  /// The items of a loaded dataset, optionally of one split, with `field` as their text.
  ///
  /// - Throws: `FeatureError.noItems` if the split is empty.
  public static func dataset(_ dataset: Dataset, split: Split?, field: TextField) throws(FeatureError) -> FeatureItems {
    let items = dataset.items.filter { split == nil || $0.split == split }
    let name = dataset.id + (split.map { ":\($0.rawValue)" } ?? "")
    guard !items.isEmpty else { throw .noItems("dataset \(name)") }
    let images = items.compactMap(\.image)
    return FeatureItems(
      ids: items.map(\.id), images: images.count == items.count ? images : nil,
      texts: items.map { field.text(of: $0, classNames: dataset.classNames) },
      labels: items.map(\.label), classNames: dataset.classNames,
      data: FeatureData(
        source: "dataset \(name), text field \(field.rawValue)",
        fingerprint: sha256("\(dataset.fingerprint)\n\(name)\n\(field.rawValue)\n")))
  }

  /// The first `count` items (`count` ≤ the number of items), with the data description and
  /// fingerprint saying so.
  public func prefix(_ count: Int) -> FeatureItems {
    FeatureItems(
      ids: Array(ids.prefix(count)), images: images.map { Array($0.prefix(count)) },
      texts: texts.map { Array($0.prefix(count)) }, labels: Array(labels.prefix(count)), classNames: classNames,
      data: FeatureData(
        source: "\(data.source), first \(count) items", fingerprint: Self.sha256("\(data.fingerprint)\nfirst \(count)\n")))
  }

  /// Lowercase hex SHA-256 of a string's UTF-8 bytes.
  static func sha256(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}

/// Which text of a dataset item a text encoder reads.
public enum TextField: String, Sendable, CaseIterable {
  /// The item's main text (a tweet, a title, a caption).
  case text
  /// The item's keywords, joined with `", "`.
  case tags
  /// The name of the item's class (`""` when unlabelled).
  case `class`

  /// The chosen text of `item`.
  func text(of item: DataItem, classNames: [String]) -> String {
    switch self {
    case .text: item.text
    case .tags: item.tags.joined(separator: ", ")
    case .class: item.label.flatMap { classNames.indices.contains($0) ? classNames[$0] : nil } ?? ""
    }
  }
}
