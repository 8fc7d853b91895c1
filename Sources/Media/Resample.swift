/// Antialiased image resizing that reproduces Pillow's `Image.resize` for 8-bit images
/// bit for bit.
///
/// Pillow's algorithm (`src/libImaging/Resample.c`, `ImagingResampleInner`): when
/// shrinking, the kernel is widened by the scale factor (so every input pixel contributes,
/// which is the antialiasing); weights are normalised per output pixel, converted to fixed
/// point with 22 fractional bits, and applied in two passes — horizontal first (only over
/// the rows the vertical pass will read), rounding and clamping to 8 bits in between, then
/// vertical.
public enum Resample {
  /// Fixed-point fraction bits (`PRECISION_BITS = 32 − 8 − 2`).
  static let precisionBits = 22

  /// Resizes `image` to `width × height`.
  ///
  /// - Parameters:
  ///   - image: the source.
  ///   - width: output columns, at least 1.
  ///   - height: output rows, at least 1.
  ///   - filter: the kernel.
  /// - Returns: the resized image; a copy when the size is unchanged, as in Pillow.
  /// - Throws: `MediaError.invalidImage` if a side is not positive.
  /// - Complexity: O((width + height) · support · image size / scale), two passes.
  public static func resize(_ image: Image, width: Int, height: Int, filter: ResampleFilter)
    throws(MediaError) -> Image
  {
    guard width > 0, height > 0 else {
      throw .invalidImage(reason: "resize target \(width)×\(height) must be positive")
    }
    let vertical = Coefficients(input: image.height, output: height, filter: filter)
    var source = image
    var rowOffset = 0
    if width != image.width {
      let horizontal = Coefficients(input: image.width, output: width, filter: filter)
      let first = vertical.starts[0]
      let last = vertical.starts[height - 1] + vertical.counts[height - 1]
      source = horizontalPass(image, rows: first..<last, coefficients: horizontal)
      rowOffset = first
    }
    guard height != image.height else { return source }
    return verticalPass(source, rowOffset: rowOffset, coefficients: vertical)
  }

  /// Per output position: the first input index, how many inputs, and `size` fixed-point
  /// weights (`Resample.c`, `precompute_coeffs` and `normalize_coeffs_8bpc`).
  struct Coefficients {
    var size: Int
    var starts: [Int]
    var counts: [Int]
    var weights: [Int]

    init(input: Int, output: Int, filter: ResampleFilter) {
      let scale = Double(input) / Double(output)
      let filterScale = max(scale, 1)
      let support = filter.support * filterScale
      size = Int(support.rounded(.up)) * 2 + 1
      starts = []
      counts = []
      weights = []
      starts.reserveCapacity(output)
      counts.reserveCapacity(output)
      weights.reserveCapacity(output * size)
      let one = Double(1 << Resample.precisionBits)
      for position in 0..<output {
        let center = (Double(position) + 0.5) * scale
        let lower = max(0, Int(center - support + 0.5))
        let upper = min(input, Int(center + support + 0.5))
        let count = max(0, upper - lower)
        var raw = (0..<count).map { x in
          filter.weight((Double(x + lower) - center + 0.5) / filterScale)
        }
        let total = raw.reduce(0, +)
        if total != 0 { raw = raw.map { $0 / total } }
        starts.append(lower)
        counts.append(count)
        weights += raw.map { Int($0 < 0 ? -0.5 + $0 * one : 0.5 + $0 * one) }
        weights += [Int](repeating: 0, count: size - count)
      }
    }
  }

  /// `sum >> 22` clamped to 0…255 (`clip8`).
  @inline(__always)
  static func clip(_ sum: Int) -> UInt8 {
    UInt8(clamping: sum >> precisionBits)
  }

  static func horizontalPass(_ image: Image, rows: Range<Int>, coefficients c: Coefficients)
    -> Image
  {
    let width = c.starts.count
    let half = 1 << (precisionBits - 1)
    var output = [UInt8](repeating: 0, count: 3 * width * rows.count)
    image.pixels.withUnsafeBufferPointer { source in
      c.weights.withUnsafeBufferPointer { weights in
        output.withUnsafeMutableBufferPointer { target in
          for (outRow, row) in rows.enumerated() {
            let input = source.baseAddress.unsafelyUnwrapped + 3 * row * image.width
            for x in 0..<width {
              let k = weights.baseAddress.unsafelyUnwrapped + x * c.size
              let first = input + 3 * c.starts[x]
              var (r, g, b) = (half, half, half)
              for i in 0..<c.counts[x] {
                let w = k[i]
                r += Int(first[3 * i]) * w
                g += Int(first[3 * i + 1]) * w
                b += Int(first[3 * i + 2]) * w
              }
              let out = 3 * (outRow * width + x)
              target[out] = clip(r)
              target[out + 1] = clip(g)
              target[out + 2] = clip(b)
            }
          }
        }
      }
    }
    return Image(checkedWidth: width, height: rows.count, pixels: output)
  }

  static func verticalPass(_ image: Image, rowOffset: Int, coefficients c: Coefficients)
    -> Image
  {
    let height = c.starts.count
    let rowBytes = 3 * image.width
    let half = 1 << (precisionBits - 1)
    var output = [UInt8](repeating: 0, count: rowBytes * height)
    var sums = [Int](repeating: 0, count: rowBytes)
    image.pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        sums.withUnsafeMutableBufferPointer { sums in
          for y in 0..<height {
            for i in 0..<rowBytes { sums[i] = half }
            let first = c.starts[y] - rowOffset
            for j in 0..<c.counts[y] {
              let w = c.weights[y * c.size + j]
              let input = source.baseAddress.unsafelyUnwrapped + (first + j) * rowBytes
              for i in 0..<rowBytes { sums[i] += Int(input[i]) * w }
            }
            let out = target.baseAddress.unsafelyUnwrapped + y * rowBytes
            for i in 0..<rowBytes { out[i] = clip(sums[i]) }
          }
        }
      }
    }
    return Image(checkedWidth: image.width, height: height, pixels: output)
  }
}
