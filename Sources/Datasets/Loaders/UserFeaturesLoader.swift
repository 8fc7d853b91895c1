import Foundation

/// A user dataset of format `npy`: a float `[n, d]` `.npy` file (`NPYArray`), and a JSON
/// sidecar as `reprise features` writes it — `{"ids": [...], "labels": [0, 2, null, ...],
/// "class_names": [...]}`, other keys ignored. Without `sidecar:`, `X.json` beside `X.npy`
/// is read when it exists.
///
/// Ids default to the row numbers `"0"…"<n-1>"`; labels may be class indices (into
/// `classes`, else the sidecar's `class_names`, else `"0"…"<max>"`) or class names (see
/// `UserLabels`), `null` for an unlabelled row.
enum UserFeaturesLoader {
  /// The sidecar's keys Reprise reads.
  struct Sidecar: Decodable {
    var ids: [String]?
    var labels: [Label?]?
    var class_names: [String]?
  }

  /// A label: a class index or a class name.
  enum Label: Decodable, Equatable {
    case index(Int)
    case name(String)

    /// The class index, if the label is one.
    var index: Int? {
      if case .index(let index) = self { index } else { nil }
    }

    /// The class name, if the label is one.
    var name: String? {
      if case .name(let name) = self { name } else { nil }
    }

    init(from decoder: Decoder) throws {
      let value = try decoder.singleValueContainer()
      if let index = try? value.decode(Int.self) {
        self = .index(index)
      } else {
        self = .name(try value.decode(String.self))
      }
    }
  }

  /// The files of the dataset, hashed: the `.npy` file and the sidecar if there is one.
  static func scan(_ files: inout UserFiles, npy: String, sidecar: String?) throws(DatasetError) -> (
    npy: URL, sidecar: (url: URL, path: String)?
  ) {
    let id = files.dataset
    let features = try files.read(npy, hint: "check the `features` path of user dataset '\(id)'")
    let sidecarPath = sidecar ?? defaultSidecar(npy)
    guard sidecar != nil || files.exists(sidecarPath) else { return (features, nil) }
    let json = try files.read(sidecarPath, hint: "check the `sidecar` path of user dataset '\(id)'")
    return (features, (json, sidecarPath))
  }

  /// `X.json` for `X.npy`.
  static func defaultSidecar(_ npy: String) -> String {
    (npy.hasSuffix(".npy") ? String(npy.dropLast(4)) : npy) + ".json"
  }

  /// Reads and cross-checks the features and the sidecar.
  static func load(
    dataset: String, npy: (url: URL, path: String), sidecar: (url: URL, path: String)?, classes: [String]?,
    files: UserFiles
  ) throws(DatasetError) -> LabeledFeatures {
    let array: NPYArray
    do {
      array = try NPYArray.read(contentsOf: npy.url)
    } catch {
      throw .malformed(dataset: dataset, path: npy.path, reason: error.description)
    }
    guard array.shape.count == 2 else {
      throw .malformed(dataset: dataset, path: npy.path, reason: "shape \(array.shape) is not [items, dimension]")
    }
    let rows = array.shape[0]
    let side = try sidecar.map { (file: (url: URL, path: String)) throws(DatasetError) in
      try read(file, dataset: dataset)
    }
    let path = sidecar?.path ?? npy.path
    if let ids = side?.ids, ids.count != rows {
      throw .malformed(dataset: dataset, path: path, reason: "\(ids.count) ids for \(rows) rows in \(npy.path)")
    }
    let given = side?.labels ?? [Label?](repeating: nil, count: rows)
    guard given.count == rows else {
      throw .malformed(dataset: dataset, path: path, reason: "\(given.count) labels for \(rows) rows in \(npy.path)")
    }
    let (classNames, labels) = try resolve(given, classes: classes ?? side?.class_names, dataset: dataset, path: path)
    return LabeledFeatures(
      datasetID: dataset, ids: side?.ids ?? (0..<rows).map(String.init), dimension: array.shape[1],
      values: array.values, labels: labels, classNames: classNames, fingerprint: files.fingerprint,
      files: files.records)
  }

  static func read(_ file: (url: URL, path: String), dataset: String) throws(DatasetError) -> Sidecar {
    let bytes = try UserContent.bytes(file.url)
    do {
      return try JSONDecoder().decode(Sidecar.self, from: Data(bytes))
    } catch {
      throw .malformed(
        dataset: dataset, path: file.path,
        reason: "expected a sidecar {\"ids\": [text, …], \"labels\": [index or name or null, …], "
          + "\"class_names\": [text, …]}; \(DecodingErrorText.describe(error))")
    }
  }

  /// Class names and indices from index labels or name labels (not both).
  static func resolve(_ given: [Label?], classes: [String]?, dataset: String, path: String) throws(DatasetError) -> (
    [String], [Int?]
  ) {
    var indices: [Int] = []
    var names: [String] = []
    for label in given {
      switch label {
      case .index(let index)?: indices.append(index)
      case .name(let name)?: names.append(name)
      case nil: break
      }
    }
    guard indices.isEmpty || names.isEmpty else {
      throw .malformed(dataset: dataset, path: path, reason: "labels mix class indices and class names; use one kind")
    }
    if !names.isEmpty {
      do {
        let resolved = try UserLabels.resolve(given.map(\.?.name), declared: classes)
        return (resolved.classNames, resolved.labels)
      } catch {
        throw .malformed(dataset: dataset, path: path, reason: "label '\(error.label)' of row \(error.item) is not one of the classes \(classes ?? [])")
      }
    }
    let labels = given.map(\.?.index)
    guard !indices.isEmpty else { return ([], labels) }
    let classNames = classes ?? (0...max(0, indices.max() ?? 0)).map(String.init)
    if let row = labels.firstIndex(where: { $0.map { !classNames.indices.contains($0) } ?? false }) {
      throw .malformed(
        dataset: dataset, path: path,
        reason: "label \(labels[row] ?? 0) of row \(row) has no class name (\(classNames.count) classes)")
    }
    return (classNames, labels)
  }
}
