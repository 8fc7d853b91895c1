/// The Snowball English ("Porter2") stemmer, as generated into
/// `org/tartarus/snowball/ext/englishStemmer` inside `meteor-1.5.jar`, which METEOR's stem
/// module uses (`edu/cmu/meteor/aligner/SnowballStemmerWrapper`).
///
/// Algorithm: <https://snowballstem.org/algorithms/english/stemmer.html> (2006 revision:
/// `gener`/`commun`/`arsen` prefixes, `ative` in step 3, `eedly`/`ingly`). It works on
/// UTF-16 units; only the ASCII letters `aeiouy` are vowels, as in the generated Java code.
enum SnowballEnglishStemmer {
  /// The stem of `word`.
  static func stem(_ word: String) -> String {
    var w = Array(word.utf16)
    if let special = exception1[word] { return special }
    guard w.count >= 3 else { return word }
    let foundY = prelude(&w)
    let (p1, p2) = regions(w)
    step1a(&w)
    if !exception2.contains(String(decoding: w, as: UTF16.self)) {
      step1b(&w, p1: p1)
      step1c(&w)
      step2(&w, p1: p1)
      step3(&w, p1: p1, p2: p2)
      step4(&w, p2: p2)
      step5(&w, p1: p1, p2: p2)
    }
    if foundY { w = w.map { $0 == Unit.Y ? Unit.y : $0 } }
    return String(decoding: w, as: UTF16.self)
  }

  private enum Unit {
    static let apostrophe = UInt16(UInt8(ascii: "'"))
    static let y = UInt16(UInt8(ascii: "y"))
    static let Y = UInt16(UInt8(ascii: "Y"))
  }

  /// Whole words with a fixed stem (`exception1`); invariant words map to themselves.
  private static let exception1: [String: String] = [
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
    "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
  ]
  /// Words left alone after step 1a (`exception2`).
  private static let exception2: Set<String> = [
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
  ]

  private static func isVowel(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
    default: false
    }
  }

  /// `v_WXY`: vowels plus `w`, `x` and the marker `Y`.
  private static func isVowelWXY(_ unit: UInt16) -> Bool {
    isVowel(unit) || unit == 0x77 || unit == 0x78 || unit == Unit.Y
  }

  /// Drops an initial apostrophe and marks consonant `y`s (initial, or after a vowel) as `Y`.
  private static func prelude(_ w: inout [UInt16]) -> Bool {
    if w.first == Unit.apostrophe { w.removeFirst() }
    var found = false
    if w.first == Unit.y {
      w[0] = Unit.Y
      found = true
    }
    var i = 1
    while i < w.count {
      if w[i] == Unit.y && isVowel(w[i - 1]) {
        w[i] = Unit.Y
        found = true
      }
      i += 1
    }
    return found
  }

  /// R1 and R2 start positions: after the first non-vowel that follows a vowel (or after
  /// `gener`, `commun`, `arsen`), then again from there.
  private static func regions(_ w: [UInt16]) -> (Int, Int) {
    func afterVowelConsonant(from start: Int) -> Int? {
      var i = start
      while i < w.count && !isVowel(w[i]) { i += 1 }
      guard i < w.count else { return nil }
      while i < w.count && isVowel(w[i]) { i += 1 }
      guard i < w.count else { return nil }
      return i + 1
    }
    let text = String(decoding: w, as: UTF16.self)
    let prefix = ["gener", "commun", "arsen"].first { text.hasPrefix($0) }
    guard let p1 = prefix.map({ $0.utf16.count }) ?? afterVowelConsonant(from: 0) else { return (w.count, w.count) }
    return (p1, afterVowelConsonant(from: p1) ?? w.count)
  }

  private static func hasSuffix(_ w: [UInt16], _ suffix: String) -> Bool {
    let s = Array(suffix.utf16)
    return w.count >= s.count && Array(w.suffix(s.count)) == s
  }

  /// The longest suffix of `w` among `suffixes` (Snowball `among`).
  private static func longestSuffix(_ w: [UInt16], _ suffixes: [String]) -> String? {
    suffixes.filter { hasSuffix(w, $0) }.max { $0.utf16.count < $1.utf16.count }
  }

  private static func replaceSuffix(_ w: inout [UInt16], _ length: Int, with replacement: String) {
    w.removeLast(length)
    w += replacement.utf16
  }

  /// A short syllable ending at `end` (`shortv`, read right to left in Snowball's backward
  /// mode): non-vowel + vowel + non-vowel other than w, x and Y, or vowel + non-vowel at the
  /// start of the word.
  private static func endsWithShortSyllable(_ w: [UInt16], end: Int) -> Bool {
    if end >= 3 && !isVowel(w[end - 3]) && isVowel(w[end - 2]) && !isVowelWXY(w[end - 1]) { return true }
    return end == 2 && isVowel(w[0]) && !isVowel(w[1])
  }

  private static func step1a(_ w: inout [UInt16]) {
    if let s = longestSuffix(w, ["'", "'s", "'s'"]) { w.removeLast(s.utf16.count) }
    guard let s = longestSuffix(w, ["sses", "ied", "ies", "s", "us", "ss"]) else { return }
    switch s {
    case "sses":
      replaceSuffix(&w, 4, with: "ss")
    case "ied", "ies":
      replaceSuffix(&w, 3, with: w.count - 3 >= 2 ? "i" : "ie")
    case "s":
      // `next gopast v`: a vowel somewhere before the letter preceding the s.
      if w.count >= 2 && w[..<(w.count - 2)].contains(where: isVowel) { w.removeLast() }
    default:
      break
    }
  }

  private static func step1b(_ w: inout [UInt16], p1: Int) {
    guard let s = longestSuffix(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
    let start = w.count - s.utf16.count
    if s == "eed" || s == "eedly" {
      if start >= p1 { replaceSuffix(&w, s.utf16.count, with: "ee") }
      return
    }
    guard w[..<start].contains(where: isVowel) else { return }
    w.removeLast(s.utf16.count)
    if hasSuffix(w, "at") || hasSuffix(w, "bl") || hasSuffix(w, "iz") {
      w += "e".utf16
    } else if let last = w.last, w.count >= 2, w[w.count - 2] == last, "bdfgmnprt".utf16.contains(last) {
      w.removeLast()
    } else if w.count == p1 && endsWithShortSyllable(w, end: w.count) {
      w += "e".utf16
    }
  }

  private static func step1c(_ w: inout [UInt16]) {
    guard let last = w.last, last == Unit.y || last == Unit.Y, w.count >= 3, !isVowel(w[w.count - 2]) else { return }
    w[w.count - 1] = UInt16(UInt8(ascii: "i"))
  }

  private static let step2Rules: [(String, String)] = [
    ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"), ("izer", "ize"),
    ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
    ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"),
    ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
  ]

  private static func step2(_ w: inout [UInt16], p1: Int) {
    guard let s = longestSuffix(w, step2Rules.map(\.0)), w.count - s.utf16.count >= p1 else { return }
    let start = w.count - s.utf16.count
    switch s {
    case "ogi":
      if start >= 1 && w[start - 1] == UInt16(UInt8(ascii: "l")) { replaceSuffix(&w, 3, with: "og") }
    case "li":
      if start >= 1 && "cdeghkmnrt".utf16.contains(w[start - 1]) { w.removeLast(2) }
    default:
      replaceSuffix(&w, s.utf16.count, with: step2Rules.first { $0.0 == s }?.1 ?? s)
    }
  }

  private static func step3(_ w: inout [UInt16], p1: Int, p2: Int) {
    let rules: [(String, String)] = [
      ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
      ("ful", ""), ("ness", ""), ("ative", ""),
    ]
    guard let s = longestSuffix(w, rules.map(\.0)), w.count - s.utf16.count >= p1 else { return }
    if s == "ative" && w.count - 5 < p2 { return }
    replaceSuffix(&w, s.utf16.count, with: rules.first { $0.0 == s }?.1 ?? s)
  }

  private static func step4(_ w: inout [UInt16], p2: Int) {
    let suffixes = [
      "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion",
    ]
    guard let s = longestSuffix(w, suffixes), w.count - s.utf16.count >= p2 else { return }
    let start = w.count - s.utf16.count
    if s == "ion" && !(start >= 1 && "st".utf16.contains(w[start - 1])) { return }
    w.removeLast(s.utf16.count)
  }

  private static func step5(_ w: inout [UInt16], p1: Int, p2: Int) {
    guard let last = w.last else { return }
    let start = w.count - 1
    if last == UInt16(UInt8(ascii: "e")) {
      if start >= p2 || (start >= p1 && !endsWithShortSyllable(w, end: start)) { w.removeLast() }
    } else if last == UInt16(UInt8(ascii: "l")) {
      if start >= p2 && start >= 1 && w[start - 1] == last { w.removeLast() }
    }
  }
}
