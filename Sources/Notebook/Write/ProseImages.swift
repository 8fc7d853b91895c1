import Foundation

/// Images that prose links to (`![alt](figures/x.png)`), read from disk relative to the report
/// so the HTML can embed them and the Markdown twin can copy them beside itself.
struct ProseImages {
  let base: URL
  let warn: (String) -> Void

  static let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                      "svg": "image/svg+xml", "webp": "image/webp"]

  /// The image's bytes and MIME type; `nil` (with a warning) for remote, missing or unknown files.
  func load(_ url: String) -> (data: Data, mime: String)? {
    guard Escape.safeURL(url) == url, !url.contains("://") else {
      warn("warning: image '\(url)' is not a local file; a self-contained page cannot embed it, so it is shown as a link")
      return nil
    }
    let file = base.appendingPathComponent(url.removingPercentEncoding ?? url)
    guard let mime = Self.types[file.pathExtension.lowercased()] else {
      warn("warning: image '\(url)' has an unknown type; use png, jpg, gif, svg or webp")
      return nil
    }
    guard let data = try? Data(contentsOf: file) else {
      warn("warning: image '\(url)' not found at \(file.path)")
      return nil
    }
    return (data, mime)
  }
}
