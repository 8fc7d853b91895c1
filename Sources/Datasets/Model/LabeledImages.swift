/// Grayscale images with one class label each, as loaded from a catalog dataset.
public struct LabeledImages: Sendable {
  /// The catalog id the images came from.
  public let datasetID: String
  /// Number of images.
  public let count: Int
  /// Image height in pixels.
  public let height: Int
  /// Image width in pixels.
  public let width: Int
  /// `count·height·width` bytes, image-major then row-major, as stored in the source (for
  /// MNIST 0 = background, 255 = ink).
  public let pixels: [UInt8]
  /// `count` class indices in `0..<classNames.count`.
  public let labels: [Int]
  /// Name of each class index.
  public let classNames: [String]
  /// SHA-256 over the files' hashes (see `DatasetFingerprint`).
  public let fingerprint: String
  /// The files read, with their actual hashes.
  public let files: [DataFile]
  /// The published split of each image, or `nil` when the source has none.
  public let splits: [Split]?

  /// Labelled images; the counts must agree.
  public init(
    datasetID: String, height: Int, width: Int, pixels: [UInt8], labels: [Int],
    classNames: [String], fingerprint: String, files: [DataFile], splits: [Split]? = nil
  ) {
    precondition(pixels.count == labels.count * height * width, "pixels do not match labels")
    precondition(splits.map { $0.count == labels.count } ?? true, "splits do not match labels")
    self.datasetID = datasetID
    self.count = labels.count
    self.height = height
    self.width = width
    self.pixels = pixels
    self.labels = labels
    self.classNames = classNames
    self.fingerprint = fingerprint
    self.files = files
    self.splits = splits
  }

  /// The images as dataset items (`ImageRef.gray` slices of `pixels`).
  public func items() -> [DataItem] {
    let size = width * height
    return labels.indices.map { i in
      DataItem(
        id: "\(i)", label: labels[i],
        image: .gray(width: width, height: height, pixels: pixels[(i * size)..<((i + 1) * size)]),
        split: splits?[i])
    }
  }
}
