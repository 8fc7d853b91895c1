/// The buffers of one worker: a channel-major input image `[3, 224, 224]` and three
/// activation buffers of `EfficientNetArchitecture.largestActivation` floats that the
/// layers rotate through. Allocated once per worker per call, never shared between threads.
final class EfficientNetWorkspace {
  let input: UnsafeMutablePointer<Float>
  let activations: [UnsafeMutablePointer<Float>]

  init() {
    let side = EfficientNetArchitecture.imageSide
    input = .allocate(capacity: 3 * side * side)
    activations = (0..<3).map { _ in .allocate(capacity: EfficientNetArchitecture.largestActivation) }
  }

  deinit {
    input.deallocate()
    for buffer in activations { buffer.deallocate() }
  }
}
