import Foundation
import TestSupport
import Testing

@testable import Captioning

@Suite struct PTBTokenizerTests {
  @Test func probesMatchTheToolkitsTokenizer() throws {
    let cases = try TokenizerCases.load()
    let lines = PTBTokenizer.lexedLines(cases.lines).map { $0.joined(separator: " ") }
    #expect(lines.count == cases.expected.count)
    for (index, (line, expected)) in zip(lines, cases.expected).enumerated() {
      #expect(line == expected, "probe \(index): \(cases.lines[index])")
    }
  }

  /// Every Flickr8k and COCO caption of the mirror, in file order, as the toolkit tokenizes
  /// them (FNV-1a of the output lines joined by newlines).
  @Test(arguments: ["flickr8k-captions/Flickr8k.token.txt", "coco-captions/captions_val2014_submission.json"])
  func wholeCorporaMatchTheToolkit(file: String) throws {
    let cases = try TokenizerCases.load()
    let captions = try CaptionFile.captions(at: TestPaths.mirror.appendingPathComponent(file)).map(\.caption)
    #expect(captions.count > 40_000)
    let text = PTBTokenizer.tokenize(captions).joined(separator: "\n")
    let expected = file.hasPrefix("flickr") ? cases.flickr8k_token_fnv1a64 : cases.coco_submission_fnv1a64
    #expect(Self.fnv1a64(Array(text.utf8)) == expected)
  }

  @Test func removesTheToolkitsPunctuationButNotLowerCasedBrackets() {
    #expect(PTBTokenizer.tokenize(["A dog (brown), \"running\" -- fast!"]) == ["a dog -lrb- brown -rrb- running fast"])
  }

  @Test func keepsOneOutputPerCaptionIncludingEmptyOnes() {
    let captions = ["", "Two dogs.", "...", "   ", "line\nbreak", "carriage\rreturn"]
    #expect(PTBTokenizer.tokenize(captions) == ["", "two dogs", "", "", "line break", "carriage return"])
  }

  /// A sentence-final acronym followed by a caption that starts like a sentence loses its
  /// period in the toolkit (`b .`), not otherwise (`b.`): captions are tokenized together.
  @Test func tokenizesCaptionsInContextLikeTheToolkit() {
    #expect(PTBTokenizer.tokenize(["plan B.", "A dog"]) == ["plan b", "a dog"])
    #expect(PTBTokenizer.tokenize(["plan B.", "a dog"]) == ["plan b.", "a dog"])
  }

  @Test func lowerCasesLikeJava() {
    #expect(JavaString.lowercased("ΣΑΣ ΣΑ") == "σας σα")
    #expect(JavaString.lowercased("DOG") == "dog")
  }

  static func fnv1a64(_ bytes: [UInt8]) -> String {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
