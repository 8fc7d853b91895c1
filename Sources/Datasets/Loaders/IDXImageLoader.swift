import Foundation
import Media

/// Builds `LabeledImages` from an IDX images file `[n, h, w]` and an IDX labels file `[n]`.
enum IDXImageLoader {
  /// One file to read: where it is and how to name it in errors.
  struct Source {
    var url: URL
    var path: String
  }

  /// Reads and cross-checks the two files.
  ///
  /// - Parameters:
  ///   - dataset: the id used in errors and in the result.
  ///   - images: IDX `[n, h, w]`.
  ///   - labels: IDX `[n]`.
  ///   - classNames: names by label; `nil` → `"0"…"<max label>"`.
  ///   - fingerprint: the dataset fingerprint to record.
  ///   - files: the verified file records to record.
  /// - Returns: the images with their labels.
  /// - Throws: `DatasetError.malformed` naming the file at fault.
  static func load(
    dataset: String, images: Source, labels: Source, classNames: [String]?, fingerprint: String,
    files: [DataFile]
  ) throws(DatasetError) -> LabeledImages {
    let imageArray = try read(images, dataset: dataset)
    let labelArray = try read(labels, dataset: dataset)
    guard imageArray.dimensions.count == 3 else {
      throw .malformed(
        dataset: dataset, path: images.path,
        reason: "expected images [count, height, width], got dimensions \(imageArray.dimensions)")
    }
    guard labelArray.dimensions.count == 1 else {
      throw .malformed(
        dataset: dataset, path: labels.path,
        reason: "expected labels [count], got dimensions \(labelArray.dimensions)")
    }
    let count = imageArray.dimensions[0]
    guard labelArray.bytes.count == count else {
      throw .malformed(
        dataset: dataset, path: labels.path,
        reason: "\(labelArray.bytes.count) labels for \(count) images in \(images.path)")
    }
    let labelValues = labelArray.bytes.map(Int.init)
    let names = classNames ?? (0...(labelValues.max() ?? -1)).map(String.init)
    if let i = labelValues.firstIndex(where: { $0 >= names.count }) {
      throw .malformed(
        dataset: dataset, path: labels.path,
        reason: "label \(labelValues[i]) of item \(i) has no class name (\(names.count) classes)")
    }
    return LabeledImages(
      datasetID: dataset, height: imageArray.dimensions[1], width: imageArray.dimensions[2],
      pixels: imageArray.bytes, labels: labelValues, classNames: names, fingerprint: fingerprint,
      files: files)
  }

  /// Reads several IDX pairs (e.g. a published train and test set) into one dataset whose
  /// images keep the split they came from.
  ///
  /// - Throws: `DatasetError.malformed` naming the file at fault, including parts whose
  ///   image sizes differ.
  static func loadSplits(
    dataset: String, parts: [(split: Split, images: Source, labels: Source)], classNames: [String],
    fingerprint: String, files: [DataFile]
  ) throws(DatasetError) -> LabeledImages {
    var pixels: [UInt8] = []
    var labels: [Int] = []
    var splits: [Split] = []
    var size: (height: Int, width: Int)?
    for part in parts {
      let loaded = try load(
        dataset: dataset, images: part.images, labels: part.labels, classNames: classNames,
        fingerprint: fingerprint, files: files)
      if let size, size != (loaded.height, loaded.width) {
        throw .malformed(
          dataset: dataset, path: part.images.path,
          reason: "images are \(loaded.height)×\(loaded.width), the other part's \(size.height)×\(size.width)")
      }
      size = (loaded.height, loaded.width)
      pixels += loaded.pixels
      labels += loaded.labels
      splits += [Split](repeating: part.split, count: loaded.count)
    }
    return LabeledImages(
      datasetID: dataset, height: size?.height ?? 0, width: size?.width ?? 0, pixels: pixels,
      labels: labels, classNames: classNames, fingerprint: fingerprint, files: files,
      splits: splits)
  }

  static func read(_ source: Source, dataset: String) throws(DatasetError) -> IDXArray {
    do {
      return try IDX.read(source.url)
    } catch {
      throw .malformed(dataset: dataset, path: source.path, reason: error.description)
    }
  }
}
