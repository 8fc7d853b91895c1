/// How `conv2d` computes its result.
public enum ConvolutionAlgorithm: Sendable {
  /// The direct depthwise kernel when `groups == C == O`, im2col + sgemm otherwise.
  case automatic
  /// Always im2col + one sgemm per image and group: the reference the direct depthwise
  /// kernel is tested against.
  case im2col
}

// MARK: - conv2d   y[n, o] = b[o] + Σ_{c ∈ group(o), kh, kw} w[o, c, kh, kw]·x[n, c, h(kh), w(kw)]
// x: [N, C, H, W]   w: [O, C/g, KH, KW]   b: [O]   →   y: [N, O, HO, WO]
/// 2-D cross-correlation (PyTorch `conv2d`) with stride, zero padding, dilation and groups.
///
/// Per image and group `g`, with `cols = im2col(x[n])` (`[C/g·KH·KW, HO·WO]` rows of the
/// group): `y_g = W_g·cols_g`; backward `dW_g += dy_g·cols_gᵀ`, `dx += col2im(W_gᵀ·dy_g)`,
/// `db += Σ_{n, pixels} dy`. A 1×1, stride-1, unpadded convolution uses `x[n]` as `cols`.
/// Depthwise convolutions (`groups == C == O`) run a direct kernel instead (see
/// `ConvolutionAlgorithm`).
///
/// - Complexity: 2·N·O·(C/g)·KH·KW·HO·WO flops forward, twice that backward; im2col needs
///   `C·KH·KW·HO·WO` floats of scratch per image.
public func conv2d(
  _ x: Variable, weight w: Variable, bias b: Variable? = nil, stride: Int = 1, padding: Int = 0,
  dilation: Int = 1, groups: Int = 1, algorithm: ConvolutionAlgorithm = .automatic
) -> Variable {
  let (xv, wv) = (x.value, w.value)
  precondition(wv.rank == 4, "conv2d weight must be [O, C/g, KH, KW], got \(wv.shape)")
  let g = ConvolutionGeometry(
    input: xv.shape, kernelHeight: wv.shape[2], kernelWidth: wv.shape[3], stride: stride, padding: padding,
    dilation: dilation)
  let outputs = wv.shape[0]
  precondition(
    groups >= 1 && g.channels % groups == 0 && outputs % groups == 0 && wv.shape[1] == g.channels / groups,
    "conv2d: input \(xv.shape), weight \(wv.shape), groups \(groups)")
  let biasValues = b?.value.storage
  precondition(biasValues.map { $0.count == outputs } ?? true, "conv2d: bias must be [\(outputs)]")
  let depthwise = algorithm == .automatic && groups == g.channels && outputs == g.channels
  let kernel: any ConvolutionKernel = depthwise ? DepthwiseKernel(g) : Im2colKernel(g, outputs: outputs, groups: groups)
  var y = channelFilled(biasValues, shape: [g.batch, outputs, g.outputHeight, g.outputWidth])
  y.storage.withUnsafeMutableBufferPointer { py in kernel.forward(xv.storage, wv.storage, into: py) }
  return x.tape.record(y, parents: [x, w] + (b.map { [$0] } ?? [])) { dy, p in
    let (x, w, b) = (p[0], p[1], p.count > 2 ? p[2] : nil)
    x.tape.accumulate(x) { dx in kernel.backwardInput(dy.storage, wv.storage, into: dx) }
    x.tape.accumulate(w) { dw in kernel.backwardWeight(dy.storage, xv.storage, into: dw) }
    if let b {
      x.tape.accumulate(b) { db in
        dy.storage.withUnsafeBufferPointer { sumChannels($0, plane: g.outputPlane, into: db) }
      }
    }
  }
}

/// An NCHW tensor whose channel `o` is filled with `bias[o]` (zeros without bias), written
/// in one pass.
func channelFilled(_ bias: [Float]?, shape: [Int]) -> Tensor {
  let count = shape.reduce(1, *)
  let plane = shape[2] * shape[3]
  let storage = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
    for block in 0..<(plane > 0 ? count / plane : 0) {
      let value = bias?[block % shape[1]] ?? 0
      UnsafeMutableBufferPointer(rebasing: buffer[(block * plane)..<((block + 1) * plane)]).initialize(repeating: value)
    }
    initialized = count
  }
  return Tensor(shape: shape, storage: storage)
}

/// `target[o] += Σ_{n, pixels} dy[n, o, ·]`, the bias gradient over NCHW data.
func sumChannels(_ dy: UnsafeBufferPointer<Float>, plane: Int, into target: UnsafeMutableBufferPointer<Float>) {
  guard plane > 0 else { return }
  for block in 0..<(dy.count / plane) {
    var total: Float = 0
    for i in (block * plane)..<((block + 1) * plane) { total += dy[i] }
    target[block % target.count] += total
  }
}

/// Forward and backward of one convolution algorithm on raw NCHW buffers; backward
/// passes add into their targets.
protocol ConvolutionKernel {
  func forward(_ x: [Float], _ w: [Float], into y: UnsafeMutableBufferPointer<Float>)
  func backwardInput(_ dy: [Float], _ w: [Float], into dx: UnsafeMutableBufferPointer<Float>)
  func backwardWeight(_ dy: [Float], _ x: [Float], into dw: UnsafeMutableBufferPointer<Float>)
}

/// im2col + one sgemm per image and group.
struct Im2colKernel: ConvolutionKernel {
  let g: ConvolutionGeometry
  let outputs, groups: Int

  init(_ g: ConvolutionGeometry, outputs: Int, groups: Int) {
    (self.g, self.outputs, self.groups) = (g, outputs, groups)
  }

  /// Rows of `cols` per group, `C/g·KH·KW`, and output channels per group.
  private var depth: Int { g.channels / groups * g.taps }
  private var outputsPerGroup: Int { outputs / groups }

  /// Calls `body(cols, weight, output)` for every image and group, with the group's
  /// columns and the offsets of its `[O/g, depth]` weight block and `[O/g, HO·WO]` output
  /// block. The columns are the image itself for a pointwise convolution.
  private func forEachGroup(_ x: [Float], _ body: (UnsafePointer<Float>, Int, Int) -> Void) {
    let imageSize = g.channels * g.plane
    let columns = UnsafeMutablePointer<Float>.allocate(capacity: g.isPointwise ? 0 : groups * depth * g.outputPlane)
    defer { columns.deallocate() }
    x.withUnsafeBufferPointer { px in
      guard let base = px.baseAddress else { return }
      for n in 0..<g.batch {
        if !g.isPointwise { im2col(base + n * imageSize, g, into: columns) }
        let cols = g.isPointwise ? base + n * imageSize : UnsafePointer(columns)
        for group in 0..<groups {
          body(
            cols + group * depth * g.outputPlane, group * outputsPerGroup * depth,
            (n * outputs + group * outputsPerGroup) * g.outputPlane)
        }
      }
    }
  }

  func forward(_ x: [Float], _ w: [Float], into y: UnsafeMutableBufferPointer<Float>) {
    guard let py = y.baseAddress else { return }
    w.withUnsafeBufferPointer { pw in
      guard let pw = pw.baseAddress else { return }
      forEachGroup(x) { cols, weight, output in  // y_g [O/g, HO·WO] += W_g·cols_g
        gemm(m: outputsPerGroup, n: g.outputPlane, k: depth, a: pw + weight, b: cols, beta: 1, c: py + output)
      }
    }
  }

  func backwardWeight(_ dy: [Float], _ x: [Float], into dw: UnsafeMutableBufferPointer<Float>) {
    guard let pdw = dw.baseAddress else { return }
    dy.withUnsafeBufferPointer { pg in
      guard let pg = pg.baseAddress else { return }
      forEachGroup(x) { cols, weight, output in  // dW_g [O/g, depth] += dy_g·cols_gᵀ
        gemm(
          transposeB: true, m: outputsPerGroup, n: depth, k: g.outputPlane, a: pg + output, b: cols, beta: 1,
          c: pdw + weight)
      }
    }
  }

  func backwardInput(_ dy: [Float], _ w: [Float], into dx: UnsafeMutableBufferPointer<Float>) {
    guard let pdx = dx.baseAddress else { return }
    let imageSize = g.channels * g.plane
    let columns = UnsafeMutablePointer<Float>.allocate(capacity: groups * depth * g.outputPlane)
    defer { columns.deallocate() }
    w.withUnsafeBufferPointer { pw in
      dy.withUnsafeBufferPointer { pg in
        guard let pw = pw.baseAddress, let pg = pg.baseAddress else { return }
        for n in 0..<g.batch {
          let target = g.isPointwise ? pdx + n * imageSize : columns
          for group in 0..<groups {  // dcols_g [depth, HO·WO] = W_gᵀ·dy_g
            gemm(
              transposeA: true, m: depth, n: g.outputPlane, k: outputsPerGroup,
              a: pw + group * outputsPerGroup * depth,
              b: pg + (n * outputs + group * outputsPerGroup) * g.outputPlane,
              beta: g.isPointwise ? 1 : 0, c: target + group * depth * g.outputPlane)
          }
          if !g.isPointwise { col2imAdd(columns, g, into: pdx + n * imageSize) }
        }
      }
    }
  }
}
