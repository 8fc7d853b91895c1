import Foundation
import Testing

@testable import Charts

@Suite struct GalleryTests {
  /// A caption with a line break, an ampersand and a "<", as tweets have.
  private let tweet = """
    Just saw the most amazing sunset over the bay,
    the sky was on fire & the water glowed <3
    """

  @Test func longCaptionsAreTruncatedWithFullTextAsTooltip() throws {
    let gallery = Gallery(
      items: [
        GalleryItem(
          png: Fixture.png(width: 28, height: 28), pixelWidth: 28, pixelHeight: 28, caption: tweet)
      ],
      cellSize: 96, captionLines: 2)
    let svg = try parseSVG(gallery.svg())
    let item = try #require(svg.group("item"))
    #expect(item.tooltip == tweet)
    let lines = try #require(item.group("caption")).elements("text").map(\.text)
    #expect(lines.count == 2)
    #expect(lines[1].hasSuffix("…"))
    #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 11) <= 96 })
    #expect(tweet.hasPrefix(lines[0]))
  }

  @Test func singleLineCaptions() throws {
    let gallery = Gallery(
      items: [
        GalleryItem(
          png: Fixture.png(width: 8, height: 8), pixelWidth: 8, pixelHeight: 8, caption: tweet)
      ],
      captionLines: 1)
    let lines = try #require(try parseSVG(gallery.svg()).group("caption")).elements("text").map(
      \.text)
    #expect(
      lines.count == 1 && lines[0].hasSuffix("…") && tweet.hasPrefix(String(lines[0].dropLast())))
  }

  @Test func imagesAreDataURIsFittedIntoCells() throws {
    let svg = try parseSVG(Fixture.gallery.svg())
    let images = svg.elements("image")
    try #require(images.count == 2)
    let href = try #require(images[0].attributes["href"])
    #expect(href.hasPrefix("data:image/png;base64,"))
    #expect(
      Data(base64Encoded: String(href.dropFirst("data:image/png;base64,".count)))
        == Data(Fixture.png(width: 28, height: 28)))
    #expect(images[0].number("width") == 96 && images[0].number("height") == 96)
    #expect(
      images[1].number("width") == 96 && images[1].number("height") == 48, "aspect ratio kept")
    #expect(images[1].number("x") > images[0].number("x") + 96, "second column")
  }

  @Test func smallImagesArePixelated() throws {
    let images = try parseSVG(Fixture.gallery.svg()).elements("image")
    #expect(images[0].attributes["style"] == "image-rendering:pixelated")
    #expect(images[1].attributes["style"] == nil, "a downscaled photo is smoothed")
  }

  @Test func gridWrapsAfterColumns() throws {
    let items = (0..<5).map {
      GalleryItem(
        png: Fixture.png(width: 10, height: 10), pixelWidth: 10, pixelHeight: 10, caption: "\($0)")
    }
    let svg = try parseSVG(Gallery(items: items, columns: 2, cellSize: 40).svg())
    let images = svg.elements("image")
    #expect(Set(images.map { $0.number("x") }).count == 2)
    #expect(Set(images.map { $0.number("y") }).count == 3)
    #expect(images[2].number("x") == images[0].number("x"))
  }

  @Test func invalidItemsAndParametersAreRejected() {
    let good = GalleryItem(
      png: Fixture.png(width: 4, height: 4), pixelWidth: 4, pixelHeight: 4, caption: "")
    #expect(throws: ChartError.empty(field: "items")) { try Gallery(items: []).svg() }
    #expect(throws: ChartError.outOfRange(field: "columns", value: "0", allowed: "≥ 1")) {
      try Gallery(items: [good], columns: 0).svg()
    }
    #expect(
      throws: ChartError.outOfRange(
        field: "items[1].pixelWidth", value: "5", allowed: "the PNG's width, 4")
    ) {
      try Gallery(items: [
        good, GalleryItem(png: good.png, pixelWidth: 5, pixelHeight: 4, caption: ""),
      ]).svg()
    }
    #expect(throws: ChartError.self) {
      try Gallery(items: [
        GalleryItem(png: Array("GIF89a".utf8), pixelWidth: 1, pixelHeight: 1, caption: "")
      ]).svg()
    }
  }

  @Test func wrapKeepsEveryLineWithinTheWidth() {
    let word = String(repeating: "W", count: 40)
    let lines = TextMetrics.wrap("\(word) and more", maxWidth: 60, fontSize: 11, maxLines: 3)
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 11) <= 60 })
    #expect(lines.last?.hasSuffix("…") == true)
    #expect(TextMetrics.wrap("short", maxWidth: 60, fontSize: 11, maxLines: 2) == ["short"])
    #expect(
      TextMetrics.wrap("line\nbreaks\tand  spaces", maxWidth: 500, fontSize: 11, maxLines: 2) == [
        "line breaks and spaces"
      ])
  }
}
