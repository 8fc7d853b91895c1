/// The convolution kernels of Pillow's `Image.resize` that encoder preprocessing uses.
///
/// Reference: Pillow `src/libImaging/Resample.c` (`bilinear_filter`, `bicubic_filter`
/// with a = −0.5, Keys 1981).
public enum ResampleFilter: String, Sendable, Codable, CaseIterable {
  /// Triangle kernel, support 1 (Pillow `Image.BILINEAR`).
  case bilinear
  /// Keys cubic convolution with a = −0.5, support 2 (Pillow `Image.BICUBIC`).
  case bicubic

  /// Half-width of the kernel in input pixels at scale 1.
  var support: Double {
    switch self {
    case .bilinear: 1
    case .bicubic: 2
    }
  }

  /// The kernel's value at offset `x`.
  func weight(_ x: Double) -> Double {
    let x = abs(x)
    switch self {
    case .bilinear:
      return x < 1 ? 1 - x : 0
    case .bicubic:
      let a = -0.5
      if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
      if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
      return 0
    }
  }
}
