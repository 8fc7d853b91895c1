/// A record of differentiable operations, replayed in reverse by `backward(_:)`.
///
/// Reverse-mode automatic differentiation in the style of micrograd and llm.c: every
/// primitive op computes its value eagerly and records a hand-written backward closure that
/// *accumulates* (`+=`) into its parents' gradients. Nodes are numbered in creation order,
/// which is a topological order, so `backward` simply walks the numbers downwards.
///
/// - Leaves: `constant(_:)` (no gradient), `variable(_:)` (gradient kept on the tape) and
///   `parameter(_:)` (gradient accumulated straight into the `ParameterStore`).
/// - A node whose parents all lack gradients records no closure and the tape keeps no
///   reference to its value, so inference on a tape (or on `Tape(recordsGradients: false)`)
///   frees each activation as soon as the caller drops it.
/// - One tape per step: create it, build the loss, call `backward`, read gradients, drop it.
///   Variables keep their tape alive. Backward closures never capture variables: they
///   receive their parents when called (`record(_:parents:backward:)`), so the tape holds
///   no reference to itself and is freed with its last variable.
///
/// - Complexity: `backward` runs each recorded closure once, so it costs about as much as
///   the forward pass (about twice as much for matrix products).
public final class Tape {
  /// Forward value of each parent of a recorded op and of each parameter leaf; `nil` for
  /// values no backward pass needs (the variables returned to the caller hold them).
  private var values: [Tensor?] = []
  /// Shape of each node.
  private var shapes: [[Int]] = []
  /// Gradient of each non-parameter node, allocated (as zeros) on first accumulation.
  private var gradients: [Tensor?] = []
  /// The store entry of parameter leaves.
  private var parameters: [Parameter?] = []
  /// The leaf of each parameter asked for so far.
  private var parameterLeaves: [ParameterKey: Int] = [:]
  /// Whether a gradient flows to the node.
  private var tracked: [Bool] = []
  /// The backward closure of each recorded op: receives the node's gradient and parents.
  private var backwards: [Backward?] = []
  /// The parents of each recorded op, in the order given to `record`.
  private var parentIDs: [[Int]] = []

  /// A backward pass: `(dy, parents)` adds into the parents' gradients.
  typealias Backward = (_ dy: Tensor, _ parents: [Variable]) -> Void

  /// Whether leaves created by `variable(_:)` and `parameter(_:)` receive gradients.
  public let recordsGradients: Bool

  /// An empty tape. With `recordsGradients: false` every leaf is untracked, so no backward
  /// closure is recorded and saved activations are not kept (PyTorch's `no_grad`), for
  /// inference and evaluation.
  public init(recordsGradients: Bool = true) {
    self.recordsGradients = recordsGradients
  }

  /// The number of nodes recorded so far.
  public var count: Int { shapes.count }

  /// A leaf that receives no gradient (inputs, targets, masks, detached values).
  public func constant(_ value: Tensor) -> Variable {
    append(value, tracked: false, parameter: nil)
  }

  /// A leaf whose gradient is kept on the tape (read it with `Variable.gradient`).
  public func variable(_ value: Tensor) -> Variable {
    append(value, tracked: recordsGradients, parameter: nil)
  }

  /// A leaf holding a copy of a parameter's current value; its gradient is added into the
  /// parameter's store (`ParameterStore.gradients`). Asking again for the same parameter
  /// returns the same leaf, so a layer applied twice copies its weights once and receives
  /// both gradient contributions.
  ///
  /// - Complexity: O(parameter size) for the first copy, O(1) after.
  public func parameter(_ parameter: Parameter) -> Variable {
    let key = ParameterKey(store: ObjectIdentifier(parameter.store), index: parameter.index)
    if let id = parameterLeaves[key] { return Variable(tape: self, id: id, value: values[id] ?? parameter.value) }
    let leaf = append(parameter.value, tracked: recordsGradients, parameter: parameter)
    values[leaf.id] = leaf.value
    parameterLeaves[key] = leaf.id
    return leaf
  }

  /// Records the result of an op.
  ///
  /// - Parameters:
  ///   - value: the op's forward result.
  ///   - parents: the op's differentiable inputs.
  ///   - backward: called once with the gradient of `value` (same shape) and `parents`
  ///     (same order); adds into the parents' gradients through `accumulate(_:_:)`. It must
  ///     not capture variables (use the `parents` argument), only tensors and constants.
  ///     Not stored when no parent is tracked.
  func record(_ value: Tensor, parents: [Variable], backward: @escaping Backward) -> Variable {
    let isTracked = parents.contains { $0.requiresGradient }
    let node = append(value, tracked: isTracked, parameter: nil)
    if isTracked {
      precondition(parents.allSatisfy { $0.tape === self }, "operands recorded on different tapes")
      backwards[node.id] = backward
      parentIDs[node.id] = parents.map(\.id)
      for parent in parents where values[parent.id] == nil { values[parent.id] = parent.value }
    }
    return node
  }

  /// Back-propagates from `output`: seeds its gradient with `seed` (ones by default, which
  /// for a scalar loss gives d loss / d node) and runs the recorded closures in reverse.
  ///
  /// Each op's closure runs at most once: after it has run, the closure, its saved tensors
  /// and the op's gradient are released (PyTorch frees its graph the same way). A second
  /// `backward` from another output therefore only propagates through ops not yet
  /// differentiated; leaf gradients keep accumulating.
  public func backward(_ output: Variable, seed: Tensor? = nil) {
    precondition(output.tape === self, "backward on a variable of another tape")
    let start = seed ?? Tensor(repeating: 1, shape: output.shape)
    precondition(start.shape == output.shape, "seed \(start.shape) for output \(output.shape)")
    accumulate(output, adding: start)
    for id in stride(from: output.id, through: 0, by: -1) {
      guard let closure = backwards[id], let gradient = gradients[id] else { continue }
      backwards[id] = nil
      gradients[id] = nil
      let parents = parentIDs[id].map { Variable(tape: self, id: $0, value: values[$0] ?? Tensor(zeros: shapes[$0])) }
      closure(gradient, parents)
    }
  }

  /// Whether node `id` receives a gradient.
  func isTracked(_ id: Int) -> Bool { tracked[id] }

  /// The gradient accumulated so far at a node: the tape's copy for variables and op
  /// results, the store's slice for parameters; `nil` if nothing reached it.
  func gradient(_ id: Int) -> Tensor? {
    if let parameter = parameters[id] { return parameter.gradient }
    return gradients[id]
  }

  /// Lets `body` add into the gradient buffer of `v` (`v.count` elements, row-major); does
  /// nothing when `v` is not tracked.
  func accumulate(_ v: Variable, _ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
    guard tracked[v.id] else { return }
    if let parameter = parameters[v.id] {
      parameter.store.withGradientBuffer(of: parameter, body)
      return
    }
    if gradients[v.id] == nil { gradients[v.id] = Tensor(zeros: shapes[v.id]) }
    gradients[v.id]?.storage.withUnsafeMutableBufferPointer { body($0) }
  }

  /// Adds `g` (same shape as `v`, or broadcastable to it in reverse: `v`'s shape must
  /// broadcast to `g`'s) into the gradient of `v`, summing over broadcast axes.
  func accumulate(_ v: Variable, adding g: Tensor) {
    accumulate(v) { target in
      g.storage.withUnsafeBufferPointer { source in
        if g.shape == v.shape {
          for i in 0..<source.count { target[i] += source[i] }
        } else {
          accumulateReduced(source, shape: g.shape, into: target, targetShape: v.shape)
        }
      }
    }
  }

  private func append(_ value: Tensor, tracked isTracked: Bool, parameter: Parameter?)
    -> Variable
  {
    values.append(nil)
    shapes.append(value.shape)
    gradients.append(nil)
    parameters.append(parameter)
    tracked.append(isTracked)
    backwards.append(nil)
    parentIDs.append([])
    return Variable(tape: self, id: shapes.count - 1, value: value)
  }
}

/// A parameter's identity: its store and position.
private struct ParameterKey: Hashable {
  let store: ObjectIdentifier
  let index: Int
}
