/// The Dublin Core metadata of an Openclipart SVG: the `cc:Work` of its `rdf:RDF` block.
///
/// ```xml
/// <cc:Work rdf:about="">
///   <dc:title>bat</dc:title>
///   <dc:description></dc:description>
///   <dc:subject><rdf:Bag><rdf:li>mammal</rdf:li>…</rdf:Bag></dc:subject>
///   <dc:creator><cc:Agent><dc:title>Orlando Karam</dc:title></cc:Agent></dc:creator>
/// ```
///
/// The block is found by text search (the rest of the drawing is not parsed); `dc:title`
/// inside `cc:Agent` elements (creator, rights, publisher) is not the work's title. XML
/// entities and character references are decoded; whitespace is trimmed.
struct SVGMetadata: Equatable {
  var title = ""
  var description = ""
  var keywords: [String] = []
  var creator = ""

  /// The metadata of an SVG document's text; empty fields when there is no `cc:Work`.
  init(svg: String) {
    guard let work = Self.element("cc:Work", in: svg[...]) else { return }
    if let creator = Self.element("dc:creator", in: work) {
      self.creator = Self.element("dc:title", in: creator).map(Self.text) ?? ""
    }
    let own = Self.removingElements("cc:Agent", from: work)
    title = Self.element("dc:title", in: own[...]).map(Self.text) ?? ""
    description = Self.element("dc:description", in: own[...]).map(Self.text) ?? ""
    if let subject = Self.element("dc:subject", in: own[...]) {
      keywords = Self.elements("rdf:li", in: subject).map(Self.text)
    }
  }

  /// The content of the first `<name …>…</name>` in `text` (`""` for `<name/>`).
  static func element(_ name: String, in text: Substring) -> Substring? {
    elements(name, in: text, limit: 1).first
  }

  /// The contents of the `<name>` elements of `text`, in order (not nested in each other).
  static func elements(_ name: String, in text: Substring, limit: Int = .max) -> [Substring] {
    var found: [Substring] = []
    var rest = text
    while found.count < limit, let open = rest.utf8Range(of: "<" + name) {
      let after = rest[open.upperBound...]
      guard let next = after.first, next == ">" || next == " " || next == "/" || next.isNewline,
        let close = after.utf8.firstIndex(of: UInt8(ascii: ">"))
      else {
        rest = after
        continue
      }
      if after[..<close].hasSuffix("/") {
        found.append(after[close..<close])
        rest = after[after.index(after: close)...]
        continue
      }
      let body = after[after.index(after: close)...]
      guard let end = body.utf8Range(of: "</" + name + ">") else { break }
      found.append(body[..<end.lowerBound])
      rest = body[end.upperBound...]
    }
    return found
  }

  /// `text` without its `<name>…</name>` elements.
  static func removingElements(_ name: String, from text: Substring) -> String {
    var result = ""
    var rest = text
    while let open = rest.utf8Range(of: "<" + name), let end = rest[open.upperBound...].utf8Range(of: "</" + name + ">") {
      result += rest[..<open.lowerBound]
      rest = rest[end.upperBound...]
    }
    return result + rest
  }

  /// Character data with entities decoded and whitespace trimmed and collapsed.
  static func text(_ raw: Substring) -> String {
    var result = ""
    var rest = raw
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
        result += "&"
        rest = after
        continue
      }
      let entity = after[..<semicolon]
      result += decode(entity) ?? "&\(entity);"
      rest = after[after.index(after: semicolon)...]
    }
    result += rest
    return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The character an entity (without `&` and `;`) stands for.
  static func decode(_ entity: Substring) -> String? {
    switch entity {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default:
      guard entity.hasPrefix("#") else { return nil }
      let digits = entity.dropFirst()
      let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
  }
}
