/// A counted fact about how a loader read a dataset: a quirk of the source and what was
/// done about it, or how many items a cleaning rule kept.
public struct DatasetNote: Sendable, Codable, Equatable {
  /// What was found or which rule applied, e.g. `"records whose ASIN lost leading zeros"`.
  public var what: String
  /// How many records it concerned (or, for cleaning rules, how many survived).
  public var count: Int
  /// What Reprise did, e.g. `"ASIN restored from the file name"`.
  public var action: String

  /// A note.
  public init(_ what: String, count: Int, action: String) {
    self.what = what
    self.count = count
    self.action = action
  }
}
