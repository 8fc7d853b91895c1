import Testing

@testable import Datasets

@Suite struct FormatTests {
  @Test func csvHandlesQuotesCommasNewlinesAndCRLF() throws {
    let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n"
    let records = try QuotedCSV.records(Array(text.utf8))
    #expect(records.count == 2)
    #expect(records[0].fields.map { String(decoding: $0, as: UTF8.self) } == ["a", "b, c", "say \"hi\""])
    #expect(records[1].fields.map { String(decoding: $0, as: UTF8.self) } == ["two\nlines", "", "x"])
    #expect(records[1].line == 2 && records[1].spansLines && !records[0].spansLines)
    #expect(throws: QuotedCSV.SyntaxError.self) { try QuotedCSV.records(Array("\"open\n".utf8)) }
    #expect(throws: QuotedCSV.SyntaxError.self) { try QuotedCSV.records(Array("\"a\"b\n".utf8)) }
  }

  @Test func pythonLiteralsParseNestedListsAndEscapes() throws {
    let text: Substring = "[\n  'a',\n  \"it's\",\n  ['x', 'y\\'z'],\n]\nrest"
    let (value, used) = try PythonLiteral.parse(text)
    #expect(value == .list([.string("a"), .string("it's"), .list([.string("x"), .string("y'z")])]))
    #expect(text.dropFirst(used) == "\nrest")
    #expect(throws: PythonLiteral.SyntaxError.self) { try PythonLiteral.parse("['a', 'b'") }
  }

  @Test func invalidBytesAreDroppedLikePythonIgnore() {
    let decoded = TextLines.decodeDroppingInvalid([0x61, 0x81, 0x45, 0xE2, 0x80, 0x62, 0xC3, 0xA9])
    #expect(decoded.text == "aEbé" && decoded.dropped)
    #expect(!TextLines.decodeDroppingInvalid(Array("plain".utf8)).dropped)
    #expect(TextLines.firstInvalidLine(Array("ok\nok\n".utf8) + [0xFF]) == 3)
  }

  @Test func svgMetadataReadsTheWorkNotTheAgents() {
    let svg = """
      <svg><metadata><rdf:RDF><cc:Work rdf:about="">
      <dc:title>Fish &amp; chips</dc:title><dc:description>A plate&#x21;</dc:description>
      <dc:subject><rdf:Bag><rdf:li>Food</rdf:li><rdf:li> fish </rdf:li></rdf:Bag></dc:subject>
      <dc:publisher><cc:Agent rdf:about="x"><dc:title>Open Clip Art Library</dc:title></cc:Agent></dc:publisher>
      <dc:creator><cc:Agent><dc:title>Jane Q Doe</dc:title></cc:Agent></dc:creator>
      </cc:Work></rdf:RDF></metadata></svg>
      """
    let meta = SVGMetadata(svg: svg)
    #expect(meta.title == "Fish & chips" && meta.description == "A plate!")
    #expect(meta.keywords == ["Food", "fish"] && meta.creator == "Jane Q Doe")
    #expect(SVGMetadata(svg: "<svg/>") == SVGMetadata(svg: ""))
    let reversed = SVGMetadata(svg: svg.replacingOccurrences(of: "<dc:title>Fish &amp; chips</dc:title>", with: "<dc:title/>"))
    #expect(reversed.title == "")
  }

  @Test func clipartRulesDropGenericTitlesAuthorsAndFolders() {
    #expect(ClipartCleaning.isGeneric("Clipart by Nicu Buculei - pear", sharedBy: 1))
    #expect(ClipartCleaning.isGeneric("Part of the Flat Icon Collection (Wed Aug 25)", sharedBy: 1))
    #expect(ClipartCleaning.isGeneric("gramastar", sharedBy: 1_375))
    #expect(ClipartCleaning.isGeneric("", sharedBy: 1))
    #expect(!ClipartCleaning.isGeneric("battery", sharedBy: 12))
    let cleaned = ClipartCleaning.keywords(
      ["Mammal", "bat", "", "Orlando Karam", "karam", "animals", "bat"], creator: "Orlando Karam",
      folders: ["animals"])
    #expect(cleaned.kept == ["mammal", "bat"])
    #expect(cleaned.removed == [.empty, .author, .author, .folder])
  }

  @Test func stratifiedSplitsAreSeededAndProportional() {
    let labels = (0..<300).map { $0 % 3 }
    let a = StratifiedSplit.assign(labels: labels, testFraction: 0.2, seed: 7)
    #expect(a == StratifiedSplit.assign(labels: labels, testFraction: 0.2, seed: 7))
    #expect(a != StratifiedSplit.assign(labels: labels, testFraction: 0.2, seed: 8))
    for c in 0..<3 {
      #expect(labels.indices.filter { labels[$0] == c && a[$0] == .test }.count == 20)
    }
    #expect(StratifiedSplit.assign(labels: [5], testFraction: 0.2, seed: 0) == [.train])
  }
}
