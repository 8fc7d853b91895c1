/// A loaded dataset: its provenance, its items, its classes, and the counted notes of how
/// it was read (quirks handled, cleaning rules applied).
public struct Dataset: Sendable {
  /// Provenance, license, citation and pinned files.
  public let info: DatasetInfo
  /// Class names by label index; empty when items have no class.
  public let classNames: [String]
  /// The items, in the source's order.
  public let items: [DataItem]
  /// Quirks and cleaning, with counts, in the order they were applied.
  public let notes: [DatasetNote]
  /// SHA-256 over the files' hashes (see `DatasetFingerprint`); splits are a function of it
  /// and of the documented seed.
  public let fingerprint: String

  /// A loaded dataset.
  public init(
    info: DatasetInfo, classNames: [String], items: [DataItem], notes: [DatasetNote],
    fingerprint: String
  ) {
    self.info = info
    self.classNames = classNames
    self.items = items
    self.notes = notes
    self.fingerprint = fingerprint
  }

  /// The catalog id.
  public var id: String { info.id }

  /// Items per class index (`classNames.count` entries).
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classNames.count)
    for item in items {
      if let label = item.label, counts.indices.contains(label) { counts[label] += 1 }
    }
    return counts
  }

  /// Items per split, in `Split.allCases` order, with the number of unsplit items last.
  public var splitCounts: [(split: Split?, count: Int)] {
    let counts = Dictionary(grouping: items, by: \.split).mapValues(\.count)
    return (Split.allCases.map(Optional.some) + [nil]).compactMap { split in
      counts[split].map { (split, $0) }
    }
  }
}
