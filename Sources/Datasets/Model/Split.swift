/// The part of a dataset an item belongs to.
public enum Split: String, Sendable, Codable, CaseIterable {
  case train
  case validation = "val"
  case test
}
