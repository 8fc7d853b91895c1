import Datasets
import Foundation

/// Everything `reprise render` needs to know.
public struct RenderOptions: Sendable {
  public var report: URL
  /// The report path as the user typed it, for diagnostics.
  public var displayPath: String
  public var outputFolder: URL
  public var execution: ExecutionOptions
  public var strict: Bool
  /// `.reprise` folder holding the cache and the fingerprint store.
  public var stateFolder: URL
  /// The data mirror; `nil` when there is none.
  public var mirror: URL?

  public init(report: URL, displayPath: String, outputFolder: URL, execution: ExecutionOptions = ExecutionOptions(),
              strict: Bool = false, stateFolder: URL, mirror: URL?) {
    self.report = report
    self.displayPath = displayPath
    self.outputFolder = outputFolder
    self.execution = execution
    self.strict = strict
    self.stateFolder = stateFolder
    self.mirror = mirror
  }
}

/// What a render did, for the summary line and tests.
public struct RenderSummary: Sendable {
  public var records: [BlockRecord]
  /// Files written (HTML, Markdown), empty with `--only`.
  public var written: [URL]

  /// Blocks whose computation ran in this render.
  public var executed: Int { records.filter(\.outcome.executed).count }
  /// Blocks whose result came from the cache.
  public var cached: Int { records.filter { if case .cached = $0.outcome { true } else { false } }.count }
  /// Blocks that failed (rendered in place under `error: true`).
  public var failed: Int { records.filter { $0.outcome.result == nil }.count }
}

/// parse → validate → plan → execute → layout → write (architecture.md, "Data flow").
public enum Renderer {
  public static func render(_ options: RenderOptions, reporter: ProgressReporter) throws(ReportError) -> RenderSummary {
    let document = try Document.load(options.report, displayPath: options.displayPath)
    let plan = try Plan(document.specs)
    let fingerprints = FileFingerprints(store: options.stateFolder.appendingPathComponent("fingerprints.json"))
    let catalog = Catalog(mirror: options.mirror, userDatasets: try UserDatasetResolution.datasets(for: document, report: options.report),
                          userBase: options.report.deletingLastPathComponent(), fingerprints: fingerprints,
                          store: DataStore(root: options.stateFolder.appendingPathComponent("data")),
                          acquisition: Acquisition(log: { reporter.message($0) }))
    try checkDatasets(document, catalog: catalog)
    let executor = Executor(
      plan: plan, catalog: catalog, cache: ResultCache(root: options.stateFolder.appendingPathComponent("cache")),
      registry: .standard, options: options.execution, reporter: reporter)
    let records = try executor.run()
    try? fingerprints.save()
    guard options.execution.only == nil else { return RenderSummary(records: records, written: []) }
    var layout = Layout(document: document, records: records, strict: options.strict) { reporter.message($0) }
    let tree = try layout.apply() + Appendix.blocks(records)
    let written = try write(tree, document: document, options: options, warn: { reporter.message($0) })
    return RenderSummary(records: records, written: written)
  }

  /// Unknown dataset ids are input errors at the key that names them, before anything runs.
  static func checkDatasets(_ document: Document, catalog: Catalog) throws(ReportError) {
    for spec in document.specs {
      for id in spec.datasets where !catalog.ids.contains(id) {
        throw ReportError(at: spec.location(of: "dataset"), "unknown dataset '\(id)'; datasets: \(catalog.ids.joined(separator: ", ")) (declare your own under 'datasets:' in the front matter)")
      }
    }
  }

  /// Writes `<name>.html`, `<name>.md` and `<name>_files/` into the output folder. Everything
  /// is produced in memory first and each file is written to a temporary name and renamed, so
  /// an error leaves the previous output untouched.
  static func write(_ tree: [Block], document: Document, options: RenderOptions, warn: @escaping (String) -> Void)
    throws(ReportError) -> [URL]
  {
    let name = options.report.deletingPathExtension().lastPathComponent
    let images = ProseImages(base: options.report.deletingLastPathComponent(), warn: warn)
    let front = document.frontMatter
    let html: String
    let markdown: String
    let markdownWriter = MarkdownWriter(images: images, assetFolder: "\(name)_files")
    do {
      let htmlWriter = HTMLWriter(images: images)
      let body = try htmlWriter.body(tree)
      html = try Page.html(Page.Context(
        title: front.title ?? name, subtitle: front.subtitle, author: front.author, date: front.date,
        abstract: front.abstract, body: body))
      let title = front.title.map { "# \(Escape.markdown($0))\n\n" } ?? ""
      markdown = title + (try markdownWriter.document(tree))
    } catch let error as ReportError {
      throw error
    } catch {
      throw ReportError(.computation, at: nil, "could not draw the report: \(error)")
    }
    do {
      let fm = FileManager.default
      try fm.createDirectory(at: options.outputFolder, withIntermediateDirectories: true)
      for leftover in try fm.contentsOfDirectory(atPath: options.outputFolder.path)
      where leftover.hasPrefix(".\(name)-") && leftover.hasSuffix(".tmp") {
        try? fm.removeItem(at: options.outputFolder.appendingPathComponent(leftover))  // from a killed render
      }
      let staging = options.outputFolder.appendingPathComponent(".\(name)-\(UUID().uuidString).tmp")
      try fm.createDirectory(at: staging, withIntermediateDirectories: true)
      defer { try? fm.removeItem(at: staging) }
      let assets = staging.appendingPathComponent("\(name)_files")
      try fm.createDirectory(at: assets, withIntermediateDirectories: true)
      for asset in markdownWriter.assets { try asset.data.write(to: assets.appendingPathComponent(asset.name)) }
      try Data(markdown.utf8).write(to: staging.appendingPathComponent("\(name).md"))
      try Data(html.utf8).write(to: staging.appendingPathComponent("\(name).html"))
      var written: [URL] = []
      for file in ["\(name)_files", "\(name).md", "\(name).html"] {
        let destination = options.outputFolder.appendingPathComponent(file)
        if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
        try fm.moveItem(at: staging.appendingPathComponent(file), to: destination)
        written.append(destination)
      }
      return written
    } catch {
      throw ReportError(at: nil, "cannot write to \(options.outputFolder.path): \(error.localizedDescription)")
    }
  }
}
