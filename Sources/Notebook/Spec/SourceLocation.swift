/// A position in a report source file, 1-based, as editors and compilers print it.
public struct SourceLocation: Sendable, Codable, Hashable, CustomStringConvertible {
  /// The report file as the user named it.
  public var file: String
  /// Line, 1-based.
  public var line: Int
  /// Column in Unicode scalars, 1-based; `nil` when only the line is known.
  public var column: Int?

  public init(file: String, line: Int, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:col` or `file:line`.
  public var description: String {
    if let column { return "\(file):\(line):\(column)" }
    return "\(file):\(line)"
  }
}

/// An error in the report or its inputs (exit code 2) or in a computation (exit code 1).
///
/// Every error a user can cause carries the location of its cause, so the message reads like a
/// compiler diagnostic: `reports/x.md:12:3: unknown key 'sise'; valid keys: …`.
public struct ReportError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is; decides the exit code.
  public enum Kind: Sendable {
    /// Bad input: spec, flags, files, data (exit code 2).
    case input
    /// A computation failed while running (exit code 1).
    case computation
  }

  public var kind: Kind
  public var location: SourceLocation?
  public var message: String

  public init(_ kind: Kind = .input, at location: SourceLocation?, _ message: String) {
    self.kind = kind
    self.location = location
    self.message = message
  }

  /// The process exit code for this error: 2 for bad input, 1 for a failed computation.
  public var exitCode: Int32 { kind == .input ? 2 : 1 }

  public var description: String {
    guard let location else { return "error: \(message)" }
    return "\(location): error: \(message)"
  }
}
