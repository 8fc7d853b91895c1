/// Direct depthwise convolution (`groups == C == O`, one filter per channel): a fused
/// kernel that skips im2col, whose `KH·KW`-row matrices would make sgemm inefficient.
///
/// `y[n, c, oh, ow] += Σ_{kh, kw} w[c, kh, kw]·x[n, c, oh·s − p + kh·d, ow·s − p + kw·d]`,
/// looping over taps outside and output pixels inside, with the valid output range per tap
/// computed once so the inner loop has no bounds test (contiguous for stride 1).
/// The im2col path (`ConvolutionAlgorithm.im2col`) is its test oracle.
///
/// Reference: A. G. Howard et al., "MobileNets", arXiv:1704.04861, §3.1.
/// - Complexity: 2·N·C·KH·KW·HO·WO flops, no scratch memory.
struct DepthwiseKernel: ConvolutionKernel {
  let g: ConvolutionGeometry

  init(_ g: ConvolutionGeometry) { self.g = g }

  /// Calls `body(tap, input, output, columns)` for every (image, channel, tap, output row)
  /// whose input row is inside: `tap` indexes the weight, `input + ow·stride` is the input
  /// pixel read by output pixel `output + ow`, for `ow` in `columns`.
  @inline(__always)
  private func forEachTapRow(_ body: (Int, Int, Int, Range<Int>) -> Void) {
    g.forEachWindowRow(planes: g.batch * g.channels) { plane, tap, oh, input, columns in
      body((plane % g.channels) * g.taps + tap, input, plane * g.outputPlane + oh * g.outputWidth, columns)
    }
  }

  func forward(_ x: [Float], _ w: [Float], into y: UnsafeMutableBufferPointer<Float>) {
    withPointers(x, w, y) { px, pw, py in
      forEachTapRow { tap, input, output, columns in  // y += w·x
        axpy(pw[tap], px + input, stride: g.stride, into: py + output, columns)
      }
    }
  }

  func backwardInput(_ dy: [Float], _ w: [Float], into dx: UnsafeMutableBufferPointer<Float>) {
    withPointers(dy, w, dx) { pg, pw, pdx in
      forEachTapRow { tap, input, output, columns in  // dx += w·dy (scatter with the stride)
        let (source, target, weight, s) = (pg + output, pdx + input, pw[tap], g.stride)
        for ow in columns { target[ow &* s] += weight * source[ow] }
      }
    }
  }

  func backwardWeight(_ dy: [Float], _ x: [Float], into dw: UnsafeMutableBufferPointer<Float>) {
    withPointers(dy, x, dw) { pg, px, pdw in
      forEachTapRow { tap, input, output, columns in  // dw += Σ dy·x
        let (gradient, source, s) = (pg + output, px + input, g.stride)
        var total: Float = 0
        for ow in columns { total += gradient[ow] * source[ow &* s] }
        pdw[tap] += total
      }
    }
  }
}

/// `y[ow] += a·x[ow·stride]` for `ow` in `columns`, with a contiguous (vectorisable) loop
/// for stride 1.
@inline(__always)
private func axpy(_ a: Float, _ x: UnsafePointer<Float>, stride: Int, into y: UnsafeMutablePointer<Float>, _ columns: Range<Int>) {
  if stride == 1 {
    for ow in columns { y[ow] += a * x[ow] }
  } else {
    for ow in columns { y[ow] += a * x[ow &* stride] }
  }
}

/// Calls `body` with base pointers of two inputs and an output (skipped when any is empty).
@inline(__always)
private func withPointers(
  _ a: [Float], _ b: [Float], _ c: UnsafeMutableBufferPointer<Float>,
  _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
) {
  a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = c.baseAddress else { return }
      body(pa, pb, pc)
    }
  }
}
