/// A set of UTF-16 code units, as a JFlex character class: explicit ranges plus the Java
/// character categories JFlex offers (`[:letter:]` = `Character.isLetter`, `[:digit:]` =
/// `Character.isDigit`, `[:uppercase:]` = `Character.isUpperCase`), optionally inverted.
///
/// Surrogate code units belong to no category: JFlex 1.4 (which generated the toolkit's
/// lexer) reads UTF-16 units one at a time, so characters beyond the BMP are never letters.
struct CodeUnitClass: Sendable {
  var ranges: [ClosedRange<UInt16>] = []
  var letter = false
  var digit = false
  var uppercase = false
  var inverted = false

  /// The units of `characters` (each a BMP scalar).
  init(_ characters: String = "", ranges: [ClosedRange<UInt16>] = []) {
    self.ranges = characters.utf16.map { $0...$0 } + ranges
  }

  func contains(_ unit: UInt16) -> Bool {
    var member = ranges.contains { $0.contains(unit) }
    if !member && (letter || digit || uppercase), let scalar = Unicode.Scalar(unit) {
      let properties = scalar.properties
      member =
        (letter && Self.letterCategories.contains(properties.generalCategory))
        || (digit && properties.generalCategory == .decimalNumber)
        || (uppercase && properties.isUppercase)
    }
    return member != inverted
  }

  /// `Character.isLetter`: general categories Lu, Ll, Lt, Lm, Lo.
  private static let letterCategories: Set<Unicode.GeneralCategory> = [
    .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
  ]

  /// This class with its membership reversed (`[^…]`).
  var complement: CodeUnitClass {
    var copy = self
    copy.inverted.toggle()
    return copy
  }

  /// The union of two non-inverted classes.
  static func + (lhs: CodeUnitClass, rhs: CodeUnitClass) -> CodeUnitClass {
    precondition(!lhs.inverted && !rhs.inverted, "union of inverted classes")
    var union = lhs
    union.ranges += rhs.ranges
    union.letter = lhs.letter || rhs.letter
    union.digit = lhs.digit || rhs.digit
    union.uppercase = lhs.uppercase || rhs.uppercase
    return union
  }

  static let letters: CodeUnitClass = {
    var set = CodeUnitClass()
    set.letter = true
    return set
  }()

  static let digits: CodeUnitClass = {
    var set = CodeUnitClass()
    set.digit = true
    return set
  }()

  static let uppercaseLetters: CodeUnitClass = {
    var set = CodeUnitClass()
    set.uppercase = true
    return set
  }()

  /// JFlex's `.`: every unit except `\n`.
  static let anyButNewline = CodeUnitClass("\n").complement
}
