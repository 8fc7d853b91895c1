import Testing

@testable import Charts

@Suite struct LineChartTests {
  /// Marker centres of series `index` as (x, y) pixels.
  private func markers(_ svg: SVGNode, series index: Int) throws -> [(x: Double, y: Double)] {
    let groups = svg.all.filter { $0.attributes["class"] == "markers" }
    return try #require(groups.first { $0.attributes["fill"] == Palette.colour(index) })
      .elements("use").map { ($0.number("x"), $0.number("y")) }
  }

  @Test func markerPositionsMapXLinearly() throws {
    let chart = LineChart(
      x: [1, 2, 5, 10, 20], series: [Series(name: "s", values: [0.1, 0.2, 0.5, 0.7, 0.9])])
    let points = try markers(parseSVG(chart.svg()), series: 0)
    try #require(points.count == 5)
    let perUnit = (points[4].x - points[0].x) / 19
    #expect(perUnit > 0)
    for (point, x) in zip(points, [1.0, 2, 5, 10, 20]) {
      #expect(abs(point.x - (points[0].x + (x - 1) * perUnit)) < 0.02)
    }
    let perValue = (points[4].y - points[0].y) / 0.8
    #expect(perValue < 0, "larger values are higher up")
    for (point, value) in zip(points, [0.1, 0.2, 0.5, 0.7, 0.9]) {
      #expect(abs(point.y - (points[0].y + (value - 0.1) * perValue)) < 0.02)
    }
  }

  @Test func explicitTickValuesAreExactlyTheLabels() throws {
    let svg = try parseSVG(Fixture.lines.svg())
    let labels = try #require(svg.group("x-ticks")).elements("text")
    #expect(labels.map(\.text) == ["1", "5", "10"])
    let points = try markers(svg, series: 0)
    for (label, point) in zip(labels, points) { #expect(abs(label.number("x") - point.x) < 0.02) }
  }

  @Test func niceXTicksWhenNoneGiven() throws {
    let chart = LineChart(x: [0, 0.5, 1], series: [Series(name: "s", values: [1, 2, 3])])
    let labels = try #require(try parseSVG(chart.svg()).group("x-ticks")).elements("text")
    #expect(labels.map(\.text) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  }

  @Test func seriesDifferInMarkerShapeAndColour() throws {
    let svg = try parseSVG(Fixture.lines.svg())
    let definitions = try #require(svg.elements("defs").first).elements("path")
    #expect(definitions.map { $0.attributes["id"] } == ["c-marker-0", "c-marker-1"])
    #expect(definitions[0].attributes["d"] != definitions[1].attributes["d"])
    let lines = svg.all.filter { $0.attributes["class"] == "line" }
    #expect(lines.map { $0.attributes["stroke"] } == [Palette.colour(0), Palette.colour(1)])
    let legend = try #require(svg.group("legend"))
    #expect(legend.elements("use").map { $0.attributes["href"] } == ["#c-marker-0", "#c-marker-1"])
  }

  @Test func errorBarsSpanValuePlusMinusError() throws {
    let chart = LineChart(
      x: [0, 1], series: [Series(name: "s", values: [0.5, 0.5], errors: [0.2, .nan])],
      yDomain: 0...1)
    let svg = try parseSVG(chart.svg())
    let rows = Dictionary(
      uniqueKeysWithValues: zip(
        try #require(svg.group("y-ticks")).elements("text").map(\.text),
        try #require(svg.group("grid")).elements("line").map { $0.number("y1") }))
    let (zero, one) = try (#require(rows["0.0"]), #require(rows["1.0"]))
    let paths = try #require(svg.group("error-bars")).elements("path")
    try #require(paths.count == 1, "NaN error draws no bar")
    let d = numbers(in: try #require(paths[0].attributes["d"]))
    #expect(abs(d[4] - (zero + (one - zero) * 0.3)) < 0.02)
    #expect(abs(d[5] - (zero + (one - zero) * 0.7)) < 0.02)
    #expect(abs(d[3] - (try markers(svg, series: 0)[0].x)) < 0.02)
  }

  @Test func missingValuesBreakTheLine() throws {
    let chart = LineChart(
      x: [1, 2, 3, 4, 5], series: [Series(name: "s", values: [0.1, .nan, 0.3, 0.4, 0.5])])
    let svg = try parseSVG(chart.svg())
    let polylines = svg.elements("polyline")
    #expect(polylines.count == 1, "a lone point before the gap draws no line")
    #expect(numbers(in: polylines[0].attributes["points"] ?? "").count == 6)
    #expect(try markers(svg, series: 0).count == 4)
  }

  @Test func shapeErrorsNameTheField() {
    #expect(
      throws: ChartError.lengthMismatch(
        field: #"series "CLIP".values (one per x value)"#, count: 2, expected: 3)
    ) {
      try LineChart(x: [1, 2, 3], series: [Series(name: "CLIP", values: [1, 2])]).svg()
    }
    #expect(throws: ChartError.notFinite(field: "x", index: 0)) {
      try LineChart(x: [.nan], series: [Series(name: "s", values: [1])]).svg()
    }
    #expect(throws: ChartError.empty(field: "x")) {
      try LineChart(x: [], series: [Series(name: "s", values: [])]).svg()
    }
    #expect(throws: ChartError.empty(field: "xTickValues")) {
      try LineChart(x: [1], series: [Series(name: "s", values: [1])], xTickValues: []).svg()
    }
  }
}
