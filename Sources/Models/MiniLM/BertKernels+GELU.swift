extension BertKernels {
  // MARK: - GELU (erf)   x ← ½x(1 + erf(x/√2))
  // x: [n]   →   x: [n]
  /// The exact GELU of `BertIntermediate` (`hidden_act: "gelu"`), in place, eight lanes at
  /// a time.
  ///
  /// `erf` is Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5·10⁻⁷), the formula of PyTorch's
  /// vectorised CPU `erf` (ATen `Vectorized<float>::erf`), which `torch.nn.GELU` runs; `exp`
  /// is `simdExp`. glibc's scalar `erff` would cost more than all four sgemms of a layer.
  ///
  /// Reference: Hendrycks & Gimpel 2016, §2; Abramowitz & Stegun 1964, eq. 7.1.26.
  /// - Complexity: O(n), about 25 vector operations per 8 elements.
  static func gelu(_ x: UnsafeMutablePointer<Float>, range: Range<Int>) {
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      let p = UnsafeMutableRawPointer(x + i)
      p.storeBytes(of: gelu(p.loadUnaligned(as: SIMD8<Float>.self)), as: SIMD8<Float>.self)
      i += 8
    }
    var tail = SIMD8<Float>(repeating: 0)
    for j in i..<range.upperBound { tail[j - i] = x[j] }
    let result = gelu(tail)
    for j in i..<range.upperBound { x[j] = result[j - i] }
  }

  /// `½x(1 + erf(x/√2))` lane by lane.
  @inline(__always)
  static func gelu(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let z = x * 0.707_106_77
    let a = z.replacing(with: -z, where: z .< 0)
    let t = 1 / (0.327_591_1 * a + 1)
    var r = 1.061_405_429 * t - 1.453_152_027
    r = r * t + 1.421_413_741
    r = r * t - 0.284_496_736
    r = r * t + 0.254_829_592
    let magnitude = 1 - r * t * simdExp(-(z * z))
    let erf = magnitude.replacing(with: -magnitude, where: z .< 0)
    return 0.5 * x * (1 + erf)
  }

  /// `eˣ` lane by lane for `x ≤ 0` (underflow flushes at `x < −87`): `x = n·ln 2 + r` with
  /// `|r| ≤ ½ ln 2`, `eʳ` by Cephes' degree-6 polynomial, `2ⁿ` written into the exponent bits.
  ///
  /// Reference: Cephes `expf.c` (S. L. Moshier), relative error ≈ 1 ulp on this range.
  @inline(__always)
  static func simdExp(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let x = x.replacing(with: -87, where: x .< -87)
    let roundingShift: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer
    let n = (x * 1.442_695_04 + roundingShift) - roundingShift
    let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
    var p = 1.987_569_15e-4 * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    let er = p * r * r + r + 1
    let exponent = (SIMD8<Int32>(n) &+ 127) &<< 23
    return er * unsafeBitCast(exponent, to: SIMD8<Float>.self)
  }
}
