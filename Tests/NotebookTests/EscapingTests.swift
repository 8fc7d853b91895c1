import Foundation
import Notebook
import Testing

/// Text from prose and from data never becomes markup, in either output.
@Suite struct EscapingTests {
  static let hostile = ["<script>alert(1)</script>", "Tom & Jerry", "say \"hi\" 'there'"]

  func renderHostileProject() throws -> TestProject {
    let project = try TestProject()
    try project.write(TestProject.frontMatter(classes: Self.hostile, title: "<b>Title</b> & co") + """
      Prose <script>alert("prose")</script> & "quotes" and <img src=x onerror=alert(1)>.

      <div onclick="x()">raw block</div>

      A [bad link](javascript:alert(1)) and a [good one](https://example.org/?a=1&b=2).

      ```reprise #tbl-card
      run: dataset-card
      dataset: stripes
      samples: 3
      caption: Classes <script>x</script> & *emphasis*.
      ```

      ```reprise #fig-samples
      run: dataset-card
      dataset: stripes
      show: [samples, balance]
      ```

      """)
    try project.render()
    return project
  }

  @Test func htmlEscapesProseAndData() throws {
    let project = try renderHostileProject()
    let html = try project.read("report.html")
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img src=x"))
    #expect(!html.contains("<div onclick"))
    #expect(!html.contains("javascript:"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("Tom &amp; Jerry"))
    #expect(html.contains("say &quot;hi&quot; &apos;there&apos;"))
    #expect(html.contains("<title>&lt;b&gt;Title&lt;/b&gt; &amp; co</title>"))
    #expect(html.contains("Classes &lt;script&gt;x&lt;/script&gt; &amp; <em>emphasis</em>."))
    #expect(html.contains("href=\"https://example.org/?a=1&amp;b=2\""))
  }

  @Test func markdownEscapesProseAndData() throws {
    let project = try renderHostileProject()
    let markdown = try project.read("report.md")
    #expect(markdown.range(of: #"(?<!\\)<script"#, options: .regularExpression) == nil)
    #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
    #expect(markdown.contains("Tom \\& Jerry"))
    #expect(!markdown.contains("](javascript:"))
    let assets = project.out.appendingPathComponent("report_files")
    for file in try FileManager.default.contentsOfDirectory(atPath: assets.path) {
      let svg = try String(contentsOf: assets.appendingPathComponent(file), encoding: .utf8)
      #expect(!svg.contains("<script"), "\(file) contains a script tag")
    }
  }

  @Test func theMarkdownTwinParsesBackToTheSameText() throws {
    let project = try renderHostileProject()
    let markdown = try project.read("report.md")
    let reparsed = try MarkdownParser.parse(markdown, file: "twin.md")
    let text = reparsed.blocks.compactMap { block -> String? in
      if case .paragraph(let inlines) = block { return inlines.map(Self.text).joined() }
      return nil
    }
    #expect(text.contains { $0.hasPrefix("Prose <script>alert(\"prose\")</script> & \"quotes\" and <img src=x onerror=alert(1)>.") })
  }

  static func text(_ inline: Inline) -> String {
    switch inline {
    case .text(let s), .rawHTML(let s), .code(let s): s
    case .emphasis(let c), .strong(let c), .link(_, _, let c): c.map(text).joined()
    default: ""
    }
  }

  @Test func pagesAreValidHTML5() throws {
    let project = try renderHostileProject()
    let (status, output) = try Tidy.check(project.out.appendingPathComponent("report.html"))
    #expect(status == 0, "tidy: \(output)")
  }

  @Test func pagesNeedNoNetwork() throws {
    let project = try renderHostileProject()
    let html = try project.read("report.html")
    for pattern in ["src=\"http", "href=\"//", "<link", "@import", "url(http"] {
      #expect(!html.contains(pattern), "page references \(pattern)")
    }
    #expect(html.contains("data:image/png;base64,"))
  }
}

/// Debian's `tidy` (installed by `make setup`) as an HTML5 checker.
enum Tidy {
  /// Exit status (0 clean, 1 warnings, 2 errors) and the messages.
  static func check(_ file: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/tidy")
    process.arguments = ["-q", "-e", file.path]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }
}
