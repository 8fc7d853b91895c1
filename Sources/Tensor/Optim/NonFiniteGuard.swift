/// NaN/∞ checks for training loops: a failing check names the step and the tensor, so a
/// diverging run stops where it diverged instead of writing NaN checkpoints.
public enum NonFiniteGuard {
  /// Throws `.nonFinite(step, name)` if `tensor` holds a NaN or ±∞.
  public static func check(_ tensor: Tensor, name: String, step: Int) throws(TensorError) {
    guard allFinite(tensor.storage[...]) else { throw .nonFinite(step: step, tensor: name) }
  }

  /// Throws `.nonFinite(step, "<parameter>.grad")` for the first parameter of `store` with a
  /// non-finite gradient (the check that opens every optimiser step).
  ///
  /// - Complexity: one vectorisable pass over the gradients; the parameters are searched
  ///   only when something is wrong.
  public static func check(_ store: ParameterStore, step: Int) throws(TensorError) {
    guard !allFinite(store.gradients[...]) else { return }
    let culprit = store.parameters.first { !allFinite(store.gradients[$0.range]) }
    throw .nonFinite(step: step, tensor: (culprit?.name ?? "parameters") + ".grad")
  }

  /// Whether every element is finite: a float is NaN or ±∞ exactly when its eight exponent
  /// bits are all ones, so the largest masked exponent field decides (an integer max
  /// reduction, which vectorises; a float sum would not).
  static func allFinite(_ values: ArraySlice<Float>) -> Bool {
    values.withUnsafeBufferPointer { p in
      var largest: UInt32 = 0
      for x in p { largest = max(largest, x.bitPattern & 0x7F80_0000) }
      return largest != 0x7F80_0000
    }
  }
}
