/// Captions to evaluate: for each image, its references and exactly one candidate.
public struct CaptionSet: Sendable, Equatable {
  public let imageIDs: [String]
  /// `references[i]`: the references of image `imageIDs[i]`, at least one, in file order.
  public let references: [[String]]
  /// `candidates[i]`: the caption to score for image `imageIDs[i]`.
  public let candidates: [String]

  /// A validated set.
  ///
  /// - Precondition: the three arrays have the same length and every image has a
  ///   reference (the parsers check this for user input).
  public init(imageIDs: [String], references: [[String]], candidates: [String]) {
    precondition(imageIDs.count == references.count && references.count == candidates.count, "ragged caption set")
    precondition(references.allSatisfy { !$0.isEmpty }, "an image without references")
    self.imageIDs = imageIDs
    self.references = references
    self.candidates = candidates
  }

  /// Pairs references with results by image id: images in the order of the references,
  /// each result used once.
  ///
  /// - Parameters:
  ///   - references: `(image id, caption)` in file order; an id may repeat.
  ///   - results: `(image id, caption)`, one per image.
  /// - Throws: `CaptionMetricsError` listing duplicate results, results for unknown images
  ///   or images without a result.
  public static func pairing(
    references: [(id: String, caption: String)], results: [(id: String, caption: String)]
  ) throws(CaptionMetricsError) -> CaptionSet {
    var order: [String] = []
    var referencesByID: [String: [String]] = [:]
    for (id, caption) in references {
      if referencesByID[id] == nil { order.append(id) }
      referencesByID[id, default: []].append(caption)
    }
    var resultByID: [String: String] = [:]
    var duplicates: [String] = []
    var unknown: [String] = []
    for (id, caption) in results {
      if resultByID[id] != nil {
        if !duplicates.contains(id) { duplicates.append(id) }
      } else {
        resultByID[id] = caption
      }
      if referencesByID[id] == nil && !unknown.contains(id) { unknown.append(id) }
    }
    if !duplicates.isEmpty { throw .duplicateResults(ids: Array(duplicates.prefix(10)), total: duplicates.count) }
    if !unknown.isEmpty { throw .unknownImages(ids: Array(unknown.prefix(10)), total: unknown.count) }
    let missing = order.filter { resultByID[$0] == nil }
    if !missing.isEmpty { throw .missingResults(ids: Array(missing.prefix(10)), total: missing.count) }
    if order.isEmpty { throw .emptyEvaluation }
    return CaptionSet(
      imageIDs: order, references: order.map { referencesByID[$0] ?? [] }, candidates: order.map { resultByID[$0] ?? "" })
  }
}
