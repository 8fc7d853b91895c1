/// The DAG of a report's blocks, built from declared inputs only.
///
/// Edges come from `.blocks` parameters (`from: [fig-a]`); nothing is inferred from prose or
/// data. `order` is a topological order that keeps document order among independent blocks.
public struct Plan: Sendable {
  public let specs: [BlockSpec]
  /// Indices into `specs`, dependencies first.
  public let order: [Int]
  /// For each block, the indices of the blocks it reads.
  public let inputs: [[Int]]

  /// - Throws: ``ReportError`` for a reference to an unknown block or a cycle.
  public init(_ specs: [BlockSpec]) throws(ReportError) {
    self.specs = specs
    var byLabel: [String: Int] = [:]
    for spec in specs { if let label = spec.label { byLabel[label] = spec.index } }
    var inputs: [[Int]] = []
    for spec in specs {
      var edges: [Int] = []
      for label in spec.upstream {
        guard let index = byLabel[label] else {
          let known = byLabel.keys.sorted().joined(separator: ", ")
          throw ReportError(at: spec.location(of: "from"), "block '\(spec.id)' reads '\(label)', which is not the label of any block; labels: \(known.isEmpty ? "none" : known)")
        }
        guard index != spec.index else {
          throw ReportError(at: spec.location(of: "from"), "block '\(spec.id)' cannot read its own result")
        }
        edges.append(index)
      }
      inputs.append(edges)
    }
    self.inputs = inputs
    order = try Self.topologicalOrder(specs, inputs)
  }

  /// Kahn's algorithm, taking the smallest ready index first. O(V + E log V).
  private static func topologicalOrder(_ specs: [BlockSpec], _ inputs: [[Int]]) throws(ReportError) -> [Int] {
    var remaining = inputs.map { Set($0) }
    var done: [Int] = []
    var placed = Set<Int>()
    while done.count < specs.count {
      guard let next = remaining.indices.first(where: { !placed.contains($0) && remaining[$0].isEmpty }) else {
        let cycle = remaining.indices.filter { !placed.contains($0) }.map { specs[$0].id }
        let first = remaining.indices.first { !placed.contains($0) } ?? 0
        throw ReportError(at: specs[first].location, "blocks read each other in a cycle: \(cycle.joined(separator: " → "))")
      }
      placed.insert(next)
      done.append(next)
      for i in remaining.indices { remaining[i].remove(next) }
    }
    return done
  }

  /// `roots` and every block that reads them, directly or not.
  public func closure(dependentsOf roots: Set<Int>) -> Set<Int> {
    var result = roots
    for index in order where inputs[index].contains(where: result.contains) { result.insert(index) }
    return result
  }

  /// `roots` and every block they read, directly or not.
  public func closure(inputsOf roots: Set<Int>) -> Set<Int> {
    var result = roots
    for index in order.reversed() where result.contains(index) { result.formUnion(inputs[index]) }
    return result
  }
}
