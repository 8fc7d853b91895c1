/// All trainable parameters of a model in flat arrays: values, gradients and the
/// optimiser's moments share one layout, as llm.c's single allocation
/// (`malloc_and_point_parameters`).
///
/// Layers register their tensors with `add(_:_:)` and keep the returned `Parameter`
/// (a named view: offset, shape). Zeroing gradients is one fill, an optimiser step is one
/// loop, and a checkpoint is the values array plus a table of names and shapes
/// (`Safetensors`). Parameters are listed explicitly, in registration order, as
/// micrograd's `parameters()`; there is no reflection.
public final class ParameterStore {
  /// Name, shape and offset of each registered parameter, in registration order.
  struct Entry: Sendable {
    let name: String
    let shape: [Int]
    let offset: Int
    var range: Range<Int> { offset..<(offset + shape.reduce(1, *)) }
  }

  /// All parameter values, concatenated in registration order.
  public internal(set) var values: [Float] = []
  /// All gradients, same layout as `values`.
  public internal(set) var gradients: [Float] = []
  /// Optimiser state in the same layout (momentum / Adam's first moment); empty until an
  /// optimiser that needs it takes its first step.
  public internal(set) var firstMoments: [Float] = []
  /// Adam's second moment, same layout; empty until used.
  public internal(set) var secondMoments: [Float] = []
  private(set) var entries: [Entry] = []
  private var indexByName: [String: Int] = [:]

  /// An empty store.
  public init() {}

  /// The total number of scalar parameters.
  public var count: Int { values.count }

  /// Every parameter, in registration order.
  public var parameters: [Parameter] { entries.indices.map { Parameter(store: self, index: $0) } }

  /// Registers a parameter with its initial value.
  ///
  /// - Parameters:
  ///   - name: unique within the store, e.g. `"encoder.0.weight"`.
  ///   - initial: the initial value; its shape is the parameter's shape.
  /// - Returns: the named view used by layers and tapes.
  /// - Complexity: amortised O(initial.count).
  @discardableResult
  public func add(_ name: String, _ initial: Tensor) -> Parameter {
    precondition(indexByName[name] == nil, "parameter \(name) registered twice")
    entries.append(Entry(name: name, shape: initial.shape, offset: values.count))
    indexByName[name] = entries.count - 1
    values += initial.storage
    gradients += [Float](repeating: 0, count: initial.count)
    if !firstMoments.isEmpty { firstMoments += [Float](repeating: 0, count: initial.count) }
    if !secondMoments.isEmpty { secondMoments += [Float](repeating: 0, count: initial.count) }
    return Parameter(store: self, index: entries.count - 1)
  }

  /// The parameter registered under `name`, if any.
  public func parameter(named name: String) -> Parameter? {
    indexByName[name].map { Parameter(store: self, index: $0) }
  }

  /// Sets every gradient to zero (call before each backward pass).
  public func zeroGradients() {
    gradients.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }

  /// Allocates (zeroed) moment arrays on first use.
  func ensureMoments(second: Bool) {
    if firstMoments.count != values.count {
      firstMoments = [Float](repeating: 0, count: values.count)
    }
    if second && secondMoments.count != values.count {
      secondMoments = [Float](repeating: 0, count: values.count)
    }
  }

  func entry(_ index: Int) -> Entry { entries[index] }

  func withGradientBuffer(
    of parameter: Parameter, _ body: (UnsafeMutableBufferPointer<Float>) -> Void
  ) {
    let range = entries[parameter.index].range
    gradients.withUnsafeMutableBufferPointer { all in
      body(UnsafeMutableBufferPointer(rebasing: all[range]))
    }
  }
}

/// A named view into a `ParameterStore`: one weight matrix, bias vector, embedding table…
public struct Parameter {
  /// The store holding the values and gradients.
  public let store: ParameterStore
  let index: Int

  /// The registered name.
  public var name: String { store.entry(index).name }
  /// The parameter's shape.
  public var shape: [Int] { store.entry(index).shape }
  /// The positions of this parameter in the store's flat arrays.
  public var range: Range<Int> { store.entry(index).range }

  /// A copy of the current value.
  public var value: Tensor {
    Tensor(shape: shape, storage: Array(store.values[range]))
  }

  /// A copy of the current gradient.
  public var gradient: Tensor {
    Tensor(shape: shape, storage: Array(store.gradients[range]))
  }

  /// Overwrites the value (same shape required).
  public func setValue(_ tensor: Tensor) {
    precondition(tensor.shape == shape, "\(name): value \(tensor.shape), expected \(shape)")
    store.values.replaceSubrange(range, with: tensor.storage)
  }
}
