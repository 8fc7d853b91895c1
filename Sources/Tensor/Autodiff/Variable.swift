/// A node of a `Tape`: a tensor value plus, when tracked, a gradient filled by
/// `Tape.backward(_:)`.
///
/// Differentiable operations are methods and free functions on `Variable` (`matmul`,
/// `relu`, `layerNorm`, …); each records its backward pass on the same tape.
public struct Variable {
  /// The tape that recorded this node.
  public let tape: Tape
  /// The node's position on the tape.
  public let id: Int
  /// The forward value.
  public let value: Tensor
  /// The value's shape.
  public var shape: [Int] { value.shape }
  /// The value's element count.
  public var count: Int { value.count }
  /// Whether a gradient flows to this node (a tracked leaf or a result of one).
  public var requiresGradient: Bool { tape.isTracked(id) }
  /// The gradient accumulated by `Tape.backward(_:)`, or `nil` if none reached this node.
  public var gradient: Tensor? { tape.gradient(id) }

  /// The same value as an untracked leaf: gradients stop here (PyTorch's `detach`).
  public func detached() -> Variable { tape.constant(value) }
}
