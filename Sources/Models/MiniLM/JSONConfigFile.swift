import Foundation

/// Decoding of a model's JSON configuration files, with errors that name the file and the key.
enum JSONConfigFile {
  /// Decodes `url` (called `name` in errors, e.g. `1_Pooling/config.json`) as `T`.
  ///
  /// - Throws: `.unreadable` when the file cannot be read; `.malformedFile` naming the file
  ///   and the key path (`key \`hidden_size\`: missing`) when it does not decode.
  static func decode<T: Decodable>(_ type: T.Type, from url: URL, name: String) throws(ModelError) -> T {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: name, reason: error.localizedDescription)
    }
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch {
      guard let decoding = error as? DecodingError else {
        throw .malformedFile(file: name, reason: "not valid JSON: \(error.localizedDescription)")
      }
      throw .malformedFile(file: name, reason: describe(decoding))
    }
  }

  /// An error naming `file` and `key` with `reason`.
  static func invalid(_ file: String, key: String, _ reason: String) -> ModelError {
    .malformedFile(file: file, reason: "key `\(key)`: \(reason)")
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context): "key `\(path(context.codingPath + [key]))`: missing"
    case .typeMismatch(let type, let context): "key `\(path(context.codingPath))`: expected \(type)"
    case .valueNotFound(let type, let context): "key `\(path(context.codingPath))`: expected \(type), got null"
    case .dataCorrupted(let context):
      context.codingPath.isEmpty
        ? "not valid JSON: \(context.debugDescription)"
        : "key `\(path(context.codingPath))`: \(context.debugDescription)"
    @unknown default: "\(error)"
    }
  }

  /// `a.b[2].c` from a coding path.
  private static func path(_ keys: [any CodingKey]) -> String {
    keys.reduce("") { text, key in
      if let index = key.intValue { return text + "[\(index)]" }
      return text.isEmpty ? key.stringValue : text + "." + key.stringValue
    }
  }
}
