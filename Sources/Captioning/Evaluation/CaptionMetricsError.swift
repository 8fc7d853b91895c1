/// Why a caption evaluation could not run. Messages name the file, the image and the fix.
public enum CaptionMetricsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An input file is not valid UTF-8.
  case invalidUTF8(file: String)
  /// An input file is not well-formed JSON, or not one of the accepted shapes.
  case malformedInput(file: String, reason: String)
  /// Images with references but no result, listed (up to a few) with the total count.
  case missingResults(ids: [String], total: Int)
  /// Results for images that have no references.
  case unknownImages(ids: [String], total: Int)
  /// More than one result for the same image.
  case duplicateResults(ids: [String], total: Int)
  /// No image to evaluate.
  case emptyEvaluation
  /// METEOR's data (jar and paraphrase table) are needed but were not found.
  case meteorDataMissing(String)
  /// A resource file could not be read or parsed.
  case unreadableResource(String, reason: String)

  public var description: String {
    func list(_ ids: [String], _ total: Int) -> String {
      ids.joined(separator: ", ") + (total > ids.count ? ", … (\(total) in all)" : "")
    }
    switch self {
    case .invalidUTF8(let file):
      return "\(file): not valid UTF-8 text; re-save the file as UTF-8"
    case .malformedInput(let file, let reason):
      return "\(file): \(reason)"
    case .missingResults(let ids, let total):
      return "\(total) image(s) have references but no result: \(list(ids, total)); add a caption for each or drop their references"
    case .unknownImages(let ids, let total):
      return "\(total) result(s) are for images without references: \(list(ids, total))"
    case .duplicateResults(let ids, let total):
      return "\(total) image(s) have more than one result (the toolkit requires exactly one): \(list(ids, total))"
    case .emptyEvaluation:
      return "nothing to evaluate: the results are empty"
    case .meteorDataMissing(let hint):
      return "METEOR needs the pycocoevalcap 1.2 data (meteor-1.5.jar and paraphrase-en.gz): \(hint)"
    case .unreadableResource(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}
