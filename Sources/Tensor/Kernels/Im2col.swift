/// Geometry of a 2-D convolution or pooling window over NCHW tensors (PyTorch layout).
///
/// Output extent per axis: `⌊(in + 2·padding − dilation·(kernel − 1) − 1)/stride⌋ + 1`.
struct ConvolutionGeometry: Equatable {
  let batch, channels, height, width: Int
  let kernelHeight, kernelWidth: Int
  let stride, padding, dilation: Int

  init(input shape: [Int], kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Int, dilation: Int) {
    precondition(shape.count == 4, "expected an NCHW tensor, got \(shape)")
    precondition(stride >= 1 && padding >= 0 && dilation >= 1, "stride \(stride), padding \(padding), dilation \(dilation)")
    (batch, channels, height, width) = (shape[0], shape[1], shape[2], shape[3])
    (self.kernelHeight, self.kernelWidth) = (kernelHeight, kernelWidth)
    (self.stride, self.padding, self.dilation) = (stride, padding, dilation)
    precondition(outputHeight >= 1 && outputWidth >= 1, "window larger than the padded input \(shape)")
  }

  var outputHeight: Int { (height + 2 * padding - dilation * (kernelHeight - 1) - 1) / stride + 1 }
  var outputWidth: Int { (width + 2 * padding - dilation * (kernelWidth - 1) - 1) / stride + 1 }
  /// Input pixels per channel, `H·W`.
  var plane: Int { height * width }
  /// Output pixels per channel, `HO·WO`.
  var outputPlane: Int { outputHeight * outputWidth }
  /// Window taps, `KH·KW`.
  var taps: Int { kernelHeight * kernelWidth }
  /// Whether the im2col matrix is the input itself (1×1 kernel, stride 1, no padding).
  var isPointwise: Bool { taps == 1 && stride == 1 && padding == 0 }

  /// The output columns whose input column `ow·stride − padding + offset` lies in
  /// `0..<width` (so inner loops need no bounds test).
  @inline(__always)
  func validColumns(offset: Int) -> Range<Int> { validOutputs(offset: offset, input: width, output: outputWidth) }

  /// The output rows whose input row lies in `0..<height`.
  @inline(__always)
  func validRows(offset: Int) -> Range<Int> { validOutputs(offset: offset, input: height, output: outputHeight) }

  /// The outputs `o` in `0..<output` with `o·stride − padding + offset` in `0..<input`.
  @inline(__always)
  private func validOutputs(offset: Int, input: Int, output: Int) -> Range<Int> {
    let shift = padding - offset
    let lo = max(0, (shift + stride - 1) / stride)
    let top = input - 1 + shift
    let hi = top < 0 ? 0 : min(output, top / stride + 1)
    return lo..<max(lo, hi)
  }
}

extension ConvolutionGeometry {
  /// Calls `body(plane, tap, row, input, columns)` for every plane `p` in `0..<planes`,
  /// tap `t = kh·KW + kw` and output row `oh` whose input row lies inside the image: output
  /// pixel `ow` of that row reads input pixel `input + ow·stride` (an offset into planes of
  /// `H·W`), for `ow` in `columns`. Valid ranges are computed once per tap, so callers'
  /// inner loops need no bounds test.
  @inline(__always)
  func forEachWindowRow(planes: Int, _ body: (_ plane: Int, _ tap: Int, _ row: Int, _ input: Int, _ columns: Range<Int>) -> Void) {
    for p in 0..<planes {
      for kh in 0..<kernelHeight {
        let rows = validRows(offset: kh * dilation)
        for kw in 0..<kernelWidth {
          let columns = validColumns(offset: kw * dilation)
          let shift = kw * dilation - padding
          for oh in rows {
            let ih = oh * stride - padding + kh * dilation
            body(p, kh * kernelWidth + kw, oh, p * plane + ih * width + shift, columns)
          }
        }
      }
    }
  }
}

/// Unfolds one image `[C, H, W]` into columns `[C·KH·KW, HO·WO]`: row `(c, kh, kw)` holds the
/// input pixel under tap `(kh, kw)` of channel `c` for each output position (0 in padding).
///
/// Reference: K. Chellapilla, S. Puri, P. Simard, "High Performance Convolutional Neural
/// Networks for Document Processing", IWFHR 2006 (unfolding + one matrix product).
/// - Complexity: O(C·KH·KW·HO·WO).
func im2col(_ image: UnsafePointer<Float>, _ g: ConvolutionGeometry, into columns: UnsafeMutablePointer<Float>) {
  columns.update(repeating: 0, count: g.channels * g.taps * g.outputPlane)
  let s = g.stride
  g.forEachWindowRow(planes: g.channels) { c, tap, oh, input, cols in
    let row = columns + (c * g.taps + tap) * g.outputPlane + oh * g.outputWidth
    for ow in cols { row[ow] = image[input + ow &* s] }
  }
}

/// The adjoint of `im2col`: adds each column entry back onto the input pixel it was read
/// from (`dx[c, h, w] += Σ dcolumns`), for the backward pass.
func col2imAdd(_ columns: UnsafePointer<Float>, _ g: ConvolutionGeometry, into image: UnsafeMutablePointer<Float>) {
  let s = g.stride
  g.forEachWindowRow(planes: g.channels) { c, tap, oh, input, cols in
    let row = columns + (c * g.taps + tap) * g.outputPlane + oh * g.outputWidth
    for ow in cols { image[input + ow &* s] += row[ow] }
  }
}
