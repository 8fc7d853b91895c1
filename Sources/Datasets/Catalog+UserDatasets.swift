import Foundation

/// Reading user datasets (`UserDataset`): their files are found relative to the dataset's
/// base folder, hashed through the stat cache and fingerprinted one by one.
extension Catalog {
  /// A user dataset's files, hashed, and for formats whose index lists the items
  /// (`images`, `coco-captions`) those items.
  struct UserScan {
    var files: UserFiles
    var content: UserContent?
  }

  /// Finds and hashes every file of `dataset`, reading index files (tables, captions) but
  /// not IDX or `.npy` data.
  ///
  /// - Throws: `DatasetError` naming the dataset and the file that is missing or malformed.
  func scan(_ dataset: UserDataset) throws(DatasetError) -> UserScan {
    var files = UserFiles(dataset: dataset.id, base: dataset.base ?? userBase, fingerprints: fingerprints)
    let hint = { (key: String) in "check the `\(key)` path of user dataset '\(dataset.id)' (relative to \(files.base.path))" }
    switch dataset.source {
    case let .idx(images, labels):
      _ = try files.read(images, hint: hint("images"))
      _ = try files.read(labels, hint: hint("labels"))
      return UserScan(files: files, content: nil)
    case let .imageTable(images, table, columns):
      let content = try UserImageTableLoader.scan(
        &files, images: images, table: table, columns: columns, classes: dataset.classes)
      return UserScan(files: files, content: content)
    case let .cocoCaptions(captions, images):
      let content = try UserCocoLoader.scan(&files, captions: captions, images: images)
      return UserScan(files: files, content: content)
    case let .features(npy, sidecar):
      _ = try UserFeaturesLoader.scan(&files, npy: npy, sidecar: sidecar)
      return UserScan(files: files, content: nil)
    }
  }

  /// The provenance of a user dataset, with its files as found.
  func userInfo(_ dataset: UserDataset, files: [DataFile], kind: String) -> DatasetInfo {
    let paths: String =
      switch dataset.source {
      case let .idx(images, labels): "images \(images), labels \(labels)"
      case let .imageTable(images, table, _): "table \(table), images in \(images)"
      case let .cocoCaptions(captions, images): "captions \(captions)" + (images.map { ", images in \($0)" } ?? "")
      case let .features(npy, _): "features \(npy)" + (files.dropFirst().first.map { ", sidecar \($0.path)" } ?? "")
      }
    return DatasetInfo(
      id: dataset.id, title: dataset.title ?? dataset.id, source: "user dataset (format \(dataset.format)): \(paths)",
      license: "unspecified (user data)", citation: "", kind: kind, splitRule: "none (user data are not split)",
      files: files)
  }

  /// What the items of a user dataset are, for its card.
  static func kind(of dataset: UserDataset) -> String {
    switch dataset.source {
    case .idx: "labelled images (user IDX files)"
    case .imageTable: "images with text and labels (user table)"
    case .cocoCaptions: "image captions (user COCO file)"
    case .features: "feature vectors (user .npy file)"
    }
  }

  /// Loads a user dataset as items.
  func loadUser(_ dataset: UserDataset) throws(DatasetError) -> Dataset {
    switch dataset.source {
    case .idx:
      let images = try labeledImages(dataset.id)
      return imageDataset(images, info: userInfo(dataset, files: images.files, kind: Self.kind(of: dataset)), notes: [])
    case .features:
      let features = try labeledFeatures(dataset.id)
      let info = userInfo(
        dataset, files: features.files, kind: "\(Self.kind(of: dataset)), \(features.count) × \(features.dimension)")
      return Dataset(
        info: info, classNames: features.classNames, items: features.items(),
        notes: [DatasetNote("rows of \(features.dimension) values", count: features.count, action: "all kept")],
        fingerprint: features.fingerprint)
    case .imageTable, .cocoCaptions:
      let scanned = try scan(dataset)
      let content = scanned.content ?? UserContent(classNames: [], items: [], notes: [])
      return Dataset(
        info: userInfo(dataset, files: scanned.files.records, kind: Self.kind(of: dataset)),
        classNames: content.classNames, items: content.items, notes: content.notes,
        fingerprint: scanned.files.fingerprint)
    }
  }

  /// Loads a user IDX dataset.
  func userImages(_ dataset: UserDataset) throws(DatasetError) -> LabeledImages {
    guard case let .idx(images, labels) = dataset.source else {
      throw .wrongKind(dataset: dataset.id, expected: "IDX labelled images")
    }
    let files = try scan(dataset).files
    return try IDXImageLoader.load(
      dataset: dataset.id, images: IDXImageLoader.Source(url: files.url(images), path: images),
      labels: IDXImageLoader.Source(url: files.url(labels), path: labels), classNames: dataset.classes,
      fingerprint: files.fingerprint, files: files.records)
  }

  /// Loads a `.npy` feature dataset (user format `npy`) after hashing its files.
  ///
  /// - Throws: `DatasetError` if the id is unknown or not `.npy` features, a file is
  ///   missing, or the array and the sidecar disagree.
  public func labeledFeatures(_ id: String) throws(DatasetError) -> LabeledFeatures {
    guard case .user(let dataset) = try entry(id), case let .features(npy, sidecar) = dataset.source else {
      throw .wrongKind(dataset: id, expected: "user .npy features")
    }
    var files = UserFiles(dataset: id, base: dataset.base ?? userBase, fingerprints: fingerprints)
    let found = try UserFeaturesLoader.scan(&files, npy: npy, sidecar: sidecar)
    return try UserFeaturesLoader.load(
      dataset: id, npy: (found.npy, npy), sidecar: found.sidecar, classes: dataset.classes, files: files)
  }
}
