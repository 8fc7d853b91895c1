import ArgumentParser
import Foundation
import Tensor

/// Tensor kernels against PyTorch CPU on the same shapes and thread count, in one run.
///
/// For each case Reprise is timed first (median of `--runs` after one warm-up), then the
/// reference script `scripts/bench/tensor_reference.py` times the same case through the
/// Python named by `REPRISE_REFERENCE_PYTHON`; without that variable the reference
/// columns are omitted. `gflops` counts the model's matrix-product flops (forward ×3 for a
/// training step); `sgemm_fraction` divides it by the measured `cblas_sgemm` rate.
struct BenchTensor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tensor",
    abstract: "Tensor kernels against PyTorch CPU (same shapes, same threads): sgemm, CycleGAN step, conv-net, attention, eigen.")

  @Option(name: .long, help: "BLAS (and PyTorch) threads; default: the current OpenBLAS setting.")
  var threads: Int?

  @Option(name: .long, help: "Timed repetitions per case (the eigen case runs once).")
  var runs = 5

  @Option(name: .long, help: "Only cases whose name starts with one of these comma-separated prefixes.")
  var cases: String?

  @Flag(name: .long, help: "Print one JSON object on stdout.")
  var json = false

  func validate() throws {
    guard (1...1000).contains(runs) else { throw ValidationError("--runs must be in [1, 1000]") }
    if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be in [1, 256]") }
  }

  func run() throws {
    if let threads { BLAS.setThreadCount(threads) }
    let threadCount = BLAS.threadCount
    let sgemmRate = BLAS.measuredSgemmGFLOPS()
    let reference = ReferenceRunner(threads: threadCount, runs: runs)
    let prefixes = cases?.split(separator: ",").map(String.init) ?? []
    var results: [BenchResult] = []
    for (name, singleRun, prepare) in TensorBenchCase.all where prefixes.isEmpty || prefixes.contains(where: name.hasPrefix) {
      let benchCase = try prepare()
      let milliseconds = try median(of: singleRun ? 1 : runs, warmUp: !singleRun, benchCase.step)
      let referenceMilliseconds = try reference?.time(name)
      let gflops = benchCase.flops.map { $0 / milliseconds / 1e6 }
      var result = BenchResult(
        name: name, reprise_ms: rounded(milliseconds), reference_ms: referenceMilliseconds.map { rounded($0) },
        ratio: referenceMilliseconds.map { rounded(milliseconds / $0, digits: 3) }, gflops: gflops.map { rounded($0) },
        sgemm_fraction: gflops.map { rounded($0 / sgemmRate, digits: 3) }, check: nil)
      result.check = try benchCase.check?()
      results.append(result)
      if !json { FileHandle.standardError.write(Data((result.line + "\n").utf8)) }
    }
    let report = BenchReport(threads: threadCount, sgemm_gflops: rounded(sgemmRate), reference: reference?.python, cases: results)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      FileHandle.standardError.write(Data(
        "threads \(threadCount); measured cblas_sgemm 1024³: \(rounded(sgemmRate)) GFLOPS; reference: \(reference?.python ?? "none (set REPRISE_REFERENCE_PYTHON)")\n".utf8))
    }
  }
}

/// One row of the report; reference fields are `nil` (omitted) without a reference run.
private struct BenchResult: Encodable {
  var name: String
  var reprise_ms: Double
  var reference_ms: Double?
  var ratio: Double?
  var gflops: Double?
  var sgemm_fraction: Double?
  var check: [String: Double]?

  var line: String {
    var text = "\(name): \(reprise_ms) ms"
    if let reference_ms, let ratio { text += ", PyTorch \(reference_ms) ms, ratio \(ratio)" }
    if let gflops, let sgemm_fraction { text += ", \(gflops) GFLOPS (\(sgemm_fraction) of sgemm)" }
    if let check { text += ", " + check.keys.sorted().map { "\($0) \(check[$0] ?? 0)" }.joined(separator: ", ") }
    return text
  }
}

/// The JSON report of a bench suite comparing Reprise with a reference.
struct BenchReport<Case: Encodable>: Encodable {
  var threads: Int
  var sgemm_gflops: Double
  var reference: String?
  var cases: [Case]
}

/// Runs `scripts/bench/tensor_reference.py` for one case at a time.
private struct ReferenceRunner {
  let python: String
  let script: URL
  let threads, runs: Int

  /// `nil` when `REPRISE_REFERENCE_PYTHON` is unset or empty.
  init?(threads: Int, runs: Int) {
    guard let python = ProcessInfo.processInfo.environment["REPRISE_REFERENCE_PYTHON"], !python.isEmpty else { return nil }
    let root = Project.root(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    (self.python, self.threads, self.runs) = (python, threads, runs)
    script = root.appendingPathComponent("scripts/bench/tensor_reference.py")
  }

  /// The reference median in milliseconds.
  func time(_ name: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script.path, "--threads", "\(threads)", "--runs", "\(runs)", "--cases", name]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Reply: Decodable { var cases: [String: Double] }
    guard process.terminationStatus == 0, let value = try? JSONDecoder().decode(Reply.self, from: data).cases[name] else {
      // A failed computation: exit code 1 (`Reprise.main` maps other errors to 2).
      FileHandle.standardError.write(Data(
        "reference script failed for \(name) (exit \(process.terminationStatus)); check that \(python) has torch\n".utf8))
      throw ExitCode.failure
    }
    return value
  }
}

/// The median wall time of `runs` calls of `step`, in milliseconds.
func median(of runs: Int, warmUp: Bool, _ step: () throws -> Void) throws -> Double {
  if warmUp { try step() }
  var times: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    try step()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  return times.sorted()[times.count / 2]
}

func rounded(_ x: Double, digits: Double = 2) -> Double {
  let scale = pow(10, digits)
  return (x * scale).rounded() / scale
}

/// A prepared benchmark case: the timed step, its model flops, and an optional accuracy
/// check run after timing.
private struct TensorBenchCase {
  var flops: Double?
  var step: () throws -> Void
  var check: (() throws -> [String: Double])?

  /// Name (shared with the reference script), whether it runs once without warm-up, and
  /// its setup, called only when the case is selected.
  static let all: [(String, Bool, @Sendable () throws -> TensorBenchCase)] = [
    ("sgemm 1024^3", false, sgemm),
    ("cyclegan mlp step (batch 64)", false, cycleGAN),
    ("convnet forward (8x3x224x224)", false, convNet),
    ("attention fwd+bwd (16x32x384 h12)", false, attention),
    ("eigen top-10 (5000x5000)", true, eigen),
  ]

  static func sgemm() -> TensorBenchCase {
    var generator = SplitMix64(seed: 1)
    let a = Tensor(normal: [1024, 1024], generator: &generator)
    let b = Tensor(normal: [1024, 1024], generator: &generator)
    return TensorBenchCase(flops: 2 * pow(1024, 3)) { _ = matmul(a, b) }
  }

  /// Generators G, F: four 512×512 linear layers with tanh between; discriminators
  /// 512 → 256 → 1 with LeakyReLU(0.2); batch 64; LSGAN losses, cycle L1 × 10; AdamW.
  static func cycleGAN() throws -> TensorBenchCase {
    var generator = SplitMix64(seed: 2)
    let (generators, discriminators) = (ParameterStore(), ParameterStore())
    let g = BenchMLP([512, 512, 512, 512, 512], name: "g", store: generators, generator: &generator) { tanh($0) }
    let f = BenchMLP([512, 512, 512, 512, 512], name: "f", store: generators, generator: &generator) { tanh($0) }
    let dx = BenchMLP([512, 256, 1], name: "dx", store: discriminators, generator: &generator) { leakyRelu($0, slope: 0.2) }
    let dy = BenchMLP([512, 256, 1], name: "dy", store: discriminators, generator: &generator) { leakyRelu($0, slope: 0.2) }
    let optimizeG = try Adam(store: generators, configuration: .adamW(learningRate: 2e-4))
    let optimizeD = try Adam(store: discriminators, configuration: .adamW(learningRate: 2e-4))
    let xs = Tensor(normal: [64, 512], generator: &generator)
    let ys = Tensor(normal: [64, 512], generator: &generator)
    let flops = 3 * (4 * 4 * 2 * 64 * 512 * 512 + 6 * (2 * 64 * 512 * 256 + 2 * 64 * 256))
    return TensorBenchCase(flops: Double(flops)) {
      let tape = Tape()
      let (x, y) = (tape.constant(xs), tape.constant(ys))
      let (ones, zeros) = (tape.constant(Tensor(repeating: 1, shape: [64, 1])), tape.constant(Tensor(zeros: [64, 1])))
      let (fakeY, fakeX) = (g(x), f(y))
      let adversarial = mseLoss(dy(fakeY), ones) + mseLoss(dx(fakeX), ones)
      let cycle = l1Loss(f(fakeY), x) + l1Loss(g(fakeX), y)
      generators.zeroGradients()
      tape.backward(adversarial + 10 * cycle)
      try optimizeG.step()
      let real = mseLoss(dy(y), ones) + mseLoss(dx(x), ones)
      let fake = mseLoss(dy(fakeY.detached()), zeros) + mseLoss(dx(fakeX.detached()), zeros)
      discriminators.zeroGradients()
      tape.backward(real + fake)
      try optimizeD.step()
    }
  }

  /// (in, out, expand, kernel, stride): EfficientNet-Lite0's first stages after a 3×3
  /// stride-2 stem, then a 1×1 head to 1280 and global pooling; batch norm folded into
  /// biases, ReLU6; batch 8 at 224².
  static let blocks = [(32, 16, 1, 3, 1), (16, 24, 6, 3, 2), (24, 24, 6, 3, 1), (24, 40, 6, 5, 2), (40, 80, 6, 3, 2)]

  static func convNet() -> TensorBenchCase {
    var generator = SplitMix64(seed: 3)
    let net = BenchConvNet(blocks: blocks, store: ParameterStore(), generator: &generator)
    let x = Tensor(normal: [8, 3, 224, 224], generator: &generator)
    return TensorBenchCase(flops: net.flops(batch: 8, size: 224)) { _ = net(Tape(recordsGradients: false).constant(x)) }
  }

  static func attention() -> TensorBenchCase {
    var generator = SplitMix64(seed: 5)
    let store = ParameterStore()
    let layer = MultiHeadAttention(dimension: 384, heads: 12, name: "mha", store: store, generator: &generator)
    let xs = Tensor(normal: [16, 32, 384], generator: &generator)
    let r = Tensor(normal: [16, 32, 384], generator: &generator)
    let flops = 3 * (2 * 512 * 384 * 1152 + 2 * 512 * 384 * 384 + 2 * 2 * 16 * 12 * 32 * 32 * 32)
    return TensorBenchCase(flops: Double(flops)) {
      let tape = Tape()
      store.zeroGradients()
      tape.backward(layer(tape.variable(xs)), seed: r)
    }
  }

  /// `A = X·Xᵀ` for `X: [5000, 32]` with column `j` divided by `j + 1` (a Gram matrix with
  /// separated leading eigenvalues); checked against LAPACK `ssyevr` (top 10).
  static func eigen() -> TensorBenchCase {
    var generator = SplitMix64(seed: 6)
    var x = Tensor(normal: [5000, 32], generator: &generator)
    for i in x.storage.indices { x.storage[i] /= Float(i % 32 + 1) }
    let a = matmul(x, x, transposeB: true)
    let configuration = LanczosConfiguration(count: 10, seed: 7)
    return TensorBenchCase(
      flops: nil, step: { _ = try lanczosEigen(a, configuration: configuration) },
      check: {
        let lanczos = try lanczosEigen(a, configuration: configuration)
        let lapack = try symmetricEigen(a, largest: 10)
        let valueError = zip(lanczos.values, lapack.values).map { Swift.abs($0 - $1) / Swift.abs($1) }.max() ?? 0
        let vectorError = zip(lanczos.vectors.storage, lapack.vectors.storage).map { Swift.abs($0 - $1) }.max() ?? 0
        return ["max_value_rel_error": valueError, "max_vector_abs_error": Double(vectorError)]
      })
  }
}

/// A multilayer perceptron with an activation between its linear layers (none after the last).
private struct BenchMLP {
  let layers: [Linear]
  let activation: (Variable) -> Variable

  init(_ sizes: [Int], name: String, store: ParameterStore, generator: inout SplitMix64, activation: @escaping (Variable) -> Variable) {
    var layers: [Linear] = []
    for (i, (inputs, outputs)) in zip(sizes, sizes.dropFirst()).enumerated() {
      layers.append(Linear(inputs, outputs, name: "\(name).\(i)", store: store, generator: &generator))
    }
    (self.layers, self.activation) = (layers, activation)
  }

  func callAsFunction(_ x: Variable) -> Variable {
    layers.dropFirst().reduce(layers[0](x)) { h, layer in layer(activation(h)) }
  }
}

/// Stem, inverted-residual blocks (expand 1×1, depthwise k×k, project 1×1) and a 1×1 head.
private struct BenchConvNet {
  struct Block { let expand: Conv2d?, depthwise: Conv2d, project: Conv2d, residual: Bool }
  let stem, head: Conv2d
  let blocks: [Block]

  init(blocks spec: [(Int, Int, Int, Int, Int)], store: ParameterStore, generator: inout SplitMix64) {
    stem = Conv2d(3, 32, kernel: 3, stride: 2, padding: 1, name: "stem", store: store, generator: &generator)
    var blocks: [Block] = []
    for (i, (inputs, outputs, expansion, kernel, stride)) in spec.enumerated() {
      let hidden = inputs * expansion
      let expand = expansion == 1 ? nil : Conv2d(inputs, hidden, kernel: 1, name: "b\(i).expand", store: store, generator: &generator)
      let depthwise = Conv2d(
        hidden, hidden, kernel: kernel, stride: stride, padding: kernel / 2, groups: hidden, name: "b\(i).dw", store: store,
        generator: &generator)
      let project = Conv2d(hidden, outputs, kernel: 1, name: "b\(i).project", store: store, generator: &generator)
      blocks.append(Block(expand: expand, depthwise: depthwise, project: project, residual: stride == 1 && inputs == outputs))
    }
    self.blocks = blocks
    head = Conv2d(80, 1280, kernel: 1, name: "head", store: store, generator: &generator)
  }

  func callAsFunction(_ x: Variable) -> Variable {
    var h = relu6(stem(x))
    for block in blocks {
      let expanded = block.expand.map { relu6($0(h)) } ?? h
      let projected = block.project(relu6(block.depthwise(expanded)))
      h = block.residual ? projected + h : projected
    }
    return globalAvgPool2d(relu6(head(h)))
  }

  /// Convolution flops (2 per multiply-add) for a `[batch, 3, size, size]` input.
  func flops(batch: Int, size: Int) -> Double {
    var side = size
    func conv(_ layer: Conv2d) -> Double {
      let shape = layer.weight.shape
      side = (side + 2 * layer.padding - shape[2]) / layer.stride + 1
      return 2 * Double(batch * shape[0] * shape[1] * shape[2] * shape[3] * side * side)
    }
    var total = conv(stem)
    for block in blocks {
      total += block.expand.map(conv) ?? 0
      total += conv(block.depthwise) + conv(block.project)
    }
    return total + conv(head)
  }
}
