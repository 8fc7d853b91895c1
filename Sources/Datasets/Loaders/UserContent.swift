import Foundation

/// What a user dataset's index file lists (formats `images` and `coco-captions`): the
/// classes, the items and the counted notes of how they were read.
struct UserContent {
  var classNames: [String]
  var items: [DataItem]
  var notes: [DatasetNote]

  /// The bytes of a file already checked to exist.
  ///
  /// - Throws: `DatasetError.unreadable` naming the file.
  static func bytes(_ url: URL) throws(DatasetError) -> [UInt8] {
    do {
      return [UInt8](try Data(contentsOf: url))
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
  }
}
