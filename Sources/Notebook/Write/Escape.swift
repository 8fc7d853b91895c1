import Charts
import Foundation

/// Escaping for the two output formats. Every string that comes from prose or data passes
/// through one of these before it reaches a writer's output.
enum Escape {
  /// Text content and attribute values in HTML: `& < > " '` (and characters XML forbids).
  static func html(_ text: String) -> String { XMLText.escape(text) }

  /// Text in GitHub-flavoured Markdown: backslash-escapes the ASCII punctuation that could
  /// start markup (all such escapes are valid CommonMark).
  static func markdown(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
      if "\\`*_[]<>|~#&!".unicodeScalars.contains(c) { out += "\\" }
      out.unicodeScalars.append(c)
    }
    return out
  }

  /// A URL safe to put in `href`/`src`: relative, fragment, http(s) or mailto; `nil` otherwise
  /// (`javascript:`, `data:` and other schemes are dropped).
  static func safeURL(_ url: String) -> String? {
    let lower = url.lowercased().trimmingCharacters(in: .whitespaces)
    guard let colon = lower.firstIndex(of: ":") else { return url }
    let scheme = lower[..<colon]
    if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return url }
    return ["http", "https", "mailto"].contains(String(scheme)) ? url : nil
  }
}
