import Tensor

/// EfficientNet-Lite0's layers, read from a state dict of `efficientnet-lite-pytorch`'s
/// `EfficientNet` and validated tensor by tensor, every batch norm folded into the
/// convolution before it.
///
/// The checkpoint must hold exactly the tensors `load_state_dict` expects: each weight and
/// batch-norm statistic with its shape (`num_batches_tracked` counters are allowed and
/// ignored); a missing, misshapen, non-finite or unexpected tensor is an error naming it.
struct EfficientNetWeights: Sendable {
  let stem: StemConvolution
  let blocks: [MBConvBlock]
  let head: PointwiseConvolution
  /// `[1000, 1280]` and `[1000]`.
  let classifier: (weight: [Float], bias: [Float])

  /// Batch-norm epsilon of every layer (`batch_norm_epsilon`, TensorFlow's 1e-3).
  static let batchNormEpsilon: Float = 1e-3

  /// - Parameter file: the checkpoint's name, for error messages.
  /// - Throws: `ModelError.malformedTensor` naming the first tensor at fault.
  init(checkpoint: Checkpoint, file: String) throws(ModelError) {
    var reader = StateDictReader(checkpoint: checkpoint, file: file)
    let a = EfficientNetArchitecture.self
    stem = StemConvolution(
      weight: try reader.tensor("_conv_stem.weight", [a.stemChannels, 3, 3, 3]),
      norm: try reader.batchNorm("_bn0", a.stemChannels), padding: a.stemPadding)
    var blocks: [MBConvBlock] = []
    for (i, spec) in a.blocks.enumerated() {
      let prefix = "_blocks.\(i)."
      var expand: PointwiseConvolution?
      if spec.expansion != 1 {
        expand = PointwiseConvolution(
          weight: try reader.tensor(prefix + "_expand_conv.weight", [spec.expanded, spec.inputs, 1, 1]),
          norm: try reader.batchNorm(prefix + "_bn0", spec.expanded), clamps: true)
      }
      let depthwise = DepthwiseConvolution(
        weight: try reader.tensor(prefix + "_depthwise_conv.weight", [spec.expanded, 1, spec.kernel, spec.kernel]),
        norm: try reader.batchNorm(prefix + "_bn1", spec.expanded), padding: spec.padding)
      let project = PointwiseConvolution(
        weight: try reader.tensor(prefix + "_project_conv.weight", [spec.outputs, spec.expanded, 1, 1]),
        norm: try reader.batchNorm(prefix + "_bn2", spec.outputs), clamps: false)
      blocks.append(MBConvBlock(spec: spec, expand: expand, depthwise: depthwise, project: project))
    }
    self.blocks = blocks
    head = PointwiseConvolution(
      weight: try reader.tensor("_conv_head.weight", [a.featureWidth, a.blocks[a.blocks.count - 1].outputs, 1, 1]),
      norm: try reader.batchNorm("_bn1", a.featureWidth), clamps: true)
    classifier = (
      try reader.tensor("_fc.weight", [a.classes, a.featureWidth]).storage, try reader.tensor("_fc.bias", [a.classes]).storage
    )
    try reader.rejectUnread()
  }

  /// Parameters after folding: convolution weights and biases, classifier weight and bias.
  var parameterCount: Int {
    let convolutions = [stem.convolution, head] + blocks.flatMap { [$0.expand, $0.project].compactMap { $0 } }
    return convolutions.map { $0.weight.count + $0.bias.count }.reduce(0, +)
      + blocks.map { $0.depthwise.weight.count + $0.depthwise.bias.count }.reduce(0, +)
      + classifier.weight.count + classifier.bias.count
  }
}

/// Reads named tensors of a state dict with their expected shapes, remembering which were
/// read so that leftovers can be reported.
private struct StateDictReader {
  let checkpoint: Checkpoint
  let file: String
  private(set) var read: Set<String> = []

  init(checkpoint: Checkpoint, file: String) {
    self.checkpoint = checkpoint
    self.file = file
  }

  /// The tensor `name`, which must have `shape` and finite values.
  mutating func tensor(_ name: String, _ shape: [Int]) throws(ModelError) -> Tensor {
    guard let tensor = checkpoint[name] else {
      throw .malformedTensor(file: file, tensor: name, reason: "missing (EfficientNet-Lite0 needs shape \(shape))")
    }
    guard tensor.shape == shape else {
      throw .malformedTensor(file: file, tensor: name, reason: "shape \(tensor.shape), EfficientNet-Lite0 needs \(shape)")
    }
    guard tensor.isFinite else { throw .malformedTensor(file: file, tensor: name, reason: "holds NaN or infinity") }
    read.insert(name)
    return tensor
  }

  /// The inference batch norm `<prefix>.{weight, bias, running_mean, running_var}`, all `[C]`.
  mutating func batchNorm(_ prefix: String, _ channels: Int) throws(ModelError) -> BatchNorm2d {
    let variance = try tensor(prefix + ".running_var", [channels])
    guard variance.storage.allSatisfy({ $0 >= 0 }) else {
      throw .malformedTensor(file: file, tensor: prefix + ".running_var", reason: "negative variance")
    }
    read.insert(prefix + ".num_batches_tracked")
    return BatchNorm2d(
      mean: try tensor(prefix + ".running_mean", [channels]), variance: variance, weight: try tensor(prefix + ".weight", [channels]),
      bias: try tensor(prefix + ".bias", [channels]), epsilon: EfficientNetWeights.batchNormEpsilon)
  }

  /// Throws for the first tensor of the file that no layer read.
  func rejectUnread() throws(ModelError) {
    if let extra = checkpoint.names.first(where: { !read.contains($0) }) {
      throw .malformedTensor(file: file, tensor: extra, reason: "unexpected: EfficientNet-Lite0 has no such tensor")
    }
  }
}
