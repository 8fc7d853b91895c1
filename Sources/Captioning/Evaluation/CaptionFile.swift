import Foundation

/// Reads captions from the files `reprise metrics` accepts:
/// - a COCO annotations file: `{"annotations": [{"image_id": …, "caption": …}, …], …}`;
/// - a list `[{"image_id": …, "caption": …}, …]` (COCO results; several entries per id are
///   several references);
/// - a Flickr8k token file: lines `<image>#<n>\t<caption>`.
///
/// Image ids may be JSON integers or strings; both become strings.
public enum CaptionFile {
  /// The `(image id, caption)` pairs of `data`, in file order.
  ///
  /// - Parameter name: the file name used in error messages.
  /// - Throws: `CaptionMetricsError.invalidUTF8` or `.malformedInput` with the reason and,
  ///   where it helps, the position.
  public static func captions(in data: Data, name: String) throws(CaptionMetricsError) -> [(id: String, caption: String)] {
    guard let text = String(data: data, encoding: .utf8) else { throw .invalidUTF8(file: name) }
    let start = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
    if start == "{" || start == "[" { return try json(data, name: name) }
    if start == nil { throw .malformedInput(file: name, reason: "the file is empty") }
    return try flickrTokens(text, name: name)
  }

  /// The `(image id, caption)` pairs of the file at `url`.
  public static func captions(at url: URL) throws(CaptionMetricsError) -> [(id: String, caption: String)] {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .malformedInput(file: url.path, reason: "cannot be read (\(error.localizedDescription))")
    }
    return try captions(in: data, name: url.path)
  }

  private struct Entry: Decodable {
    let id: String
    let caption: String

    enum CodingKeys: String, CodingKey {
      case imageID = "image_id"
      case caption
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      if let number = try? container.decode(Int.self, forKey: .imageID) {
        id = String(number)
      } else {
        id = try container.decode(String.self, forKey: .imageID)
      }
      caption = try container.decode(String.self, forKey: .caption)
    }
  }

  private struct Annotations: Decodable {
    let annotations: [Entry]
  }

  private static func json(_ data: Data, name: String) throws(CaptionMetricsError) -> [(id: String, caption: String)] {
    do {
      _ = try JSONSerialization.jsonObject(with: data)
    } catch {
      let info = (error as NSError).userInfo
      var reason = (info[NSDebugDescriptionErrorKey] as? String) ?? describe(error)
      if let offset = info["NSJSONSerializationErrorIndex"] as? Int {
        let prefix = data.prefix(offset)
        let line = prefix.filter { $0 == 0x0A }.count + 1
        reason += " at line \(line), column \(offset - (prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1)"
      }
      throw .malformedInput(file: name, reason: "not valid JSON: \(reason)")
    }
    do {
      let entries: [Entry]
      if let object = try? JSONDecoder().decode(Annotations.self, from: data) {
        entries = object.annotations
      } else {
        entries = try JSONDecoder().decode([Entry].self, from: data)
      }
      return entries.map { ($0.id, $0.caption) }
    } catch {
      throw .malformedInput(
        file: name,
        reason: "expected a list of {\"image_id\": integer or string, \"caption\": string} or a COCO annotations file with such \"annotations\" (\(describe(error)))")
    }
  }

  /// Flickr8k `Flickr8k.token.txt`: `<image>#<n>\t<caption>`. One caption of the original
  /// release is keyed `2258277193_586949ec62.jpg.1#0`; a `.<digits>` after `.jpg` is dropped
  /// so that it counts for its image.
  private static func flickrTokens(_ text: String, name: String) throws(CaptionMetricsError) -> [(id: String, caption: String)] {
    var captions: [(id: String, caption: String)] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
      if trimmed.allSatisfy(\.isWhitespace) { continue }
      guard let tab = trimmed.firstIndex(of: "\t") else {
        throw .malformedInput(
          file: "\(name):\(index + 1)",
          reason: "neither JSON nor a Flickr8k token line (<image>#<n><TAB><caption>)")
      }
      let key = trimmed[..<tab]
      var id = String(key.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
      if let range = id.range(of: #"\.jpg\.\d+$"#, options: .regularExpression) {
        id.removeSubrange(id.index(range.lowerBound, offsetBy: 4)...)
      }
      captions.append((id, String(trimmed[trimmed.index(after: tab)...])))
    }
    return captions
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "\(context.debugDescription) at \(path(context.codingPath))"
    case DecodingError.dataCorrupted(let context):
      return context.debugDescription
    default:
      return (error as NSError).localizedDescription
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
