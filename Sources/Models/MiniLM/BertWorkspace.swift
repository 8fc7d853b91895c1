/// The buffers of one forward pass over `N` packed tokens, allocated once per batch and
/// shared by every layer: token states `[N, D]`, the packed query-key-value projection
/// `[N, 3D]`, the attention context `[N, D]`, a sub-layer's projection `[N, D]`, the
/// feed-forward activations `[N, I]`, and one `[L_max, L_max]` score block per worker.
///
/// `@unchecked Sendable`: parallel workers only ever touch disjoint rows (or their own
/// score block), and the owner keeps the workspace alive until they finish.
final class BertWorkspace: @unchecked Sendable {
  let hidden, qkv, context, projected, intermediate: UnsafeMutablePointer<Float>
  let scores: [UnsafeMutablePointer<Float>]
  private let buffers: [UnsafeMutablePointer<Float>]

  init(tokens n: Int, configuration c: BertConfiguration, maxLength: Int, workers: Int) {
    func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
      let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
      pointer.initialize(repeating: 0, count: max(count, 1))
      return pointer
    }
    let d = c.hiddenSize
    hidden = buffer(n * d)
    qkv = buffer(n * 3 * d)
    context = buffer(n * d)
    projected = buffer(n * d)
    intermediate = buffer(n * c.intermediateSize)
    scores = (0..<workers).map { _ in buffer(maxLength * maxLength) }
    buffers = [hidden, qkv, context, projected, intermediate] + scores
  }

  deinit {
    for buffer in buffers { buffer.deallocate() }
  }
}
