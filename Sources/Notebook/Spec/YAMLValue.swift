import Yams

/// A YAML node with its source location in the report, as blocks and front matter need it for
/// `file:line:col` diagnostics.
public struct YAMLValue: Sendable {
  /// A mapping key with its own location.
  public struct Key: Sendable {
    public var string: String
    public var location: SourceLocation
  }

  public enum Kind: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case sequence([YAMLValue])
    /// Entries in source order; keys are unique (duplicates are rejected while parsing).
    case mapping([(key: Key, value: YAMLValue)])
  }

  public var kind: Kind
  public var location: SourceLocation

  /// A short name of the value's type for error messages.
  public var typeName: String {
    switch kind {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .double: "a number"
    case .string: "a string"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }

  func mismatch(_ expected: String) -> ReportError {
    ReportError(at: location, "expected \(expected), got \(typeName)")
  }

  /// Any scalar as text (numbers and booleans as written); errors for lists and mappings.
  public func text() throws(ReportError) -> String {
    switch kind {
    case .string(let s): s
    case .int(let i): String(i)
    case .double(let d): String(d)
    case .bool(let b): String(b)
    default: throw mismatch("a string")
    }
  }

  public func bool() throws(ReportError) -> Bool {
    guard case .bool(let b) = kind else { throw mismatch("true or false") }
    return b
  }

  public func list() throws(ReportError) -> [YAMLValue] {
    guard case .sequence(let items) = kind else { throw mismatch("a list") }
    return items
  }

  public func mapping() throws(ReportError) -> [(key: Key, value: YAMLValue)] {
    guard case .mapping(let entries) = kind else { throw mismatch("a mapping") }
    return entries
  }
}

/// A YAML text at a known place in a report.
struct YAMLSource {
  var text: String
  var file: String
  /// File line of the YAML text's first line.
  var firstLine: Int
  /// Columns to add to YAML columns.
  var indent: Int

  func location(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return SourceLocation(file: file, line: firstLine) }
    return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column + indent)
  }

  /// Parses the text; an empty text is an empty mapping.
  func parse() throws(ReportError) -> YAMLValue {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw syntaxError(error)
    } catch {
      throw ReportError(at: location(nil), "YAML error: \(error)")
    }
    guard let node else { return YAMLValue(kind: .mapping([]), location: location(nil)) }
    return try convert(node)
  }

  private func syntaxError(_ error: YamlError) -> ReportError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) \($0.text)" } ?? problem
      return ReportError(at: location(mark), "YAML syntax error: \(detail)")
    case .reader(let problem, _, _, _):
      return ReportError(at: location(nil), "YAML error: \(problem)")
    default:
      return ReportError(at: location(nil), "YAML error: \(error)")
    }
  }

  private func convert(_ node: Node) throws(ReportError) -> YAMLValue {
    let here = location(node.mark)
    switch node {
    case .scalar(let scalar):
      let kind: YAMLValue.Kind =
        if scalar.style != .plain { .string(scalar.string) }
        else if node.null != nil { .null }
        else if let b = node.bool { .bool(b) }
        else if let i = node.int { .int(i) }
        else if let d = node.float { .double(d) }
        else { .string(scalar.string) }
      return YAMLValue(kind: kind, location: here)
    case .sequence(let sequence):
      var items: [YAMLValue] = []
      for item in sequence { items.append(try convert(item)) }
      return YAMLValue(kind: .sequence(items), location: here)
    case .mapping(let mapping):
      var entries: [(key: YAMLValue.Key, value: YAMLValue)] = []
      for (keyNode, valueNode) in mapping {
        let keyLocation = location(keyNode.mark)
        guard case .scalar(let keyScalar) = keyNode else {
          throw ReportError(at: keyLocation, "mapping keys must be plain words")
        }
        if entries.contains(where: { $0.key.string == keyScalar.string }) {
          throw ReportError(at: keyLocation, "duplicate key '\(keyScalar.string)'")
        }
        entries.append((YAMLValue.Key(string: keyScalar.string, location: keyLocation), try convert(valueNode)))
      }
      return YAMLValue(kind: .mapping(entries), location: here)
    case .alias:
      throw ReportError(at: here, "YAML aliases are not supported here; write the value out")
    }
  }
}
