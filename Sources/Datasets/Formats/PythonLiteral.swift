/// A reader for the Python literals of CLIP's `prompts.md`: string literals (single or
/// double quotes, backslash escapes) and (nested) lists of them, with trailing commas.
enum PythonLiteral: Equatable {
  case string(String)
  case list([PythonLiteral])

  /// Why the text is not such a literal.
  struct SyntaxError: Error {
    var offset: Int
    var reason: String
  }

  /// Parses one literal from the start of `text` (leading whitespace skipped).
  ///
  /// - Returns: the literal and how many characters it used.
  static func parse(_ text: Substring) throws(SyntaxError) -> (PythonLiteral, Int) {
    var reader = Reader(characters: Array(text))
    let value = try reader.value()
    return (value, reader.position)
  }

  /// The strings of a string (one) or of a list of strings; `nil` for nested lists.
  var strings: [String]? {
    switch self {
    case .string(let s):
      return [s]
    case .list(let items):
      var result: [String] = []
      for case .string(let s) in items { result.append(s) }
      return result.count == items.count ? result : nil
    }
  }

  struct Reader {
    var characters: [Character]
    var position = 0

    mutating func skipSpace() {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    mutating func value() throws(SyntaxError) -> PythonLiteral {
      skipSpace()
      guard position < characters.count else {
        throw SyntaxError(offset: position, reason: "unexpected end")
      }
      switch characters[position] {
      case "[": return try list()
      case "'", "\"": return .string(try string())
      default:
        throw SyntaxError(offset: position, reason: "expected a string or a list")
      }
    }

    mutating func list() throws(SyntaxError) -> PythonLiteral {
      position += 1
      var items: [PythonLiteral] = []
      while true {
        skipSpace()
        guard position < characters.count else {
          throw SyntaxError(offset: position, reason: "unclosed list")
        }
        if characters[position] == "]" {
          position += 1
          return .list(items)
        }
        items.append(try value())
        skipSpace()
        if position < characters.count, characters[position] == "," { position += 1 }
      }
    }

    mutating func string() throws(SyntaxError) -> String {
      let delimiter = characters[position]
      position += 1
      var result = ""
      while position < characters.count {
        let c = characters[position]
        position += 1
        if c == delimiter { return result }
        if c == "\\", position < characters.count {
          let escaped = characters[position]
          position += 1
          switch escaped {
          case "n": result.append("\n")
          case "t": result.append("\t")
          default: result.append(escaped)
          }
        } else {
          result.append(c)
        }
      }
      throw SyntaxError(offset: position, reason: "unclosed string")
    }
  }
}
