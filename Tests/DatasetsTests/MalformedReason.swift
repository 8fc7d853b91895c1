import Testing

@testable import Datasets

/// The reason of the `DatasetError.malformed` that `body` throws for `dataset` and `path`;
/// records an issue and returns `nil` for any other outcome.
func malformedReason(
  dataset: String, path: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> String? {
  let error = #expect(throws: DatasetError.self, sourceLocation: sourceLocation) { try body() }
  guard case let .malformed(actualDataset, actualPath, reason) = error, actualDataset == dataset, actualPath == path
  else {
    Issue.record("expected \(dataset) \(path) to be malformed, got \(String(describing: error))", sourceLocation: sourceLocation)
    return nil
  }
  return reason
}
