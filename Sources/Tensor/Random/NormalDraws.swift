import Foundation

extension SplitMix64 {
  /// A standard normal draw by the Box–Muller transform: with `u₁ = 1 − uniform()` in
  /// `(0, 1]` and `u₂ = uniform()`, returns `√(−2 ln u₁) · cos(2π u₂)` (the sine twin is
  /// discarded, so every call consumes exactly two outputs of `next()`).
  ///
  /// Reference: G. E. P. Box, M. E. Muller, "A note on the generation of random normal
  /// deviates", Ann. Math. Statist. 29(2), 1958.
  public mutating func normal() -> Double {
    let u1 = 1 - uniform()
    let u2 = uniform()
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }
}

extension Tensor {
  /// A tensor of independent uniform draws in `[low, high)`, in row-major order.
  public init(uniform shape: [Int], in range: Range<Float>, generator: inout SplitMix64) {
    let width = Double(range.upperBound - range.lowerBound)
    let count = Tensor.elementCount(shape)
    let values = (0..<count).map { _ in
      Float(Double(range.lowerBound) + width * generator.uniform())
    }
    self.init(shape: shape, storage: values)
  }

  /// A tensor of independent normal draws `mean + std · N(0, 1)`, in row-major order.
  public init(normal shape: [Int], mean: Float = 0, std: Float = 1, generator: inout SplitMix64) {
    let count = Tensor.elementCount(shape)
    let values = (0..<count).map { _ in mean + std * Float(generator.normal()) }
    self.init(shape: shape, storage: values)
  }
}
