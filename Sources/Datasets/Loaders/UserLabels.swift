/// Class names for labels given as names (table cells, sidecar strings).
enum UserLabels {
  /// The class names and each item's class index.
  ///
  /// - Parameters:
  ///   - names: each item's label text; `nil` or `""` means unlabelled.
  ///   - declared: the declaration's `classes`, which fix the order; `nil`: the distinct
  ///     labels sorted (numerically when all are integers, else by code point).
  /// - Returns: the class names and the index of each item's class (`nil` if unlabelled).
  /// - Throws: the offending item's index and label when a label is not a declared class.
  static func resolve(_ names: [String?], declared: [String]?) throws(UndeclaredLabel) -> (
    classNames: [String], labels: [Int?]
  ) {
    let given = names.map { $0.flatMap { $0.isEmpty ? nil : $0 } }
    let classNames = declared ?? sorted(Set(given.compactMap { $0 }))
    let index = Dictionary(classNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var labels: [Int?] = []
    for (item, name) in given.enumerated() {
      guard let name else {
        labels.append(nil)
        continue
      }
      guard let label = index[name] else { throw UndeclaredLabel(item: item, label: name) }
      labels.append(label)
    }
    return (classNames, labels)
  }

  /// A label that is not among the declared classes.
  struct UndeclaredLabel: Error {
    var item: Int
    var label: String
  }

  /// Integers in numeric order when every name is one, else code-point order.
  static func sorted(_ names: Set<String>) -> [String] {
    let numbered = names.compactMap { name in Int(name).map { (value: $0, name: name) } }
    if numbered.count == names.count {
      return numbered.sorted { ($0.value, $0.name) < ($1.value, $1.name) }.map(\.name)
    }
    return names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
  }
}
