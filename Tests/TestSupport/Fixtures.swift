import Foundation

/// Loads reference fixtures from `Tests/Fixtures`.
public enum Fixtures {
  /// Decodes `Tests/Fixtures/<name>` as JSON.
  public static func decode<T: Decodable>(_ type: T.Type, named name: String) throws -> T {
    let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent(name))
    return try JSONDecoder().decode(type, from: data)
  }
}
