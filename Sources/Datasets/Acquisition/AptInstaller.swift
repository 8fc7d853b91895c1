#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Installs a Debian package with `apt-get` (as root only), refreshing the package lists
/// once if apt does not know the package yet.
enum AptInstaller {
  /// The command a user runs to install `package`.
  static func command(_ package: String) -> String {
    "sudo apt-get install --no-install-recommends \(package)"
  }

  /// Installs `package` for `dataset`.
  ///
  /// - Throws: `DatasetError.acquisitionFailed` with the command to run by hand when not
  ///   root, installing is not allowed, apt-get is missing, or it fails.
  static func install(_ package: String, dataset: String, policy: Acquisition) throws(DatasetError)
  {
    func failure(_ reason: String) -> DatasetError {
      .acquisitionFailed(
        dataset: dataset, what: "Debian package \(package)", reason: reason,
        command: command(package))
    }
    guard policy.installPackages else { throw failure("installing packages is disabled") }
    guard getuid() == 0 else { throw failure("the package is not installed and Reprise is not root") }
    let environment = ["DEBIAN_FRONTEND": "noninteractive"]
    // Wait for another package manager's lock rather than fail at once.
    let arguments = [
      "install", "-y", "-q", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=300", package,
    ]
    policy.log("installing Debian package \(package) (apt-get install)")
    guard var outcome = ProcessRunner.run("apt-get", arguments, environment: environment) else {
      throw failure("apt-get is not available on this machine")
    }
    if outcome.status != 0 {
      policy.log("refreshing the package lists (apt-get update) and retrying")
      _ = ProcessRunner.run("apt-get", ["update", "-q"], environment: environment)
      outcome =
        ProcessRunner.run("apt-get", arguments, environment: environment) ?? outcome
    }
    guard outcome.status == 0 else {
      throw failure("apt-get exited with status \(outcome.status): \(outcome.tail())")
    }
  }
}
