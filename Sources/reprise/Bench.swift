import ArgumentParser

/// `reprise bench <suite>`: each suite runs Reprise (and, where one exists, the reference) on
/// the same input in one run and prints the times side by side.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Benchmarks: Reprise against the reference on the same input, in one run.",
    subcommands: [BenchRender.self, BenchData.self, BenchTensor.self, BenchMetrics.self, BenchEncoders.self])
}
