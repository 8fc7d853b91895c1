import Testing

@testable import Charts

@Suite struct BarChartTests {
  /// The bars of series `index`, in category order.
  private func bars(_ svg: SVGNode, series index: Int) throws -> [SVGNode] {
    let group = try #require(svg.group("bars"))
    return try #require(group.children.first { $0.attributes["fill"] == Palette.colour(index) })
      .elements("rect")
  }

  /// Pixel row of each labelled y tick, from the grid lines and tick labels.
  private func tickRows(_ svg: SVGNode) throws -> [String: Double] {
    let labels = try #require(svg.group("y-ticks")).elements("text")
    let lines = try #require(svg.group("grid")).elements("line")
    try #require(labels.count == lines.count)
    return Dictionary(uniqueKeysWithValues: zip(labels, lines).map { ($0.text, $1.number("y1")) })
  }

  @Test func barHeightsAreProportionalToValues() throws {
    let chart = BarChart(
      categories: ["a", "b", "c"], series: [Series(name: "s", values: [0.2, 0.5, 0.8])])
    let rects = try bars(parseSVG(chart.svg()), series: 0)
    let heights = rects.map { $0.number("height") }
    #expect(rects.count == 3)
    #expect(abs(heights[1] / heights[0] - 2.5) < 0.01)
    #expect(abs(heights[2] / heights[0] - 4) < 0.01)
    let bottoms = rects.map { $0.number("y") + $0.number("height") }
    #expect(bottoms.allSatisfy { abs($0 - bottoms[0]) < 0.02 })
  }

  @Test func barsStartAtZeroAndNegativeBarsGoDown() throws {
    let chart = BarChart(categories: ["a", "b"], series: [Series(name: "s", values: [1, -0.5])])
    let svg = try parseSVG(chart.svg())
    let zero = try #require(try tickRows(svg)["0.0"])
    let (up, down) = try (bars(svg, series: 0)[0], bars(svg, series: 0)[1])
    #expect(abs(up.number("y") + up.number("height") - zero) < 0.02)
    #expect(abs(down.number("y") - zero) < 0.02)
    #expect(abs(up.number("height") / down.number("height") - 2) < 0.01)
    let axis = try #require(svg.group("axes")).elements("line")[1]
    #expect(abs(axis.number("y1") - zero) < 0.02)
  }

  @Test func barsStartAtLowerBoundOfDomainAboveZero() throws {
    let chart = BarChart(
      categories: ["a", "b"], series: [Series(name: "s", values: [0.75, 1])], yDomain: 0.5...1)
    let svg = try parseSVG(chart.svg())
    let rows = try tickRows(svg)
    let (half, one) = try (#require(rows["0.5"]), #require(rows["1.0"]))
    let rects = try bars(svg, series: 0)
    #expect(abs(rects[0].number("y") + rects[0].number("height") - half) < 0.02)
    #expect(abs(rects[0].number("height") / (half - one) - 0.5) < 0.01)
  }

  @Test func errorBarsSpanValueMinusToPlusError() throws {
    let chart = BarChart(
      categories: ["a"], series: [Series(name: "s", values: [0.5], errors: [0.1])], yDomain: 0...1)
    let svg = try parseSVG(chart.svg())
    let rows = try tickRows(svg)
    let (zero, one) = try (#require(rows["0.0"]), #require(rows["1.0"]))
    let pixel = { (value: Double) in zero + (one - zero) * value }
    let path = try #require(svg.group("error-bars")?.elements("path").first)
    // M left low H right M x low V high M left high H right
    let d = numbers(in: try #require(path.attributes["d"]))
    #expect(d.count == 9)
    #expect(abs(d[1] - pixel(0.4)) < 0.02 && abs(d[4] - pixel(0.4)) < 0.02)
    #expect(abs(d[5] - pixel(0.6)) < 0.02 && abs(d[7] - pixel(0.6)) < 0.02)
    let bar = try bars(svg, series: 0)[0]
    #expect(abs(d[3] - (bar.number("x") + bar.number("width") / 2)) < 0.02)
    #expect(d[0] < d[3] && d[3] < d[2])
  }

  @Test func defaultDomainCoversValuePlusErrorWithNiceTop() throws {
    let chart = BarChart(
      categories: ["a"], series: [Series(name: "s", values: [0.9], errors: [0.15])])
    let labels = try #require(try parseSVG(chart.svg()).group("y-ticks")).elements("text").map(
      \.text)
    #expect(labels.first == "0.0" && labels.last == "1.2")
  }

  @Test func seriesColoursAndLegendOnlyForSeveralSeries() throws {
    let svg = try parseSVG(Fixture.bars.svg())
    #expect(try bars(svg, series: 0).count == 3)
    #expect(try bars(svg, series: 1).count == 3)
    let legend = try #require(svg.group("legend"))
    #expect(legend.elements("text").map(\.text) == ["CLIP", "pixels"])
    #expect(
      legend.elements("rect").map { $0.attributes["fill"] } == [
        Palette.colour(0), Palette.colour(1),
      ])
    let grid = try #require(svg.group("grid")).elements("line")
    let plotTop = try #require(grid.map { $0.number("y1") }.min())
    #expect(legend.elements("text").allSatisfy { $0.number("y") < plotTop })

    let single = BarChart(categories: ["a"], series: [Series(name: "only", values: [1])])
    #expect(try parseSVG(single.svg()).group("legend") == nil)
  }

  @Test func referenceLineIsDashedAndLabelled() throws {
    let svg = try parseSVG(Fixture.bars.svg())
    let reference = try #require(svg.group("reference-line"))
    #expect(reference.elements("line").first?.attributes["stroke-dasharray"] != nil)
    #expect(reference.elements("text").first?.text == "chance")
  }

  @Test func dataIsClippedOnlyWhenItLeavesTheDomain() throws {
    var chart = Fixture.bars
    #expect(try parseSVG(chart.svg()).elements("clipPath").isEmpty)
    chart.yDomain = 0.5...1
    let svg = try parseSVG(chart.svg(idPrefix: "f"))
    let clip = try #require(svg.elements("clipPath").first)
    #expect(clip.attributes["id"] == "f-plot")
    #expect(svg.group("bars")?.attributes["clip-path"] == "url(#f-plot)")
    #expect(svg.group("error-bars")?.attributes["clip-path"] == "url(#f-plot)")
  }

  @Test func missingValuesDrawNoBar() throws {
    let chart = BarChart(categories: ["a", "b"], series: [Series(name: "s", values: [.nan, 1])])
    #expect(try bars(parseSVG(chart.svg()), series: 0).count == 1)
  }

  @Test func crowdedCategoryLabelsAreRotated() throws {
    let long = (1...8).map { "a rather long dataset name \($0)" }
    let crowded = BarChart(
      categories: long, series: [Series(name: "s", values: Array(repeating: 1, count: 8))])
    let rotated = try #require(try parseSVG(crowded.svg()).group("x-ticks")).elements("text")
    #expect(rotated.allSatisfy { $0.attributes["transform"]?.hasSuffix("rotate(-30)") == true })

    let roomy = try #require(try parseSVG(Fixture.bars.svg()).group("x-ticks")).elements("text")
    #expect(roomy.allSatisfy { $0.attributes["transform"] == nil })
    #expect(roomy.map(\.text) == ["MNIST", "Fashion-MNIST", "CIFAR-10"])
  }

  @Test func tooltipsGiveSeriesCategoryValueAndError() throws {
    let first = try bars(parseSVG(Fixture.bars.svg()), series: 0)[0]
    #expect(first.tooltip == "CLIP · MNIST: 0.900 ± 0.020")
  }

  @Test func shapeErrorsNameTheField() {
    #expect(
      throws: ChartError.lengthMismatch(
        field: #"series "CLIP".values (one per category)"#, count: 2, expected: 3)
    ) {
      try BarChart(categories: ["a", "b", "c"], series: [Series(name: "CLIP", values: [1, 2])])
        .svg()
    }
    #expect(
      throws: ChartError.lengthMismatch(
        field: #"series "s".errors (one per category)"#, count: 1, expected: 2)
    ) {
      try BarChart(
        categories: ["a", "b"], series: [Series(name: "s", values: [1, 2], errors: [0.1])]
      ).svg()
    }
    #expect(throws: ChartError.empty(field: "categories")) {
      try BarChart(categories: [], series: [Series(name: "s", values: [])]).svg()
    }
    #expect(throws: ChartError.empty(field: "series")) {
      try BarChart(categories: ["a"], series: []).svg()
    }
    #expect(throws: ChartError.notFinite(field: #"series "s".values"#, index: 1)) {
      try BarChart(categories: ["a", "b"], series: [Series(name: "s", values: [1, .infinity])])
        .svg()
    }
    #expect(throws: ChartError.empty(field: "finite values of series")) {
      try BarChart(categories: ["a"], series: [Series(name: "s", values: [.nan])]).svg()
    }
    #expect(throws: ChartError.self) {
      try BarChart(categories: ["a"], series: [Series(name: "s", values: [1], errors: [-1])]).svg()
    }
    #expect(throws: ChartError.self) {
      try BarChart(categories: ["a"], series: [Series(name: "s", values: [1])], yDomain: 1...1)
        .svg()
    }
    #expect(throws: ChartError.self) {
      try BarChart(categories: ["a"], series: [Series(name: "s", values: [1])]).svg(
        size: ChartSize(width: 40, height: 30))
    }
  }

  @Test func errorMessagesNameSeries() {
    let error = ChartError.lengthMismatch(
      field: #"series "CLIP".values (one per category)"#, count: 2, expected: 3)
    #expect(
      error.description == #"series "CLIP".values (one per category) has 2 elements, expected 3"#)
  }
}
