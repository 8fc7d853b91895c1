/// The header dictionary of a `.npy` file, e.g.
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
///
/// Format: numpy's `numpy/lib/format.py` (NEP 1): the dictionary is a Python literal with
/// exactly the keys `descr` (a string), `fortran_order` (`True`/`False`) and `shape` (a
/// tuple of non-negative integers; `()` for a 0-d array).
struct NPYHeader: Equatable {
  /// The element type, e.g. `<f4`.
  var descr: String
  /// Whether the data is stored column-major.
  var fortranOrder: Bool
  /// Dimensions, outermost first.
  var shape: [Int]

  /// The literal numpy writes (keys sorted, trailing comma and space).
  var literal: String {
    let dims = shape.map(String.init).joined(separator: ", ")
    let tuple = shape.count == 1 ? "(\(dims),)" : "(\(dims))"
    return "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(tuple), }"
  }

  /// Parses the dictionary literal.
  ///
  /// - Throws: a reason (without the file name) when a key is missing, repeated, unknown,
  ///   or its value has the wrong form.
  static func parse(_ text: String) throws(Reason) -> NPYHeader {
    var scanner = Scanner(characters: Array(text))
    try scanner.expect("{")
    var descr: String?
    var fortranOrder: Bool?
    var shape: [Int]?
    while !scanner.consume("}") {
      let key = try scanner.string()
      try scanner.expect(":")
      switch key {
      case "descr" where descr == nil: descr = try scanner.string()
      case "fortran_order" where fortranOrder == nil: fortranOrder = try scanner.bool()
      case "shape" where shape == nil: shape = try scanner.tuple()
      case "descr", "fortran_order", "shape": throw Reason("key '\(key)' appears twice")
      default: throw Reason("unexpected key '\(key)' (expected descr, fortran_order, shape)")
      }
      if !scanner.consume(",") {
        try scanner.expect("}")
        break
      }
    }
    guard let descr, let fortranOrder, let shape else {
      let missing = [("descr", descr == nil), ("fortran_order", fortranOrder == nil), ("shape", shape == nil)]
      throw Reason("missing key " + missing.filter(\.1).map { "'\($0.0)'" }.joined(separator: ", "))
    }
    return NPYHeader(descr: descr, fortranOrder: fortranOrder, shape: shape)
  }

  /// Why a header does not parse.
  struct Reason: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  /// A cursor over the literal's characters.
  private struct Scanner {
    var characters: [Character]
    var position = 0

    mutating func skipSpace() {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// Consumes `token` (after whitespace) if it is next.
    mutating func consume(_ token: Character) -> Bool {
      skipSpace()
      guard position < characters.count, characters[position] == token else { return false }
      position += 1
      return true
    }

    mutating func expect(_ token: Character) throws(Reason) {
      guard consume(token) else {
        let found = position < characters.count ? "'\(characters[position])'" : "the end"
        throw Reason("expected '\(token)' at character \(position), found \(found)")
      }
    }

    /// A quoted string without escapes (numpy's keys and type strings have none).
    mutating func string() throws(Reason) -> String {
      skipSpace()
      let quote = position < characters.count ? characters[position] : " "
      guard quote == "'" || quote == "\"" else { throw Reason("expected a quoted string at character \(position)") }
      guard let end = characters[(position + 1)...].firstIndex(of: quote) else {
        throw Reason("unterminated string at character \(position)")
      }
      defer { position = end + 1 }
      return String(characters[(position + 1)..<end])
    }

    mutating func bool() throws(Reason) -> Bool {
      skipSpace()
      for (word, value) in [("True", true), ("False", false)] where matches(word) {
        position += word.count
        return value
      }
      throw Reason("fortran_order must be True or False (character \(position))")
    }

    /// `(d0, d1, …)` with an optional trailing comma; `()` is a 0-d shape.
    mutating func tuple() throws(Reason) -> [Int] {
      try expect("(")
      var dims: [Int] = []
      while !consume(")") {
        skipSpace()
        let start = position
        while position < characters.count, characters[position].isASCII, characters[position].isNumber {
          position += 1
        }
        guard position > start, let dim = Int(String(characters[start..<position])) else {
          throw Reason("shape must be a tuple of non-negative integers (character \(start))")
        }
        dims.append(dim)
        if !consume(",") {
          try expect(")")
          break
        }
      }
      return dims
    }

    private func matches(_ word: String) -> Bool {
      let end = position + word.count
      return end <= characters.count && String(characters[position..<end]) == word
    }
  }
}
