import Testing

@testable import Charts

@Suite struct HeatmapTests {
  @Test func scaleEndsAreTheFirstAndLastStops() {
    #expect(ColourScale.sequential.colour(at: 0) == "#440154")
    #expect(ColourScale.sequential.colour(at: 1) == "#fde725")
    #expect(ColourScale.diverging.colour(at: 0) == "#053061")
    #expect(ColourScale.diverging.colour(at: 0.5) == "#f7f7f7")
    #expect(ColourScale.diverging.colour(at: 1) == "#67001f")
    #expect(ColourScale.sequential.colour(at: -3) == ColourScale.sequential.colour(at: 0))
    #expect(ColourScale.sequential.colour(at: 7) == ColourScale.sequential.colour(at: 1))
    #expect(ColourScale.sequential.colour(at: .nan) == ColourScale.sequential.colour(at: 0))
  }

  @Test func sequentialLuminanceRisesMonotonically() {
    let luminances = (0...200).map { ColourScale.sequential.rgb(at: Double($0) / 200).luminance }
    for (lower, higher) in zip(luminances, luminances.dropFirst()) { #expect(lower < higher) }
  }

  @Test func divergingLuminancePeaksAtTheMidpoint() {
    let luminances = (0...200).map { ColourScale.diverging.rgb(at: Double($0) / 200).luminance }
    for i in 0..<100 { #expect(luminances[i] < luminances[i + 1]) }
    for i in 100..<200 { #expect(luminances[i] > luminances[i + 1]) }
  }

  @Test func cellsTakeScaleColoursWithDomainEndsAtScaleEnds() throws {
    let svg = try parseSVG(Fixture.heatmap.svg())
    let cells = try #require(svg.group("cells")).elements("rect")
    try #require(cells.count == 9)
    #expect(cells[0].attributes["fill"] == ColourScale.sequential.colour(at: 0))
    #expect(cells[2].attributes["fill"] == ColourScale.sequential.colour(at: 1))
    #expect(cells[1].attributes["fill"] == ColourScale.sequential.colour(at: 1.0 / 3))
    #expect(cells[1].tooltip == "cat · dog: 0.300")
    #expect(cells[3].number("y") > cells[0].number("y"), "rows run top to bottom")
    #expect(cells[0].number("width") == cells[0].number("height"), "cells are square")
  }

  @Test func divergingScaleIsWhiteAtTheDomainMidpoint() throws {
    let map = Heatmap(
      rows: ["a"], columns: ["x", "y", "z"], values: [[-1, 0, 1]], domain: -1...1, scale: .diverging
    )
    let cells = try #require(try parseSVG(map.svg()).group("cells")).elements("rect")
    #expect(cells.map { $0.attributes["fill"] } == ["#053061", "#f7f7f7", "#67001f"])
  }

  @Test func missingCellsAreHatched() throws {
    let svg = try parseSVG(Fixture.heatmap.svg())
    let missing = try #require(svg.group("cells")).elements("rect")[5]
    #expect(missing.attributes["fill"] == "url(#c-missing)")
    #expect(missing.tooltip == "dog · car: missing")
    #expect(svg.elements("pattern").map { $0.attributes["id"] } == ["c-missing"])
    #expect(
      try #require(svg.group("colour-legend")).elements("text").contains { $0.text == "missing" })
  }

  @Test func valueTextContrastsWithItsCell() throws {
    let values = try #require(try parseSVG(Fixture.heatmap.svg()).group("values")).elements("text")
    #expect(values.count == 8)
    #expect(values[0].text == "0.00" && values[0].attributes["fill"] == "#ffffff")
    #expect(values[2].text == "0.90" && values[2].attributes["fill"] == "#000000")
  }

  @Test func valuesAreOmittedWhenCellsAreTooSmall() throws {
    let big = Heatmap(
      rows: (0..<60).map { "r\($0)" }, columns: (0..<60).map { "c\($0)" },
      values: (0..<60).map { i in (0..<60).map { Double(i * $0) } }, showValues: true)
    let svg = try parseSVG(big.svg())
    #expect(svg.group("values") == nil)
    #expect(try #require(svg.group("row-labels")).elements("text").count < 60, "labels are thinned")
  }

  @Test func legendTicksAndGradientCoverTheDomain() throws {
    let svg = try parseSVG(Fixture.heatmap.svg())
    let stops = svg.elements("stop")
    #expect(stops.first?.attributes["stop-color"] == "#440154")
    #expect(stops.last?.attributes["stop-color"] == "#fde725")
    let labels = try #require(svg.group("colour-legend")).elements("text").map(\.text)
    #expect(labels.starts(with: ["0.0", "0.2", "0.4", "0.6", "0.8"]))
    #expect(labels.contains("dissimilarity"))
  }

  @Test func documentIsTrimmedToSquareCells() throws {
    let wide = Heatmap(rows: ["a"], columns: ["x", "y", "z"], values: [[1, 2, 3]])
    let root = try parseSVG(wide.svg(size: ChartSize(width: 560, height: 480)))
    #expect(root.number("width") <= 560 && root.number("height") < 300)
    let cells = try #require(root.group("cells")).elements("rect")
    #expect(cells.allSatisfy { $0.number("width") == $0.number("height") })
    let bottom = cells.map { $0.number("y") + $0.number("height") }.max() ?? .infinity
    #expect(bottom < root.number("height"))
  }

  @Test func shapeErrorsNameTheField() {
    #expect(
      throws: ChartError.lengthMismatch(field: "values[1] (one per column)", count: 1, expected: 2)
    ) {
      try Heatmap(rows: ["a", "b"], columns: ["x", "y"], values: [[1, 2], [3]]).svg()
    }
    #expect(
      throws: ChartError.lengthMismatch(
        field: "values (one row per row label)", count: 1, expected: 2)
    ) {
      try Heatmap(rows: ["a", "b"], columns: ["x"], values: [[1]]).svg()
    }
    #expect(throws: ChartError.notFinite(field: "values[0]", index: 1)) {
      try Heatmap(rows: ["a"], columns: ["x", "y"], values: [[1, -.infinity]]).svg()
    }
    #expect(throws: ChartError.empty(field: "finite values")) {
      try Heatmap(rows: ["a"], columns: ["x"], values: [[.nan]]).svg()
    }
    #expect(throws: ChartError.empty(field: "columns")) {
      try Heatmap(rows: ["a"], columns: [], values: [[]]).svg()
    }
  }
}
