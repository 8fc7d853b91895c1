import Foundation

/// The files a user dataset reads, each checked, hashed through the stat cache and recorded
/// by its path relative to the dataset's base folder.
struct UserFiles {
  /// The dataset id, for errors.
  let dataset: String
  /// The folder relative paths start from.
  let base: URL
  /// The hash cache.
  let fingerprints: FileFingerprints
  /// The files read so far, in reading order.
  private(set) var records: [DataFile] = []

  /// An empty record for `dataset`.
  init(dataset: String, base: URL, fingerprints: FileFingerprints) {
    self.dataset = dataset
    self.base = URL(fileURLWithPath: base.path, isDirectory: true)
    self.fingerprints = fingerprints
  }

  /// `path` resolved against the base folder (absolute paths stay).
  func url(_ path: String) -> URL {
    URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
  }

  /// Whether `path` names an existing regular file.
  func exists(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isFolder) && !isFolder.boolValue
  }

  /// Hashes and records the file `path`; `hint` says who names it.
  ///
  /// - Returns: its URL.
  /// - Throws: `DatasetError.missingFile` (with the absolute path) if there is no such file.
  mutating func read(_ path: String, hint: String) throws(DatasetError) -> URL {
    let url = url(path)
    guard exists(path) else {
      throw .missingFile(dataset: dataset, path: url.path, hint: hint)
    }
    let digest = try fingerprints.digest(of: url)
    records.append(DataFile(path: path, sha256: digest.sha256, bytes: digest.size))
    return url
  }

  /// The folder `path`, which must exist; `hint` says who names it.
  func folder(_ path: String, hint: String) throws(DatasetError) -> URL {
    let url = url(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw .missingFile(dataset: dataset, path: url.path, hint: hint)
    }
    return url
  }

  /// The fingerprint of the recorded files (`DatasetFingerprint.listing`).
  var fingerprint: String { DatasetFingerprint.listing(records) }

  /// The path of a file inside `folder` (a path relative to the base), as recorded.
  static func join(_ folder: String, _ file: String) -> String {
    folder.hasSuffix("/") ? folder + file : folder + "/" + file
  }
}
