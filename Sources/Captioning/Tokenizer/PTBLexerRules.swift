/// The rules of the PTB lexer, in priority order, with the regular expressions they use.
///
/// Reconstructed from Stanford CoreNLP's `edu/stanford/nlp/process/PTBLexer.flex` (the
/// versions before and after 3.4.1 bracket the one the toolkit ships) and pinned against
/// `stanford-corenlp-3.4.1.jar` itself: `scripts/fixtures/caption_metrics_ptb.py` runs the jar
/// on the probes of `Tests/Fixtures/caption_ptb_cases.json`. Rule order matters: JFlex takes
/// the longest match and, among equally long ones, the rule listed first. A rule with a
/// `trailing` pattern (JFlex `r1/r2`) must be followed by it, which counts towards the match
/// length, but only `r1` is consumed. `%caseless` applies to literals (`.caseless`), never to
/// character classes (`.oneOf`), so `[A]bout` matches "About" only.
enum PTBLexerRules {
  typealias P = LexPattern

  struct Rule: Sendable {
    let pattern: LexPattern
    let trailing: LexPattern?
    let action: PTBLexerAction
  }

  // MARK: - Character classes

  static let asciiLetters: [ClosedRange<UInt16>] = [0x41...0x5A, 0x61...0x7A]
  static let asciiDigits: [ClosedRange<UInt16>] = [0x30...0x39]
  static let asciiLetter = P.oneOf("", ranges: asciiLetters)
  static let asciiAlphanumeric = P.oneOf("", ranges: asciiLetters + asciiDigits)
  static let javaLetter = P.units(.letters)
  static let javaDigit = P.units(.digits)

  /// `SPACE`: the horizontal spaces (U+3000 is the ideographic space).
  static let spaceUnits = CodeUnitClass(" \t\u{A0}\u{3000}", ranges: [0x2000...0x200A])
  static let space = P.units(spaceUnits)
  /// `NEWLINE`.
  static let newline = P.caseless("\r") || (P.caseless("\r").optional + .caseless("\n"))
    || .oneOf("\u{2028}\u{2029}\u{0B}\u{0C}\u{85}")
  static let spaceOrNewline = space || newline

  /// `DIGIT`: Java digits and the N'Ko digits.
  static let digit = javaDigit || .oneOf("", ranges: [0x07C0...0x07C9])

  /// `SPLET`: the accented-vowel entities (`&eacute;`), which count as letters.
  static let letterEntity = P.caseless("&") + .oneOf("aeiouAEIOU") + .anyWord(["acute", "grave", "uml"])
    + .caseless(";")

  /// `LETTER`: Java letters, `SPLET`, and marks and letters JFlex's `[:letter:]` lacks
  /// (combining diacritics, soft hyphen, phonetic, Greek, Cyrillic, Hebrew, Arabic, Indic).
  static let letter = javaLetter || letterEntity
    || .oneOf(
      "\u{AD}\u{384}\u{385}\u{3CF}\u{3F6}\u{4CF}\u{5BF}\u{5C1}\u{5C2}\u{5C4}\u{5C5}\u{5C7}\u{670}\u{70F}\u{711}\u{7FA}\u{93C}\u{9C7}\u{9C8}\u{9D7}\u{9E2}\u{9E3}\u{A3C}\u{B82}",
      ranges: [
        0x0237...0x024F, 0x02C2...0x02C5, 0x02D2...0x02DF, 0x02E5...0x02FF, 0x0300...0x036F,
        0x0370...0x037D, 0x03FC...0x03FF, 0x0483...0x0487, 0x04F6...0x04FF, 0x0510...0x0525,
        0x055A...0x055F, 0x0591...0x05BD, 0x0615...0x061A, 0x063B...0x063F, 0x064B...0x065E,
        0x06D6...0x06EF, 0x06FA...0x06FF, 0x0730...0x074F, 0x0750...0x077F, 0x07A6...0x07B1,
        0x07CA...0x07F5, 0x0900...0x0903, 0x093E...0x094E, 0x0951...0x0955, 0x0962...0x0963,
        0x0981...0x0983, 0x09BC...0x09C4, 0x09CB...0x09CD, 0x0A01...0x0A03, 0x0A3E...0x0A4F,
        0x0A81...0x0A83, 0x0ABC...0x0ACF, 0x0BBE...0x0BC2, 0x0BC6...0x0BC8, 0x0BCA...0x0BCD,
        0x0C01...0x0C03, 0x0C3E...0x0C56, 0x0D3E...0x0D44, 0x0D46...0x0D48, 0x0E30...0x0E3A,
        0x0E47...0x0E4E, 0x0EB1...0x0EBC, 0x0EC8...0x0ECD,
      ])

  /// `APOS`: straight and right single quotes (also CP1252's U+0092) and `&apos;`.
  static let apostrophe = P.oneOf("'\u{92}\u{2019}") || .caseless("&apos;")
  /// `APOSETCETERA`: apostrophes plus the left single quotes that turn up inside words.
  static let apostropheLike = apostrophe || .oneOf("`\u{91}\u{2018}\u{201B}")
  static let hyphen = P.oneOf("-_\u{58A}\u{2010}\u{2011}")

  // MARK: - Tokens

  /// `SGML`: a tag, with attributes whose values are quoted.
  static let sgml: P = {
    let name = P.oneOf("", ranges: asciiLetters) + P.oneOf("_:.-", ranges: asciiLetters + asciiDigits).star
    let quoted = P.oneOf("'\"") + P.noneOf("\r\n'\"").star + .oneOf("'\"")
    let attribute = name || (name + P.caseless(" ").star + .caseless("=") + P.caseless(" ").star + quoted)
    let open = name + (P.caseless(" ").plus + attribute).star + P.caseless(" ").star + P.caseless("/").optional
    let declaration = P.oneOf("!?") + .oneOf("-", ranges: asciiLetters) + P.noneOf(">\r\n").star
    let close = P.caseless("/") + name
    return P.caseless("<") + (declaration || open || close) + P.caseless(" ").star + .caseless(">")
  }()

  static let dashEntity = P.caseless("&") + .anyWord(["MD", "mdash", "ndash"]) + .caseless(";")
    || .oneOf("\u{96}\u{97}\u{2013}\u{2014}\u{2015}")
  static let ampersandEntity = P.caseless("&amp;")
  static let punctuationEntity =
    P.caseless("&") + (.anyWord(["HT", "TL", "UR", "LR", "QC", "QL", "QR", "odq", "cdq"])
      || (P.caseless("#") + P.oneOf("", ranges: asciiDigits).plus)) + .caseless(";")

  /// `WORD`: letters and digits, possibly with inner `.`, `!` or `?` (`traffic.and`).
  static let word: P = {
    let body = letter + (letter || digit).star
    return body + (P.oneOf(".!?") + body).star
  }()

  /// `REDAUX`: the clitics `'s 'm 'd 're 've 'll`.
  static let clitic = apostrophe + (.oneOf("msdMSD") || .anyWord(["re", "ve", "ll"]))
  /// `SWORD`: a word that can precede `n't` (it cannot end in n).
  static let negatableWord = P.oneOf("\u{AD}", ranges: asciiLetters).star
    + .oneOf("", ranges: [0x41...0x4D, 0x4F...0x5A, 0x61...0x6D, 0x6F...0x7A]) + P.oneOf("\u{AD}").star
  /// `SREDAUX`: `n't`.
  static let negation = P.caseless("n") + apostropheLike + .caseless("t")

  /// `APOWORD`: words with an apostrophe inside that stay whole (`o'clock` is a THING).
  static let apostropheWord: P = .any([
    apostrophe + .caseless("n") + apostrophe.optional,
    P.oneOf("lLdDjJ") + apostrophe,
    P.caseless("Dunkin") + apostrophe, P.caseless("somethin") + apostrophe, P.caseless("ol") + apostrophe,
    apostrophe + .caseless("em"),
    P.oneOf("n", ranges: [0x41...0x48, 0x4A...0x58, 0x5A...0x5A]) + apostropheLike + javaLetter + javaLetter
      + javaLetter.star,
    apostrophe + .oneOf("23456789") + .caseless("0s"),
    apostrophe + .caseless("til") + P.caseless("l").optional,
    javaLetter + javaLetter.star + .oneOf("aeiouyAEIOUY") + apostropheLike + .oneOf("aeiou", ranges: [0x41...0x5A])
      + javaLetter.star,
    apostrophe + .caseless("cause"),
    P.caseless("cont'd") + P.caseless(".").optional,
    .anyWord(["nor'easter", "c'mon", "e'er", "s'mores", "ev'ry", "li'l", "nat'l"]),
  ])

  static let fullURL =
    P.caseless("http") + P.caseless("s").optional + .caseless("://") + P.noneOf(" \t\n\u{0C}\r\"<>|(){}").plus
    + .noneOf(" \t\n\u{0C}\r\"<>|.!?(){},-")
  /// `LIKELYURL`. In `[^…,-_$]` the `,-_` is a range (U+002C–U+005F), which keeps digits and
  /// capitals out of the bare-domain form: a faithful quirk of the original class.
  static let likelyURL: P = {
    let www = P.caseless("www.") + (P.noneOf(" \t\n\u{0C}\r\"<>|.!?(){},").plus + .caseless(".")).plus
      + P.oneOf("", ranges: asciiLetters).repeated(2...4)
    let bare = (P.noneOf(" \t\n\u{0C}\r\"`'<>|.!?(){}$", ranges: [0x2C...0x5F]).plus + .caseless(".")).plus
      + .anyWord(["com", "net", "org", "edu"])
    let path = P.caseless("/") + P.noneOf(" \t\n\u{0C}\r\"<>|()").plus + .noneOf(" \t\n\u{0C}\r\"<>|.!?(){},-")
    return (www || bare) + path.optional
  }()

  /// `EMAIL`: loose: after the `@`, dot-separated runs of anything but white space, quotes,
  /// pipes, brackets and braces; optionally inside angle brackets.
  static let email: P = {
    let part = P.noneOf(" \t\n\u{0C}\r\"<>|(){}.\u{A0}").plus
    return (P.caseless("<") || .caseless("&lt;")).optional + asciiAlphanumeric
      + P.noneOf(" \t\n\u{0C}\r\"<>|()\u{A0}{}").star + .caseless("@") + (part + .caseless(".")).star + part
      + (P.caseless(">") || .caseless("&gt;")).optional
  }()

  /// `TWITTER`: `@name` and `#tag` (letters only).
  static let twitter = P.caseless("@") + .oneOf("_", ranges: asciiLetters) + P.oneOf("_", ranges: asciiLetters + asciiDigits).star
    || P.caseless("#") + letter.plus

  static let date = digit.repeated(1...2) + .oneOf("-/") + digit.repeated(1...2) + .oneOf("-/") + digit.repeated(2...4)
  static let numberBody = digit.plus || (digit.star + (P.oneOf(".:,\u{AD}\u{66B}\u{66C}") + digit.plus).plus)
  static let number = P.oneOf("-+").optional + numberBody
  static let superOrSubscript = P.oneOf("\u{207A}\u{207B}\u{208A}\u{208B}").optional
    + (P.oneOf("\u{2070}\u{B9}\u{B2}\u{B3}", ranges: [0x2074...0x2079]).plus || P.oneOf("", ranges: [0x2080...0x2089]).plus)
  static let fraction = (digit.repeated(1...4) + .oneOf("- \u{A0}")).optional + digit.repeated(1...4)
    + (P.caseless("\\").optional + .caseless("/") || .oneOf("\u{2044}")) + digit.repeated(1...4)
  static let composedFraction = P.oneOf("\u{BC}\u{BD}\u{BE}", ranges: [0x2153...0x215E])
  /// `DOLSIGN`: `$` after optional capitals (`US$`), or `#`.
  static let dollar = P.oneOf("", ranges: [0x41...0x5A]).star + .caseless("$") || .caseless("#")
  static let otherCurrency = P.oneOf(
    "\u{A2}\u{A3}\u{A4}\u{A5}\u{80}\u{20A0}\u{20AC}\u{60B}\u{E3F}\u{20A4}\u{FFE0}\u{FFE1}\u{FFE5}\u{FFE6}")

  /// `THING`: hyphenated words and numbers (`5-year-old`), with `o'`, `d'`, `l'` prefixes.
  static let thing: P = {
    let alnum = javaLetter || javaDigit
    let prefix = (P.oneOf("dDoOlL") + apostropheLike + alnum).optional
    return prefix + alnum.plus + (hyphen + prefix + alnum.plus).star
  }()
  /// `THINGA`: capitals joined by `&` or `+` (`AT&T`).
  static let capitalsWithAmpersand = P.oneOf("", ranges: [0x41...0x5A]).plus
    + ((P.oneOf("+&") || ampersandEntity) + P.oneOf("", ranges: [0x41...0x5A]).plus).plus
  /// `THING3`: up to three slash-separated parts (`and/or`).
  static let slashed: P = {
    let part = asciiAlphanumeric.plus + (P.caseless("-") + asciiLetter.plus).repeated(0...2)
    return part + (P.caseless("\\").optional + .caseless("/") + part).repeated(1...2)
  }()
  /// `HTHING`.
  static let hyphenated = asciiAlphanumeric + P.oneOf(".,\u{AD}", ranges: asciiLetters + asciiDigits).star
    + (P.caseless("-") + (P.oneOf("\u{AD}", ranges: asciiLetters + asciiDigits).plus || dottedAcronym + .caseless("."))).plus

  // MARK: - Abbreviations

  /// Acronym compounds (`non-U.S`, `U.S.-U.K`).
  static let acronymCompound = .anyWord(["Canada", "Sino", "Korean", "EU", "Japan", "non"]) + .caseless("-U.S")
    || P.caseless("U.S.-") + .anyWord(["U.K", "U.S.S.R"])
  /// `ACRO`: letters joined by periods (`U.S`, also a single letter), or a compound.
  static let acronym = asciiLetter + (P.caseless(".") + asciiLetter).star || acronymCompound
  /// `ACRO2`: as `ACRO` with at least two letters.
  static let dottedAcronym = asciiLetter + (P.caseless(".") + asciiLetter).plus || acronymCompound

  static let month = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
  static let weekday = ["Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri"]
  /// States; some are case-sensitive (`[M]ass`) because they are also common words.
  static let state: P = .anyWord([
    "Ala", "Ariz", "Calif", "Colo", "Conn", "Ct", "Dak", "Fla", "Ga", "Ind", "Kan", "Kans", "Ky", "Md",
    "Mich", "Minn", "Mo", "Mont", "Neb", "Nev", "Okla", "Penn", "Tenn", "Va", "Vt", "Wis", "Wisc", "Wyo",
  ]) || .any(["Az", "Ark", "Del", "Ill", "La", "Mass", "Miss", "Ore", "Pa", "Tex", "Wash"].map(capitalized))
  /// A word whose first letter must be a capital (a JFlex class such as `[M]ass`).
  static func capitalized(_ word: String) -> P {
    P.oneOf(String(word.prefix(1))) + .caseless(String(word.dropFirst()))
  }
  static let company = ["Inc", "Co", "Cos", "Corp", "Pty", "Ptys", "Pte", "Ptes", "Ppty", "Pptys", "Ppte",
    "Pptes", "Ltd", "Plc", "Rt", "Bancorp", "Bhd", "Assn", "Univ", "Intl", "Sys"]
  static let numberAbbreviation = ["tel", "est", "ext", "sq"]
  static let nameSuffix: P = .anyWord(["Jr", "Sr", "Bros", "Blvd", "Rd", "Esq"])
    || .anyWord(["Ed", "Ph"]) + .caseless(".D")
  static let title: P = .anyWord([
    "Mr", "Mrs", "Ms", "Dr", "Drs", "Prof", "Profs", "Sen", "Sens", "Rep", "Reps", "Atty", "Attys", "Lt",
    "Col", "Gen", "Messrs", "Gov", "Govs", "Adm", "Rev", "Maj", "Sgt", "Cpl", "Pvt", "Capt", "St", "Ste",
    "Ave", "Pres", "Lieut", "Hon", "Brig", "Cmdr", "Comdr", "Pfc", "Spc", "Supt", "Supts", "Det", "Mt",
    "Ft", "Adj", "Adv", "Asst", "Assoc", "Ens", "Insp", "Mlle", "Mme", "Msgr", "Sfc",
  ]) || capitalized("Miss")
  static let companyBeforeName = ["Invt", "Elec", "Natl", "Mfg", "Mtg", "Dept"]

  /// `ABBREV1`: abbreviations usually followed by lower case; before a capital they also
  /// end the sentence.
  static let abbreviationBeforeLowercase =
    (.anyWord(month + weekday + company + numberAbbreviation + ["etc", "al", "seq", "Bldg"]) || state || nameSuffix)
    + .caseless(".")
  /// `ABBREV2`: abbreviations usually followed by a capital (titles), never sentence-final.
  static let abbreviationBeforeName = (asciiLetter || title || acronym
    || .anyWord(["vs", "Alex", "Wm", "Jos", "Cie", "cf", "TREAS", "Ph"] + companyBeforeName) || .caseless("a.k.a"))
  /// `ACRONYM`'s list of words that likely start a sentence (case-sensitive first letter).
  static let sentenceStarts: P = {
    let words = [
      "About", "According", "Additionally", "After", "An", "A", "As", "At", "But", "Earlier", "He", "Her",
      "Here", "However", "If", "In", "It", "Last", "Many", "More", "Mr.", "Ms.", "Now", "Once", "One",
      "Other", "Our", "She", "Since", "So", "Some", "Such", "That", "The", "Their", "Then", "There", "These", "They",
      "This", "We", "When", "While", "What", "Yet", "You",
    ]
    return .any(words.map(capitalized))
  }()

  /// `PHONE`: `(555) 123-4567`, `555-123-4567 8901`, `+44 20 7946 0958`, `555.123.4567`.
  static let phone: P = {
    func digits(_ range: ClosedRange<Int>) -> P { P.oneOf("", ranges: asciiDigits).repeated(range) }
    let separator = P.oneOf("- \u{A0}")
    let plus = (P.caseless("+") + P.caseless("+").optional).optional
    let grouped = (P.caseless("(") + digits(2...3) + .caseless(")") + P.oneOf(" \u{A0}").optional
      || plus + (digits(2...4) + separator).optional + digits(2...4) + separator)
      + digits(3...4) + separator.optional + digits(3...5)
    let dotted = (plus + digits(2...4) + .caseless(".")).optional + digits(2...4) + .caseless(".") + digits(3...4)
      + .caseless(".") + digits(3...5)
    return grouped || dotted
  }()

  /// `FILENAME`: a name with a common extension (`photo.jpg`).
  static let fileName: P = {
    let extensions = [
      "bat", "bmp", "c", "class", "cgi", "cpp", "dll", "doc", "docx", "exe", "gif", "gz", "h", "htm", "html",
      "jar", "java", "jpeg", "jpg", "mov", "mp3", "pdf", "php", "pl", "png", "ppt", "ps", "py", "sql", "tar",
      "txt", "wav", "x", "xml", "zip",
    ]
    let part = (javaLetter || javaDigit).plus
    return part + (P.caseless(".") + part).star + .caseless(".") + .anyWord(extensions)
  }()

  /// `ASIANSMILEY`: `^_^`, `(^_^)`, `-_-`. The first alternative keeps the original's
  /// typo: after the class, `\.\[\^x=~<>]` is the literal text `.[^x=~<>]`.
  static let asianSmiley: P = {
    let eyes = P.oneOf("^x=~<>")
    return eyes + .caseless(".[^x=~<>]")
      || P.oneOf("-^x=~<>'") + .caseless("_") + .oneOf("-^x=~<>'")
      || P.caseless("(") + .oneOf("-^x=~<>'") + P.oneOf("_.").optional + .oneOf("-^x=~<>'") + .caseless(")")
      || P.caseless("(") + eyes + .caseless("-") + .oneOf("^x=~<>'`") + .caseless(")")
  }()

  static let doubleQuote = P.caseless("\"") || .caseless("&quot;")
  static let quotes = apostrophe || .caseless("''")
    || P.oneOf("`\u{2018}\u{2019}\u{201A}\u{201B}\u{201C}\u{201D}\u{91}\u{92}\u{93}\u{94}\u{201E}\u{201F}\u{2039}\u{203A}\u{AB}\u{BB}")
      .repeated(1...2)
  static let treebankSpecial: P = .any([
    P.caseless("-") + .anyWord(["RRB", "LRB", "RCB", "LCB", "RSB", "LSB"]) + .caseless("-"),
    .anyWord(["C.D.s", "pro-", "anti-"]),
    P.caseless("S") + (P.caseless("&") || ampersandEntity) + .anyWord(["P-500", "Ls"]),
    P.caseless("Cap") + apostrophe + .caseless("n"), P.caseless("c") + apostrophe + .caseless("est"),
  ])
  static let smiley = P.oneOf("<>").optional + .oneOf(":;=") + P.oneOf("-o*'").optional + .oneOf("()DPdpO\\{@|[]")
  static let miscSymbol = P.oneOf(
    "\u{A6}\u{A7}\u{A8}\u{A9}\u{AC}\u{AE}\u{AF}\u{D7}\u{F7}\u{387}\u{5BE}\u{5C0}\u{5C3}\u{5C6}\u{5F3}\u{5F4}\u{60C}\u{614}\u{61B}\u{61E}\u{66A}\u{66D}\u{7F6}\u{7F7}\u{7F8}\u{964}\u{965}\u{E4F}\u{2044}\u{2116}\u{3012}\u{30FB}\u{FF65}",
    ranges: [
      0xB0...0xBA, 0x600...0x603, 0x606...0x60A, 0x703...0x70D, 0x2020...0x2023, 0x2032...0x2038,
      0x207A...0x207F, 0x208A...0x208E, 0x2100...0x214F, 0x2190...0x21FF, 0x2200...0x22FF, 0x2300...0x23FF,
      0x2600...0x26FF, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
    ])
  static let insentencePunctuation = P.oneOf(",;:")

  // MARK: - Rules

  static let all: [Rule] = {
    func rule(_ pattern: P, _ action: PTBLexerAction = .token, followedBy trailing: P? = nil) -> Rule {
      Rule(pattern: pattern, trailing: trailing, action: action)
    }
    let sentenceEnd = spaceOrNewline + (spaceOrNewline || .units(.uppercaseLetters) || sgml)
    let anyUnit = P.units(CodeUnitClass().complement)
    return [
      rule(.caseless("cannot"), .keepingLast(3)),
      rule(apostrophe + .caseless("twas"), .keepingLast(3)),
      rule(.anyWord(["gonna", "gotta", "lemme", "gimme", "wanna"]) || apostrophe + .caseless("tis"), .keepingLast(2)),
      rule(sgml, .sgml),
      rule(dashEntity, .replacement("--")),
      rule(ampersandEntity, .ampersand),
      rule(punctuationEntity),
      rule(word, .removingSoftHyphens, followedBy: clitic),
      rule(negatableWord, .removingSoftHyphens, followedBy: negation),
      rule(word, .removingSoftHyphens),
      rule(apostropheWord),
      rule(.caseless("y") + apostrophe, followedBy: javaLetter),
      rule(fullURL),
      rule(likelyURL),
      rule(email),
      rule(twitter),
      rule(clitic, .quote(opening: false), followedBy: .noneOf("", ranges: asciiLetters)),
      rule(negation, .quote(opening: false)),
      rule(date),
      rule(number, .removingSoftHyphens),
      rule(superOrSubscript),
      rule(fraction, .fraction),
      rule(composedFraction, .composedFraction),
      rule(treebankSpecial, .ampersand),
      rule(slashed),
      rule(dollar),
      rule(otherCurrency, .currency),
      rule(
        acronym + .caseless("."), .acronymAtSentenceEnd,
        followedBy: spaceOrNewline.plus + (sentenceStarts || sgml) + spaceOrNewline),
      rule(
        .anyWord(["ca", "fig", "figs", "prop", "no", "nos", "art", "bldg", "pp", "op"]) + .caseless("."),
        followedBy: spaceOrNewline.optional + .units(.digits)),
      rule(abbreviationBeforeLowercase, .abbreviationAtSentenceEnd, followedBy: sentenceEnd),
      rule(abbreviationBeforeLowercase, followedBy: anyUnit + anyUnit),
      rule(abbreviationBeforeLowercase, .abbreviationAtSentenceEnd),
      rule(abbreviationBeforeName + .caseless(".")),
      rule(abbreviationBeforeName, followedBy: space),
      rule(acronym, followedBy: spaceOrNewline),
      rule(apostrophe + digit + digit, followedBy: spaceOrNewline),
      rule(fileName, followedBy: spaceOrNewline || .oneOf(".?!,\"'<")),
      rule(word + .caseless("."), .removingSoftHyphens, followedBy: insentencePunctuation),
      rule(phone, .phone),
      rule(doubleQuote, .quote(opening: true), followedBy: .oneOf("$", ranges: asciiLetters + asciiDigits)),
      rule(doubleQuote, .quote(opening: false)),
      rule(smiley, .smiley, followedBy: .noneOf("", ranges: asciiLetters + asciiDigits)),
      rule(asianSmiley, .smiley),
      rule(.anyWord(["c++", "c#", "f#"])),
      rule(.caseless("+")),
      rule(.oneOf("%&\u{2030}\u{2031}")),
      rule(.oneOf("~^|\\")),
      rule(.oneOf("\u{7F}"), .skip),
      rule(.anyWord(["<<", ">>", "<", ">"])),
      rule(.caseless("&lt;"), .replacement("<")),
      rule(.caseless("&gt;"), .replacement(">")),
      rule(.caseless("{"), .replacement("-LCB-")),
      rule(.caseless("}"), .replacement("-RCB-")),
      rule(.caseless("["), .replacement("-LSB-")),
      rule(.caseless("]"), .replacement("-RSB-")),
      rule(.caseless("("), .replacement("-LRB-")),
      rule(.caseless(")"), .replacement("-RRB-")),
      rule(P.caseless("-").plus, .hyphens),
      rule(
        P.caseless(".").repeated(3...5) || (P.caseless(".") + .oneOf(" \u{A0}")).repeated(2...4) + .caseless(".")
          || .oneOf("\u{85}\u{2026}"), .replacement("...")),
      rule(P.caseless("@").plus || P.caseless("#").plus || P.caseless("_").plus),
      rule(P.caseless("*").plus || P.caseless("\\*").repeated(1...3)),
      rule(insentencePunctuation),
      rule(P.oneOf("?!").plus),
      rule(.oneOf(".\u{A1}\u{BF}\u{37E}\u{589}\u{61F}\u{6D4}\u{7FA}", ranges: [0x700...0x702])),
      rule(.caseless("=")),
      rule(.caseless("/")),
      rule(hyphenated + .caseless("."), .removingSoftHyphens, followedBy: insentencePunctuation),
      rule(hyphenated, .removingSoftHyphens),
      rule(thing + .caseless("."), followedBy: insentencePunctuation),
      rule(thing),
      rule(capitalsWithAmpersand + .caseless("."), .ampersand, followedBy: insentencePunctuation),
      rule(capitalsWithAmpersand, .ampersand),
      rule(.caseless("'"), .quote(opening: true), followedBy: asciiLetter + .noneOf(" \t\n\r\u{A0}")),
      rule(clitic, .quote(opening: false)),
      rule(quotes, .quote(opening: false)),
      rule(miscSymbol),
      rule(.oneOf("\0\u{200B}\u{200E}\u{200F}\u{FEFF}") || .units(spaceUnits).plus, .skip),
      rule(newline, .newline),
      rule(.caseless("&nbsp;"), .skip),
      rule(.units(.anyButNewline), .delete),
    ]
  }()
}
