/// A lookup table of `V` learned vectors of width `D`, initialised `N(0, 1)` as PyTorch.
public struct Embedding {
  /// `[V, D]`.
  public let table: Parameter

  /// Registers `"<name>.weight"`.
  public init(_ count: Int, _ width: Int, name: String, store: ParameterStore, generator: inout SplitMix64) {
    table = store.add(name + ".weight", Tensor(normal: [count, width], generator: &generator))
  }

  /// Indices (shape `shape`, default `[n]`) → `[*shape, D]`.
  public func callAsFunction(_ indices: [Int], shape: [Int]? = nil, on tape: Tape) -> Variable {
    embedding(tape.parameter(table), indices: indices, shape: shape)
  }
}
