import Foundation
import Media
import TestSupport

/// Reads the reference images of `Tests/Fixtures/media_images` (made by
/// `scripts/fixtures/data_media.py`).
enum FixtureImages {
  static let folder = TestPaths.fixtures.appendingPathComponent("media_images")

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  /// A fixture PNG as RGB (they are all opaque).
  static func rgb(_ name: String) throws -> Image {
    try PNG.decodeOnWhite(try bytes(name), file: name)
  }
}
