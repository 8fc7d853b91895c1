/// A dense, contiguous, row-major array of `Float` values.
///
/// `Tensor` is a value type: copies share storage until one of them is mutated (copy on
/// write through `[Float]`). Element `(i₀, i₁, …, iₙ₋₁)` lives at
/// `storage[((i₀·s₁ + i₁)·s₂ + i₂)…]` where `s` is `shape`.
///
/// Operations that take a tensor state the shapes they expect, e.g. `[m, k]`; a shape
/// mismatch is a programmer error and stops with a precondition failure.
public struct Tensor: Sendable, Equatable {
  /// The extent of each axis; `[]` is a scalar holding one element.
  public private(set) var shape: [Int]
  /// The elements in row-major order; `storage.count == shape.reduce(1, *)`.
  ///
  /// Elements may be changed in place; changing the count breaks the tensor's invariant.
  public var storage: [Float]

  /// Wraps `storage` as a tensor of the given shape.
  ///
  /// - Parameters:
  ///   - shape: non-negative extents.
  ///   - storage: exactly `shape.reduce(1, *)` elements in row-major order.
  public init(shape: [Int], storage: [Float]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
    precondition(
      storage.count == Tensor.elementCount(shape),
      "shape \(shape) needs \(Tensor.elementCount(shape)) elements, got \(storage.count)")
    self.shape = shape
    self.storage = storage
  }

  /// A tensor of the given shape filled with zeros.
  public init(zeros shape: [Int]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
    self.init(shape: shape, storage: [Float](repeating: 0, count: Tensor.elementCount(shape)))
  }

  /// The number of elements, `shape.reduce(1, *)`.
  public var count: Int { storage.count }

  /// The number of axes.
  public var rank: Int { shape.count }

  /// The elements of row `r` along the first axis: for `[n, d]` the `d` features of item `r`.
  ///
  /// - Complexity: O(1); the slice shares storage with the tensor.
  public subscript(row r: Int) -> ArraySlice<Float> {
    precondition(rank >= 1, "row subscript on a scalar")
    precondition((0..<shape[0]).contains(r), "row \(r) out of range 0..<\(shape[0])")
    let width = count / shape[0]
    return storage[(r * width)..<((r + 1) * width)]
  }

  /// The same elements viewed with another shape of equal element count.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    Tensor(shape: newShape, storage: storage)
  }

  static func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }
}
