import Foundation

/// What a loader gets: the dataset's pinned record, its fingerprint, and a way to find a
/// pinned file on disk (already verified).
struct LoaderContext {
  /// The dataset's record.
  var info: DatasetInfo
  /// The fingerprint of the verified files.
  var fingerprint: String
  /// The local URL of a pinned path.
  var locate: (String) throws(DatasetError) -> URL

  /// The dataset id.
  var id: String { info.id }

  /// The local URL of the pinned file whose path ends with `suffix`.
  func url(_ suffix: String) throws(DatasetError) -> URL {
    guard let path = (info.files.map(\.path) + info.trees.map(\.path)).first(where: { $0.hasSuffix(suffix) })
    else {
      throw .malformed(dataset: id, path: suffix, reason: "not a pinned file of this dataset")
    }
    return try locate(path)
  }

  /// The bytes of the pinned file ending with `suffix`, and its path for messages.
  func bytes(_ suffix: String) throws(DatasetError) -> (bytes: [UInt8], path: String) {
    let url = try url(suffix)
    do {
      return ([UInt8](try Data(contentsOf: url)), url.path)
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
  }

  /// The file ending with `suffix` as UTF-8 text.
  ///
  /// - Throws: `DatasetError.malformed` naming the file and the first invalid line.
  func text(_ suffix: String) throws(DatasetError) -> (text: String, path: String) {
    let (bytes, path) = try bytes(suffix)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let line = TextLines.firstInvalidLine(bytes) ?? 0
      throw .malformed(dataset: id, path: path, reason: "line \(line) is not valid UTF-8")
    }
    return (text, path)
  }

  /// A finished dataset with these items.
  func dataset(classNames: [String] = [], items: [DataItem], notes: [DatasetNote] = []) -> Dataset {
    Dataset(info: info, classNames: classNames, items: items, notes: notes, fingerprint: fingerprint)
  }
}
