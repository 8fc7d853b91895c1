import Foundation
import Testing

@testable import Charts

/// Properties every chart's SVG has: well-formed, self-describing, deterministic,
/// prefixed ids, escaped text.
@Suite struct DocumentTests {
  @Test func rootIsAccessibleSelfContainedSVG() throws {
    for text in try Fixture.allSVGs() {
      let root = try parseSVG(text)
      #expect(root.name == "svg")
      #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
      #expect(root.attributes["role"] == "img")
      let (width, height) = (root.number("width"), root.number("height"))
      #expect(width > 0 && height > 0)
      #expect(root.attributes["viewBox"] == "0 0 \(width.svgNumber) \(height.svgNumber)")
      // Font set by `style` on the root: valid in SVG and in HTML5 (tidy flags the attributes there).
      #expect(root.attributes["style"] == "font-family: DejaVu Sans, Helvetica, Arial, sans-serif; font-size: 11px")
      #expect(root.children.first?.name == "title" && root.children.first?.text.isEmpty == false)
      let external = text.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
      #expect(
        !external.contains("http") && !external.contains("<script") && !external.contains("@import")
      )
    }
  }

  @Test func degenerateInputsStillRender() throws {
    let zero = try parseSVG(
      BarChart(categories: ["only"], series: [Series(name: "s", values: [0])]).svg())
    #expect(try #require(zero.group("bars")).elements("rect").first?.number("height") == 0)
    let point = try parseSVG(
      LineChart(x: [3], series: [Series(name: "s", values: [0.5])], xTickValues: [3]).svg())
    #expect(point.elements("use").count == 1 && point.elements("polyline").isEmpty)
    let constant = try parseSVG(
      Heatmap(rows: ["a"], columns: ["b"], values: [[2]], showValues: true).svg())
    #expect(try #require(constant.group("values")).elements("text").map(\.text) == ["2.00"])
    let silent = Gallery(
      items: [
        GalleryItem(
          png: Fixture.png(width: 4, height: 4), pixelWidth: 4, pixelHeight: 4, caption: "")
      ], captionLines: 0)
    #expect(try parseSVG(silent.svg()).group("caption") == nil)
  }

  @Test func rendersAreByteIdentical() throws {
    #expect(try Fixture.allSVGs() == Fixture.allSVGs())
  }

  @Test func fontSizesAreAtLeastElevenPixels() throws {
    for text in try Fixture.allSVGs() {
      let root = try parseSVG(text)
      let base = root.attributes["style"]?.firstMatch(of: /font-size: (\d+)px/).flatMap { Double($0.1) }
      let sizes = root.all.compactMap { $0.attributes["font-size"] }.compactMap(Double.init)
      #expect(base.map { $0 >= 11 } == true && sizes.allSatisfy { $0 >= 11 })
    }
  }

  @Test func coordinatesHaveAtMostTwoDecimals() throws {
    let geometric: Set = [
      "x", "y", "width", "height", "x1", "x2", "y1", "y2", "d", "points", "transform",
    ]
    for text in try Fixture.allSVGs() {
      for node in try parseSVG(text).all {
        for (name, value) in node.attributes where geometric.contains(name) {
          #expect(value.firstMatch(of: /\.\d{3}/) == nil, "\(node.name) \(name)=\(value)")
        }
      }
    }
  }

  @Test func everyIdCarriesThePrefixAndEveryReferenceResolves() throws {
    for text in try Fixture.allSVGs(idPrefix: "fig-3_a") {
      let nodes = try parseSVG(text).all
      let ids = nodes.compactMap { $0.attributes["id"] }
      #expect(ids.allSatisfy { $0.hasPrefix("fig-3_a-") }, "\(ids)")
      #expect(Set(ids).count == ids.count, "ids are unique")
      let urls = nodes.flatMap { node in
        node.attributes.values.flatMap {
          $0.matches(of: /url\(#([^)]+)\)/).map { String($0.output.1) }
        }
      }
      let hrefs = nodes.compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("#") }.map {
        String($0.dropFirst())
      }
      let references = urls + hrefs
      #expect(references.allSatisfy(ids.contains), "\(references) vs \(ids)")
    }
    let bars = try parseSVG(Fixture.clippedBars.svg(idPrefix: "one")).all.compactMap {
      $0.attributes["id"]
    }
    let lines = try parseSVG(Fixture.lines.svg(idPrefix: "two")).all.compactMap {
      $0.attributes["id"]
    }
    #expect(Set(bars).isDisjoint(with: lines))
    #expect(!bars.isEmpty && !lines.isEmpty)
  }

  @Test func invalidIdPrefixesAreRejected() {
    for prefix in ["", "1abc", "a b", "x\"y", "é"] {
      #expect(throws: ChartError.self, "\(prefix)") { try Fixture.bars.svg(idPrefix: prefix) }
      #expect(throws: ChartError.self, "\(prefix)") { try Fixture.gallery.svg(idPrefix: prefix) }
    }
  }

  @Test func dataTextIsEscapedEverywhere() throws {
    let hostile = Fixture.hostile
    let item = GalleryItem(
      png: Fixture.png(width: 8, height: 8), pixelWidth: 8, pixelHeight: 8, caption: hostile)
    let svgs = [
      try BarChart(
        categories: [hostile, "b"],
        series: [Series(name: hostile, values: [1, 2]), Series(name: "t", values: [2, 1])],
        xLabel: hostile, yLabel: hostile, referenceLine: ReferenceLine(value: 1, label: hostile),
        title: hostile
      ).svg(),
      try LineChart(
        x: [0, 1],
        series: [Series(name: hostile, values: [1, 2]), Series(name: "t", values: [2, 1])],
        xLabel: hostile, yLabel: hostile, title: hostile
      ).svg(),
      try Heatmap(
        rows: [hostile], columns: [hostile], values: [[1]], showValues: true, colourLabel: hostile,
        title: hostile
      ).svg(),
      try Gallery(items: [item], title: hostile).svg(),
    ]
    for text in svgs {
      #expect(!text.contains("<script>"))
      #expect(text.contains("&lt;script&gt;"))
      #expect(text.contains("&amp;") && text.contains("&quot;") && text.contains("&apos;"))
      let root = try parseSVG(text)
      #expect(root.children.first?.text == hostile, "the parsed title round-trips")
      #expect(
        root.all.contains { $0.name == "text" && $0.text.contains("<script>") }, "drawn as text")
    }
  }

  @Test func controlCharactersCannotBreakTheDocument() throws {
    let chart = BarChart(
      categories: ["bell\u{7}", "nul\u{0}"], series: [Series(name: "esc\u{1B}", values: [1, 2])])
    let root = try parseSVG(chart.svg())
    #expect(
      try #require(root.group("x-ticks")).elements("text").map(\.text) == [
        "bell\u{FFFD}", "nul\u{FFFD}",
      ])
  }

  @Test func escapeCoversAllFiveCharacters() {
    #expect(
      XMLText.escape(#"<a href="x">Tom & Jerry's</a>"#)
        == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
  }

  @Test func paletteIsOkabeItoWithBlackLast() {
    #expect(Palette.okabeIto.count == 8)
    #expect(Palette.okabeIto.first == "#e69f00" && Palette.okabeIto.last == "#000000")
    #expect(Palette.colour(9) == Palette.colour(1))
    #expect(Palette.colour(-1) == "#000000")
  }

  @Test func chartsRoundTripThroughCodable() throws {
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()
    let bars = try decoder.decode(BarChart.self, from: encoder.encode(Fixture.bars))
    #expect(bars == Fixture.bars)
    let json = try encoder.encode(Fixture.heatmap)
    #expect(
      String(decoding: json, as: UTF8.self).contains("[0.3,0,null]"), "NaN is encoded as null")
    let heatmap = try decoder.decode(Heatmap.self, from: json)
    #expect(heatmap == Fixture.heatmap, "NaN cells compare equal")
    #expect(try heatmap.svg() == Fixture.heatmap.svg())
    let series = Series(name: "s", values: [1, .nan], errors: [.nan, 0.5])
    let decoded = try decoder.decode(Series.self, from: encoder.encode(series))
    #expect(decoded == series)
    #expect(decoded.values[0] == 1 && decoded.values[1].isNaN && decoded.errors?[0].isNaN == true)
    #expect(series != Series(name: "s", values: [1, 2], errors: [.nan, 0.5]))
  }
}
