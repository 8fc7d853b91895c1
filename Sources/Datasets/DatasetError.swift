/// A dataset that cannot be found, verified, acquired or loaded; the description names the
/// dataset and the file, and says what to do.
public enum DatasetError: Error, CustomStringConvertible, Equatable {
  /// No dataset has this id.
  case unknownDataset(id: String, known: [String])
  /// A file of the dataset does not exist; `hint` says how to provide it.
  case missingFile(dataset: String, path: String, hint: String)
  /// A pinned file's SHA-256 differs from the catalog's.
  case checksumMismatch(dataset: String, path: String, expected: String, actual: String)
  /// A pinned folder's content differs from the catalog's (`TreeDigest`).
  case treeMismatch(
    dataset: String, path: String, expectedFiles: Int, actualFiles: Int, expected: String,
    actual: String)
  /// A file exists but its content does not fit the dataset's format.
  case malformed(dataset: String, path: String, reason: String)
  /// The dataset exists but is not of the kind the caller needs (e.g. not labelled images).
  case wrongKind(dataset: String, expected: String)
  /// Two datasets (built-in or user) share an id.
  case duplicateID(String)
  /// A file could not be read while hashing it.
  case unreadable(path: String, reason: String)
  /// Getting the data failed (package manager, pip, download); `command` is what the user
  /// can run to do it by hand, if any.
  case acquisitionFailed(dataset: String, what: String, reason: String, command: String?)

  /// What went wrong and, where possible, how to fix it.
  public var description: String {
    switch self {
    case let .unknownDataset(id, known):
      "unknown dataset '\(id)'; known datasets: \(known.joined(separator: ", "))"
    case let .missingFile(dataset, path, hint):
      "dataset '\(dataset)': file \(path) is missing; \(hint)"
    case let .checksumMismatch(dataset, path, expected, actual):
      "dataset '\(dataset)': \(path) has SHA-256 \(actual), expected \(expected); the file is "
        + "damaged or a different version: restore it (from the data mirror, or delete it and "
        + "run `reprise fetch \(dataset)`)"
    case let .treeMismatch(dataset, path, expectedFiles, actualFiles, expected, actual):
      "dataset '\(dataset)': folder \(path) holds \(actualFiles) files with digest \(actual), "
        + "expected \(expectedFiles) files with digest \(expected); a file was changed, added or "
        + "removed: reinstall the package or restore the folder"
    case let .malformed(dataset, path, reason):
      "dataset '\(dataset)': \(path) is malformed: \(reason)"
    case let .wrongKind(dataset, expected):
      "dataset '\(dataset)' is not \(expected); choose a dataset of that kind"
    case let .duplicateID(id):
      "dataset id '\(id)' is defined more than once (built-in or user datasets); rename the "
        + "user dataset"
    case let .unreadable(path, reason):
      "cannot read \(path): \(reason)"
    case let .acquisitionFailed(dataset, what, reason, command):
      "dataset '\(dataset)': cannot get \(what): \(reason)"
        + (command.map { "; to do it by hand run: \($0)" } ?? "")
    }
  }
}
