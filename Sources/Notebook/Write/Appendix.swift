import CBLAS
import CMarkGFM
import Tensor

/// The closing section of every report: per-block timings, seeds, data fingerprints and cache
/// keys, and the versions of what computed them. Built as tree nodes so both writers show it.
enum Appendix {
  static func blocks(_ records: [BlockRecord]) -> [Block] {
    let header = ["block", "kind", "status", "time", "seeds", "data (sha256)", "cache key"].map { [Inline.text($0)] }
    let rows = records.sorted { $0.spec.index < $1.spec.index }.map { record -> [[Inline]] in
      let spec = record.spec
      let (status, seconds): (String, Double) = switch record.outcome {
      case .computed(_, let s): ("computed", s)
      case .cached(_, let info): ("cached", info.seconds)
      case .failed(_, let s, let ran): (ran ? "failed" : "failed its checks", s)
      }
      let seeds = record.outcome.result?.seeds.map(String.init).joined(separator: ", ") ?? ""
      let data = record.data.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.prefix(12))" }.joined(separator: "; ")
      return [
        [.link(url: "#\(spec.id)", title: "", [.code(spec.id)])], [.text(spec.kind)], [.text(status)],
        [.text(NumberFormat.duration(seconds))], [.text(seeds.isEmpty ? "—" : seeds)], [.text(data.isEmpty ? "—" : data)],
        [.code(record.key.description)],
      ]
    }
    let total = records.reduce(0.0) { sum, record in
      switch record.outcome {
      case .computed(_, let s), .failed(_, let s, _): sum + s
      case .cached(_, let info): sum + info.seconds
      }
    }
    let versions: [[Inline]] = [
      [.strong([.text("Reprise")]), .text(" \(RepriseVersion.string)")],
      [.strong([.text("cmark-gfm")]), .text(" \(String(cString: cmark_version_string()))")],
      [.strong([.text("OpenBLAS")]), .text(" \(BLAS.configuration), \(BLAS.threadCount) thread(s)")],
      [.strong([.text("Swift")]), .text(" \(swiftVersion)")],
    ]
    return [
      .heading(level: 2, [.text("Computation appendix")], id: "computation-appendix"),
      .paragraph([.text("Each block's time is the time its computation took when it ran (cached blocks keep their original time); compute time of all blocks: \(NumberFormat.duration(total)). The cache key is the first 12 hex digits of the SHA-256 of everything that determines the block's numbers.")]),
      .table(ProseTable(alignments: [.left, .left, .left, .right, .left, .left, .left], header: header, rows: rows)),
      .list(ordered: false, start: 1, tight: true, items: versions.map { ListItem(blocks: [.paragraph($0)], checked: nil) }),
    ]
  }

  static var swiftVersion: String {
    #if compiler(>=6.3)
      "6.3 or later"
    #elseif compiler(>=6.2)
      "6.2"
    #else
      "6.0–6.1"
    #endif
  }
}
