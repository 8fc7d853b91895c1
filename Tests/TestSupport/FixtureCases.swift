/// A fixture file holding a list of reference cases under `"cases"` (other keys ignored).
public struct FixtureCases<Case: Decodable>: Decodable {
  /// The cases, in file order.
  public var cases: [Case]

  /// The cases of `Tests/Fixtures/<name>`, or an empty list when the file is missing or
  /// malformed (tests check the count separately, so that failure is reported once).
  public static func load(_ name: String) -> [Case] {
    (try? Fixtures.decode(FixtureCases.self, named: name).cases) ?? []
  }
}
