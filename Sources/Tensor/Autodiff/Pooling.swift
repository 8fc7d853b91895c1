// Pooling over NCHW tensors. Padding never wins a max (it counts as −∞) and, as in
// PyTorch's default `count_include_pad=True`, counts as zeros in an average.

// MARK: - max pool   y[n, c, oh, ow] = max over the window
// x: [N, C, H, W]   →   y: [N, C, HO, WO]
/// Max pooling; backward routes `dy` to the first maximal input of each window.
public func maxPool2d(_ x: Variable, kernel: Int, stride: Int? = nil, padding: Int = 0) -> Variable {
  let g = ConvolutionGeometry(
    input: x.shape, kernelHeight: kernel, kernelWidth: kernel, stride: stride ?? kernel, padding: padding, dilation: 1)
  precondition(padding * 2 <= kernel, "maxPool2d: padding \(padding) exceeds half the kernel \(kernel)")
  var y = Tensor(zeros: [g.batch, g.channels, g.outputHeight, g.outputWidth])
  var winners = [Int](repeating: 0, count: y.count)
  x.value.storage.withUnsafeBufferPointer { px in
    y.storage.withUnsafeMutableBufferPointer { py in
      forEachWindow(g) { out, taps in
        var winner = taps[0]  // every window holds at least one input pixel
        for i in taps.dropFirst() where px[i] > px[winner] { winner = i }
        winners[out] = winner
        py[out] = px[winner]
      }
    }
  }
  let routes = winners
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in
      for (out, i) in routes.enumerated() { dx[i] += dy.storage[out] }
    }
  }
}

// MARK: - average pool   y[n, c, oh, ow] = (1/(KH·KW)) Σ window
// x: [N, C, H, W]   →   y: [N, C, HO, WO]
/// Average pooling (padding counts as zeros in the divisor `KH·KW`); backward spreads
/// `dy/(KH·KW)` over each window.
public func avgPool2d(_ x: Variable, kernel: Int, stride: Int? = nil, padding: Int = 0) -> Variable {
  let g = ConvolutionGeometry(
    input: x.shape, kernelHeight: kernel, kernelWidth: kernel, stride: stride ?? kernel, padding: padding, dilation: 1)
  let scale = 1 / Float(g.taps)
  var y = Tensor(zeros: [g.batch, g.channels, g.outputHeight, g.outputWidth])
  x.value.storage.withUnsafeBufferPointer { px in
    y.storage.withUnsafeMutableBufferPointer { py in
      forEachWindow(g) { out, taps in
        var total: Float = 0
        for i in taps { total += px[i] }
        py[out] = total * scale
      }
    }
  }
  return x.tape.record(y, parents: [x]) { dy, p in
    p[0].tape.accumulate(p[0]) { dx in
      forEachWindow(g) { out, taps in
        let share = dy.storage[out] * scale
        for i in taps { dx[i] += share }
      }
    }
  }
}

/// The mean over the spatial axes, `[N, C, H, W] → [N, C]` (composite of `reshape` and
/// `mean`).
public func globalAvgPool2d(_ x: Variable) -> Variable {
  precondition(x.shape.count == 4, "globalAvgPool2d needs NCHW, got \(x.shape)")
  return mean(reshape(x, [x.shape[0], x.shape[1], -1]), axis: -1)
}

/// Calls `body(output index, input indices inside the window)` for every output pixel.
private func forEachWindow(_ g: ConvolutionGeometry, _ body: (Int, [Int]) -> Void) {
  var taps: [Int] = []
  taps.reserveCapacity(g.taps)
  for plane in 0..<(g.batch * g.channels) {
    for oh in 0..<g.outputHeight {
      for ow in 0..<g.outputWidth {
        taps.removeAll(keepingCapacity: true)
        for kh in 0..<g.kernelHeight {
          let ih = oh * g.stride - g.padding + kh
          guard (0..<g.height).contains(ih) else { continue }
          for kw in 0..<g.kernelWidth {
            let iw = ow * g.stride - g.padding + kw
            if (0..<g.width).contains(iw) { taps.append((plane * g.height + ih) * g.width + iw) }
          }
        }
        body((plane * g.outputHeight + oh) * g.outputWidth + ow, taps)
      }
    }
  }
}
