/// A short description of a JSON decoding error for users: where (`annotations[3].caption`)
/// and what (missing, wrong type, not JSON).
enum DecodingErrorText {
  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "not valid JSON" }
    switch error {
    case let .keyNotFound(key, context):
      return "\(path(context.codingPath + [key])) is missing"
    case let .typeMismatch(type, context):
      return "\(path(context.codingPath)) is not \(name(of: type))"
    case let .valueNotFound(type, context):
      return "\(path(context.codingPath)) is null; expected \(name(of: type))"
    case let .dataCorrupted(context):
      return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "not the expected JSON"
    }
  }

  /// `annotations[3].caption`, or `the top level`.
  static func path(_ keys: [any CodingKey]) -> String {
    guard !keys.isEmpty else { return "the top level" }
    return keys.enumerated().map { n, key in
      key.intValue.map { "[\($0)]" } ?? (n == 0 ? key.stringValue : "." + key.stringValue)
    }.joined()
  }

  static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type, is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default: type is any Collection.Type ? "a list" : "an object"
    }
  }
}
