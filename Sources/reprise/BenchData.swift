import ArgumentParser
import Datasets
import Foundation
import Media

/// Decode + resize + crop throughput on real files, against Pillow (JPEG) and rsvg-convert
/// (SVG) on the same files, single-threaded, best of `--runs`.
struct BenchData: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Images/s for decode + resize + crop: MVSA JPEGs vs Pillow, clipart SVGs vs rsvg-convert (target ≥ 1× Pillow for JPEG).")

  @Option(name: .long, help: "JPEG files (first by name in the MVSA images folder).")
  var jpegs = 300

  @Option(name: .long, help: "SVG files (first by name among the clipart drawings).")
  var svgs = 100

  @Option(name: .long, help: "Output side in pixels.")
  var size = 224

  @Option(name: .long, help: "Timed repetitions (the best is reported).")
  var runs = 3

  @Option(name: .long, help: "Python with Pillow for the reference (default: REPRISE_BENCH_PYTHON or python3).")
  var python: String?

  @OptionGroup var data: DataOptions

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  func validate() throws {
    guard (1...5000).contains(jpegs), (1...5000).contains(svgs) else { throw ValidationError("--jpegs and --svgs must be in [1, 5000]") }
    guard (16...1024).contains(size) else { throw ValidationError("--size must be in [16, 1024]") }
    guard (1...20).contains(runs) else { throw ValidationError("--runs must be in [1, 20]") }
  }

  /// One benchmark case, both sides.
  struct Case: Encodable {
    var name: String
    var files: Int
    var reprise_images_per_s: Double
    var reference: String
    var reference_images_per_s: Double?
    var ratio: Double?
  }

  func run() throws {
    let (catalog, _) = data.catalog(acquisition: Acquisition(log: { _ in }))
    let jpegFiles = try files(catalog.files("mvsa-single")["mvsa-single/images"], suffix: ".jpg", count: jpegs)
    let svgFiles = try files(catalog.files("clipart")["usr/share/openclipart/svg"], suffix: ".svg", count: svgs)
    let pipeline = try Preprocessing(shortSide: size, crop: size, filter: .bicubic, normalization: .clip)
    let jpegRate = try rate(jpegFiles.count) { i in
      _ = try pipeline.resizedAndCropped(try ImageDecoder.decode(contentsOf: jpegFiles[i]))
    }
    let svgRate = try rate(svgFiles.count) { i in
      _ = try ImageDecoder.decode(contentsOf: svgFiles[i], svgSide: size).paddedOnWhite(side: size)
    }
    let pil = pillowRate(jpegFiles)
    let rsvg = rsvgConvertRate(svgFiles)
    let cases = [
      Case(name: "JPEG decode+resize+crop (MVSA)", files: jpegFiles.count, reprise_images_per_s: jpegRate,
           reference: pil.name, reference_images_per_s: pil.rate, ratio: pil.rate.map { jpegRate / $0 }),
      Case(name: "SVG rasterise+pad (clipart)", files: svgFiles.count, reprise_images_per_s: svgRate,
           reference: rsvg.name, reference_images_per_s: rsvg.rate, ratio: rsvg.rate.map { svgRate / $0 }),
    ]
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(["cases": cases]), as: UTF8.self))
    }
    for c in cases {
      let reference = c.reference_images_per_s.map { String(format: "%.1f", $0) } ?? "n/a"
      let ratio = c.ratio.map { String(format: "%.2f×", $0) } ?? "n/a"
      FileHandle.standardError.write(Data(
        "\(c.name), \(c.files) files, \(size) px: Reprise \(String(format: "%.1f", c.reprise_images_per_s)) images/s, \(c.reference) \(reference) images/s, ratio \(ratio)\n".utf8))
    }
  }

  /// The first `count` files with `suffix` under `folder`, by name.
  func files(_ folder: URL?, suffix: String, count: Int) throws -> [URL] {
    guard let folder, let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var found: [String] = []
    while let path = walker.nextObject() as? String {
      if path.hasSuffix(suffix), walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
        found.append(path)
      }
    }
    return found.sorted().prefix(count).map { folder.appendingPathComponent($0) }
  }

  /// Best-of-`runs` images per second of `body` over file indices `0..<count`.
  func rate(_ count: Int, _ body: (Int) throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      for i in 0..<count { try body(i) }
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Double(count) / best
  }

  /// Pillow on the same JPEGs (`scripts/bench/data_pil.py`), or `nil` without Pillow.
  func pillowRate(_ files: [URL]) -> (name: String, rate: Double?) {
    let interpreter = python ?? ProcessInfo.processInfo.environment["REPRISE_BENCH_PYTHON"] ?? "python3"
    let script = data.project.appendingPathComponent("scripts/bench/data_pil.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [interpreter, script.path, "\(size)", "\(runs)"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return ("Pillow (python not found)", nil) }
    input.fileHandleForWriting.write(Data(files.map(\.path).joined(separator: "\n").utf8))
    try? input.fileHandleForWriting.close()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Answer: Decodable { var images_per_s: Double }
    guard process.terminationStatus == 0, let answer = try? JSONDecoder().decode(Answer.self, from: result) else {
      return ("Pillow (not installed for \(interpreter); pip install pillow)", nil)
    }
    return ("Pillow", answer.images_per_s)
  }

  /// `rsvg-convert -w W -h H -b white` on each SVG at Reprise's output size (one process
  /// per file, as the tool works), or `nil` when it is not installed.
  func rsvgConvertRate(_ files: [URL]) -> (name: String, rate: Double?) {
    let sizes = files.map { url -> (Int, Int) in
      let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
      let natural = (try? SVG.naturalSize(bytes, file: url.path)) ?? (Double(size), Double(size))
      return SVG.fittingSize(natural, side: size)
    }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("reprise-bench-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: out) }
    do {
      let rate = try self.rate(files.count) { i in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["rsvg-convert", "-w", "\(sizes[i].0)", "-h", "\(sizes[i].1)", "-b", "white", "-o", out.path, files[i].path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus != 127 else { throw ValidationError("rsvg-convert not found") }
      }
      return ("rsvg-convert (a process per file)", rate)
    } catch {
      return ("rsvg-convert (not installed: apt-get install librsvg2-bin)", nil)
    }
  }
}
