import Foundation
import TestSupport
import Testing

@testable import Datasets

/// Exact counts of every built-in dataset, from the real files (issue acceptance list).
@Suite struct LoaderCountTests {
  let catalog = TestCatalog.shared

  @Test func mvsaSingle() throws {
    let data = try catalog.load("mvsa-single")
    #expect(data.items.count == 4_869)
    #expect(data.splitCounts.map(\.count) == [3_895, 487, 487])
    #expect(data.classNames == ["neutral", "positive", "negative"])
    #expect(data.classCounts == [1_921, 1_731, 1_217])
    let first = try #require(data.items.first)
    #expect(first.id == "1654" && first.label == 1 && first.split == .train)
    #expect(first.image == .file(TestPaths.mirror.appendingPathComponent("mvsa-single/images/1654.jpg")))
  }

  @Test func bookCover30Titles() throws {
    let data = try catalog.load("book30-titles")
    #expect(data.items.count == 5_700)
    #expect(data.classNames.count == 30 && data.classCounts.allSatisfy { $0 == 190 })
    #expect(data.splitCounts.map(\.count) == [4_560, 1_140])
    #expect(data.items.filter { $0.split == .test }.count == 38 * 30)
    let counts = Dictionary(uniqueKeysWithValues: data.notes.map { ($0.what, $0.count) })
    #expect(counts["records with bytes that are not valid UTF-8"] == 19)
    #expect(counts["ASINs that lost their leading zeros"] == 2_640)
    #expect(counts["records with an empty author"] == 397)
    #expect(counts["records on 5701 physical lines; records whose field holds a newline"] == 1)
    #expect(data.items[2].id == "0060750715")
    #expect(Set(data.items.map(\.id)).count == 5_700)
  }

  @Test func emoji() throws {
    let data = try catalog.load("emoji")
    #expect(data.items.count == 1_794)
    #expect(data.classNames == [
      "activity", "extras", "flags", "food", "modifier", "nature", "objects", "people", "symbols",
      "travel",
    ])
    #expect(data.classCounts == [145, 1, 257, 85, 5, 161, 179, 570, 273, 118])
    let hundred = try #require(data.items.first { $0.id == "100" })
    #expect(hundred.text == "hundred points symbol" && hundred.tags.contains("perfect"))
  }

  @Test func clipart() throws {
    let data = try catalog.load("clipart")
    let counts = data.notes.map(\.count)
    #expect(counts.first == 8_121)
    #expect(data.items.count == 7_458)
    #expect(data.classNames.count == 22)
    let note = { (prefix: String) in data.notes.first { $0.what.hasPrefix(prefix) }?.count }
    #expect(note("symbolic links") == 663)
    #expect(note("drawings left after rule 1") == 7_458)
    #expect(note("drawings left with a specific title") == data.items.filter { !$0.text.isEmpty }.count)
    let bat = try #require(data.items.first { $0.id == "animals/bat_orlando_karam_.svg" })
    #expect(bat.text == "bat" && bat.tags == ["mammal", "bat", "animal"])
    #expect(data.classNames[bat.label ?? -1] == "animals")
  }

  @Test func fashionMNIST() throws {
    let images = try catalog.labeledImages("fashion-mnist")
    #expect(images.count == 70_000 && images.width == 28 && images.height == 28)
    #expect(images.splits?.filter { $0 == .train }.count == 60_000)
    #expect((0..<10).allSatisfy { c in images.labels.filter { $0 == c }.count == 7_000 })
    #expect(try catalog.load("fashion-mnist").items.count == 70_000)
  }

  @Test func mnistTest() throws {
    #expect(try catalog.load("mnist-test").items.count == 10_000)
  }

  @Test func cocoCaptions() throws {
    let data = try catalog.load("coco-captions")
    #expect(data.items.count == 40_504)
    #expect(data.items.first?.id == "262148")
  }

  @Test func flickr8kCaptions() throws {
    let data = try catalog.load("flickr8k-captions")
    #expect(data.items.count == 8_092)
    #expect(data.items.allSatisfy { $0.references.count == 5 })
    #expect(data.items.reduce(0) { $0 + $1.references.count } == 40_460)
    #expect(data.splitCounts.map(\.count) == [6_000, 1_000, 1_000, 92])
    let quirk = try #require(data.items.first { $0.id == "2258277193_586949ec62.jpg" })
    #expect(quirk.references.first == "people waiting for the subway")
    #expect(data.notes.first { $0.what.contains(".jpg.1") }?.count == 1)
  }

  @Test func analogies() throws {
    let sections = try catalog.analogySections()
    #expect(sections.count == 14)
    #expect(sections.reduce(0) { $0 + $1.questions.count } == 19_544)
    #expect(sections.filter { !$0.isSyntactic }.reduce(0) { $0 + $1.questions.count } == 8_869)
    #expect(sections.filter(\.isSyntactic).map(\.questions.count).reduce(0, +) == 10_675)
    #expect(sections.filter(\.isSyntactic).count == 9)
    #expect(sections[0].questions[0] == AnalogyQuestion(a: "Athens", b: "Greece", c: "Baghdad", d: "Iraq"))
    #expect(try catalog.load("analogies").items.count == 19_544)
  }

  @Test func wordSimilarity() throws {
    let wordsim = try catalog.wordPairs("wordsim353")
    #expect(wordsim.count == 353)
    #expect(wordsim[0] == WordPair(first: "love", second: "sex", score: 6.77))
    #expect(try catalog.wordPairs("simlex999").count == 999)
  }

  @Test func leeCorpus() throws {
    let data = try catalog.load("lee-corpus")
    #expect(data.splitCounts.map(\.count) == [300, 50])
    #expect(data.items.allSatisfy { !$0.text.isEmpty })
  }

  @Test func clipPrompts() throws {
    let sets = try catalog.promptSets()
    #expect(sets.count == 26)
    let cifar = try #require(sets.first { $0.name == "CIFAR10" })
    #expect(cifar.classes.count == 10 && cifar.templates.count == 18)
    #expect(cifar.prompts(for: 0).first == "a photo of a airplane.")
    let fer = try #require(sets.first { $0.name == "FacialEmotionRecognition2013" })
    #expect(fer.classes[3] == ["happy", "smiling"])
  }

  @Test func everyBuiltinLoadsWithItsPinnedItemCount() throws {
    for id in catalog.ids {
      let data = try catalog.load(id)
      #expect(data.items.count == data.info.items, "\(id)")
      #expect(data.fingerprint == (try catalog.fingerprint(id)), "\(id)")
    }
  }
}
