/// How missing data may be acquired: which sources are allowed, and the commands used.
///
/// `Catalog` acquires on demand (during a render) when it has an `Acquisition`; without
/// one it only verifies and reports what is missing with the command that gets it.
public struct Acquisition: Sendable {
  /// Install missing Debian packages with `apt-get` when running as root (otherwise the
  /// error gives the command to run).
  public var installPackages: Bool
  /// Download pinned wheels with `<python> -m pip download`.
  public var downloadWheels: Bool
  /// Download files the mirror lacks from their pinned original location.
  public var downloadOriginals: Bool
  /// Replaces the `https://raw.githubusercontent.com` prefix of original locations (a
  /// private copy of GitHub, or a local server in tests); `nil` keeps it.
  public var originBase: String?
  /// The Python interpreter whose pip downloads wheels.
  public var python: String
  /// Seconds to wait for a download before giving up, 1…3600.
  public var timeout: Double
  /// Receives one line per action taken (installing, downloading, unzipping).
  public var log: @Sendable (String) -> Void

  /// An acquisition policy; `timeout` is clamped to 1…3600 s.
  public init(
    installPackages: Bool = true, downloadWheels: Bool = true, downloadOriginals: Bool = true,
    originBase: String? = nil, python: String = "python3", timeout: Double = 60,
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.installPackages = installPackages
    self.downloadWheels = downloadWheels
    self.downloadOriginals = downloadOriginals
    self.originBase = originBase
    self.python = python
    self.timeout = min(max(timeout, 1), 3600)
    self.log = log
  }

  /// The URL to download `origin` from, after `originBase` substitution.
  func resolve(_ origin: String) -> String {
    let github = "https://raw.githubusercontent.com"
    guard let originBase, origin.hasPrefix(github) else { return origin }
    return originBase + origin.dropFirst(github.count)
  }
}
