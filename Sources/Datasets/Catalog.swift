import Foundation

/// The datasets Reprise can load: the built-in ones (files in the data mirror, pinned by
/// SHA-256) followed by the user's (files under `userBase`, not pinned).
///
/// Every load hashes the dataset's files (through the `FileFingerprints` stat cache) and,
/// for built-in datasets, checks each hash against the pinned one before reading.
public struct Catalog: Sendable {
  /// The data mirror folder, or `nil` when none is configured.
  public let mirror: URL?
  /// User-defined datasets, listed after the built-in ones.
  public let userDatasets: [UserDataset]
  /// The folder user dataset paths are relative to.
  public let userBase: URL
  /// The hash cache used for every file.
  public let fingerprints: FileFingerprints

  /// A catalog over the built-in datasets and `userDatasets`.
  ///
  /// - Parameters:
  ///   - mirror: the data mirror folder (see `defaultMirror`), `nil` if there is none.
  ///   - userDatasets: datasets defined by the user; ids must not repeat.
  ///   - userBase: the folder relative user paths start from (typically the report's).
  ///   - fingerprints: the hash cache, shared by catalogs of one run.
  public init(
    mirror: URL?, userDatasets: [UserDataset] = [], userBase: URL, fingerprints: FileFingerprints
  ) {
    self.mirror = mirror
    self.userDatasets = userDatasets
    self.userBase = userBase
    self.fingerprints = fingerprints
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

  /// Dataset ids, built-in first, then user ones, each once.
  public var ids: [String] {
    var seen = Set<String>()
    return (BuiltinDataset.all.map(\.info.id) + userDatasets.map(\.id)).filter {
      seen.insert($0).inserted
    }
  }

  /// Provenance and files of a dataset. Built-in: the pinned record, without touching the
  /// disk. User: the files as found (hashed).
  public func info(_ id: String) throws(DatasetError) -> DatasetInfo {
    switch try entry(id) {
    case .builtin(let dataset):
      return dataset.info
    case .user(let dataset):
      let files = try verifiedFiles(try locate(.user(dataset)))
      return DatasetInfo(
        id: dataset.id, title: dataset.title ?? dataset.id,
        source: "user files \(dataset.images), \(dataset.labels) under \(userBase.path)",
        license: "unspecified (user data)", citation: "", files: files)
    }
  }

  /// The dataset's fingerprint (`DatasetFingerprint` of its files), verifying built-in
  /// files against their pinned SHA-256.
  ///
  /// - Complexity: one `stat` per file when the hash cache is warm.
  public func fingerprint(_ id: String) throws(DatasetError) -> String {
    DatasetFingerprint.combine(try verifiedFiles(try locate(try entry(id))))
  }

  /// Loads a labelled-image dataset after verifying its files.
  ///
  /// - Throws: `DatasetError` if the id is unknown, a file is missing, differs from its
  ///   pinned hash, or is malformed (e.g. image and label counts disagree).
  public func labeledImages(_ id: String) throws(DatasetError) -> LabeledImages {
    let layout = try locate(try entry(id))
    let files = try verifiedFiles(layout)
    return try IDXImageLoader.load(
      dataset: id,
      images: IDXImageLoader.Source(url: try url(of: layout.images), path: layout.images.path),
      labels: IDXImageLoader.Source(url: try url(of: layout.labels), path: layout.labels.path),
      classNames: layout.classNames, fingerprint: DatasetFingerprint.combine(files), files: files)
  }

  // MARK: - Resolution

  /// A catalog entry.
  enum Entry {
    case builtin(BuiltinDataset)
    case user(UserDataset)
  }

  /// One declared file of `dataset`: its declared path, where it is on disk (`nil`: no
  /// mirror), its pinned record if any, and what to tell the user when it is missing.
  struct Located {
    var dataset: String
    var path: String
    var url: URL?
    var pinned: DataFile?
    var hint: String
  }

  /// The files of an image dataset, images then labels.
  struct ImageLayout {
    var images: Located
    var labels: Located
    var classNames: [String]?
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

  /// The files of `entry` and where they are.
  func locate(_ entry: Entry) throws(DatasetError) -> ImageLayout {
    switch entry {
    case .builtin(let dataset):
      switch dataset.layout {
      case let .idxImages(images, labels, classNames):
        return ImageLayout(
          images: locateInMirror(images, dataset: dataset.info),
          labels: locateInMirror(labels, dataset: dataset.info), classNames: classNames)
      }
    case .user(let dataset):
      guard UserDataset.supportedFormats.contains(dataset.format) else {
        throw .unsupportedFormat(
          dataset: dataset.id, format: dataset.format, supported: UserDataset.supportedFormats)
      }
      return ImageLayout(
        images: locateUserFile(dataset.images, key: "images", dataset: dataset.id),
        labels: locateUserFile(dataset.labels, key: "labels", dataset: dataset.id),
        classNames: dataset.classes)
    }
  }

  /// A built-in file, relative to the mirror.
  func locateInMirror(_ path: String, dataset: DatasetInfo) -> Located {
    let hint =
      if let mirror {
        "the data mirror at \(mirror.path) lacks it: set REPRISE_MIRROR to the data mirror "
          + "folder, or copy the file there from \(dataset.source)"
      } else {
        "no data mirror was found: set REPRISE_MIRROR to the data mirror folder (the one "
          + "holding \(path)), or place the mirror at ../shared/data beside the project"
      }
    return Located(
      dataset: dataset.id, path: path, url: mirror?.appendingPathComponent(path),
      pinned: dataset.files.first { $0.path == path }, hint: hint)
  }

  /// A user file, relative to `userBase` unless absolute.
  func locateUserFile(_ path: String, key: String, dataset: String) -> Located {
    Located(
      dataset: dataset, path: path,
      url: URL(fileURLWithPath: path, relativeTo: userBase).standardizedFileURL,
      pinned: nil,
      hint: "check the `\(key)` path of user dataset '\(dataset)' (relative to \(userBase.path))")
  }

  /// Where `file` is, if it exists.
  func url(of file: Located) throws(DatasetError) -> URL {
    guard let url = file.url, FileManager.default.fileExists(atPath: url.path) else {
      throw .missingFile(dataset: file.dataset, path: file.url?.path ?? file.path, hint: file.hint)
    }
    return url
  }

  /// Hashes both files and checks pinned ones.
  func verifiedFiles(_ layout: ImageLayout) throws(DatasetError) -> [DataFile] {
    [try verify(layout.images), try verify(layout.labels)]
  }

  /// The file's record with its actual hash; a pinned file must match its pinned hash.
  func verify(_ file: Located) throws(DatasetError) -> DataFile {
    let url = try url(of: file)
    let digest = try fingerprints.sha256(of: url)
    if let pinned = file.pinned, pinned.sha256 != digest {
      throw .checksumMismatch(
        dataset: file.dataset, path: url.path, expected: pinned.sha256, actual: digest)
    }
    return DataFile(
      path: file.path, sha256: digest, bytes: Int(try FileStatus(path: url.path).size))
  }
}
