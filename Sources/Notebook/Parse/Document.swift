import Foundation

/// A parsed and validated report: front matter, the prose tree, and the computation blocks.
public struct Document: Sendable {
  /// The path as the user gave it (used in every diagnostic).
  public var file: String
  public var frontMatter: FrontMatter
  public var blocks: [Block]
  public var specs: [BlockSpec]

  /// Reads, parses and validates a report. Nothing runs yet.
  /// - Throws: ``ReportError`` (input) with file:line:col for every problem found in the source.
  public static func load(_ url: URL, displayPath: String, registry: Registry = .standard) throws(ReportError) -> Document {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ReportError(at: nil, "cannot read report \(displayPath): \(error.localizedDescription)")
    }
    guard let source = String(data: data, encoding: .utf8) else {
      throw ReportError(at: SourceLocation(file: displayPath, line: invalidUTF8Line(data)), "the report is not valid UTF-8")
    }
    return try parse(source, file: displayPath, registry: registry)
  }

  /// Parses and validates report text.
  public static func parse(_ source: String, file: String, registry: Registry = .standard) throws(ReportError) -> Document {
    let normalized = source.replacingOccurrences(of: "\r\n", with: "\n")
    let (frontMatter, body) = try FrontMatter.split(normalized, file: file)
    let parsed = try MarkdownParser.parse(body, file: file)
    var specs: [BlockSpec] = []
    var stems: [String: SourceLocation] = [:]
    for (index, raw) in parsed.computations.enumerated() {
      let spec = try BlockSpec(raw: raw, index: index, file: file, registry: registry)
      if let label = spec.label {
        let stem = Label.stem(of: label)
        if let previous = stems[stem] {
          throw ReportError(at: spec.location, "label '\(label)' repeats the name '\(stem)' already used at \(previous); labels must differ after their type prefix, because values are quoted as {{val-\(stem)…}}")
        }
        stems[stem] = spec.location
      }
      specs.append(spec)
    }
    return Document(file: file, frontMatter: frontMatter, blocks: parsed.blocks, specs: specs)
  }

  /// 1-based line of the first invalid UTF-8 sequence.
  private static func invalidUTF8Line(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for (i, byte) in zip(data.indices, data) where byte == UInt8(ascii: "\n") {
      if String(data: data[start..<i], encoding: .utf8) == nil { return line }
      line += 1
      start = data.index(after: i)
    }
    return line
  }
}
