/// A dense, contiguous, row-major array of `Float` values.
///
/// `Tensor` is a value type: copies share storage until one of them is mutated (copy on
/// write through `[Float]`), so `reshaped(_:)` and passing tensors around are O(1). Element
/// `(i₀, i₁, …, iₙ₋₁)` lives at `storage[i₀·t₀ + i₁·t₁ + …]` where `t` is `strides`.
///
/// Operations that take a tensor state the shapes they expect, e.g. `[m, k]`; a shape
/// mismatch is a programmer error and stops with a precondition failure. Differentiable
/// versions of the operations live on `Variable` (see `Tape`).
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
    self.init(repeating: 0, shape: shape)
  }

  /// A tensor of the given shape with every element equal to `value`.
  public init(repeating value: Float, shape: [Int]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
    self.init(
      shape: shape, storage: [Float](repeating: value, count: Tensor.elementCount(shape)))
  }

  /// A rank-0 tensor holding `value`.
  public init(scalar value: Float) {
    self.init(shape: [], storage: [value])
  }

  /// The number of elements, `shape.reduce(1, *)`.
  public var count: Int { storage.count }

  /// The number of axes.
  public var rank: Int { shape.count }

  /// The single element of a one-element tensor (any shape with count 1).
  public var scalar: Float {
    precondition(count == 1, "scalar of a tensor with \(count) elements, shape \(shape)")
    return storage[0]
  }

  /// Row-major strides in elements: `strides[i] = shape[(i+1)...].reduce(1, *)`.
  public var strides: [Int] { Tensor.strides(of: shape) }

  /// The elements of row `r` along the first axis: for `[n, d]` the `d` features of item `r`.
  ///
  /// - Complexity: O(1); the slice shares storage with the tensor.
  public subscript(row r: Int) -> ArraySlice<Float> {
    precondition(rank >= 1, "row subscript on a scalar")
    precondition((0..<shape[0]).contains(r), "row \(r) out of range 0..<\(shape[0])")
    let width = count / shape[0]
    return storage[(r * width)..<((r + 1) * width)]
  }

  /// The element at a full multi-index, e.g. `t[[1, 2]]` for row 1, column 2 of a matrix.
  public subscript(index: [Int]) -> Float {
    get { storage[offset(of: index)] }
    set { storage[offset(of: index)] = newValue }
  }

  /// The same elements viewed with another shape of equal element count.
  ///
  /// One extent may be `-1`; it is inferred from the element count (as `torch.reshape`).
  /// - Complexity: O(1); the result shares storage until one side is mutated.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    Tensor(shape: Tensor.resolve(newShape, count: count), storage: storage)
  }

  /// Rows `range` along the first axis, as a new tensor `[range.count, …]`.
  ///
  /// - Complexity: O(range.count · row length) (one copy).
  public func rows(_ range: Range<Int>) -> Tensor {
    precondition(rank >= 1, "rows(_:) on a scalar")
    precondition(
      range.lowerBound >= 0 && range.upperBound <= shape[0],
      "rows \(range) out of range 0..<\(shape[0])")
    let width = shape[0] == 0 ? 0 : count / shape[0]
    var newShape = shape
    newShape[0] = range.count
    return Tensor(
      shape: newShape,
      storage: Array(storage[(range.lowerBound * width)..<(range.upperBound * width)]))
  }

  /// Whether every element is finite (no NaN, no ±∞).
  public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

  private func offset(of index: [Int]) -> Int {
    precondition(index.count == rank, "index \(index) for shape \(shape)")
    var offset = 0
    for (i, extent) in zip(index, shape) {
      precondition((0..<extent).contains(i), "index \(index) out of range for shape \(shape)")
      offset = offset * extent + i
    }
    return offset
  }

  static func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }

  static func strides(of shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var running = 1
    for axis in shape.indices.reversed() {
      strides[axis] = running
      running *= shape[axis]
    }
    return strides
  }

  /// `shape` with a single `-1` replaced so that the element count is `count`.
  static func resolve(_ shape: [Int], count: Int) -> [Int] {
    let unknown = shape.indices.filter { shape[$0] == -1 }
    precondition(unknown.count <= 1, "at most one -1 in shape \(shape)")
    guard let axis = unknown.first else { return shape }
    let known = shape.enumerated().reduce(1) { $1.offset == axis ? $0 : $0 * $1.element }
    precondition(known > 0 && count % known == 0, "cannot reshape \(count) elements to \(shape)")
    var resolved = shape
    resolved[axis] = count / known
    return resolved
  }
}
