/// One spatial axis of a TensorFlow `SAME` convolution whose padding is fixed for one input
/// size, as `Conv2dStaticSamePadding` computes it: `output = ⌈input/stride⌉`, total padding
/// `max((output − 1)·stride + kernel − input, 0)`, of which `⌊total/2⌋` goes before the
/// image and the rest after (so stride-2 layers pad only after: TensorFlow's asymmetry).
///
/// Reference: `efficientnet_lite_pytorch/utils.py`, `Conv2dStaticSamePadding.__init__`.
struct SamePadding: Equatable {
  let input, kernel, stride: Int

  /// `⌈input/stride⌉`.
  var output: Int { (input + stride - 1) / stride }
  /// Zero rows (or columns) added before the first input pixel.
  var before: Int { max((output - 1) * stride + kernel - input, 0) / 2 }
}

/// One MBConv block of EfficientNet-Lite0 with its static input size: expand 1×1 (unless
/// `expansion == 1`), depthwise `kernel × kernel` with `stride`, project 1×1; the input is
/// added back when the stride is 1 and the widths agree.
struct MBConvSpec: Equatable {
  let inputs, outputs, expansion, kernel, stride: Int
  /// Input side (square) the block's static padding was computed for.
  let inputSide: Int

  /// Channels after expansion.
  var expanded: Int { inputs * expansion }
  /// The depthwise convolution's padding along either axis.
  var padding: SamePadding { SamePadding(input: inputSide, kernel: kernel, stride: stride) }
  /// Output side.
  var outputSide: Int { padding.output }
  /// Whether the block adds its input to its output (`id_skip`, stride 1, equal widths).
  var hasSkip: Bool { stride == 1 && inputs == outputs }

  /// Multiply-adds per image: expand, depthwise and project.
  var multiplyAdds: Int {
    let (p, q) = (inputSide * inputSide, outputSide * outputSide)
    return (expansion == 1 ? 0 : p * inputs * expanded) + q * expanded * kernel * kernel + q * expanded * outputs
  }
}

/// The layer table of EfficientNet-Lite0 (width and depth coefficients 1.0, 224² input):
/// a 3×3 stride-2 stem to 32 channels, 16 MBConv blocks in 7 stages, a 1×1 head to 1280
/// channels, global average pooling and a 1000-way linear classifier; ReLU6 after every
/// convolution except the projections; no squeeze-excitation.
///
/// Reference: `efficientnet_lite_pytorch/utils.py`, `efficientnet_lite` (block strings
/// `r1_k3_s11_e1_i32_o16` … `r1_k3_s11_e6_i192_o320`) and `model.py`, `EfficientNet.__init__`
/// (`fix_head_stem`: the stem and head are not scaled).
enum EfficientNetArchitecture {
  /// Input side in pixels: the static padding of every layer is computed for it.
  static let imageSide = 224
  /// Stem output channels.
  static let stemChannels = 32
  /// Head output channels: the pooled feature width.
  static let featureWidth = 1280
  /// ImageNet-1k classes.
  static let classes = 1000
  /// The stem's padding along either axis (3×3, stride 2, at 224²: 0 before, 1 after).
  static let stemPadding = SamePadding(input: imageSide, kernel: 3, stride: 2)

  /// (repeats, kernel, stride, expansion, inputs, outputs) of the seven stages.
  private static let stages: [(repeats: Int, kernel: Int, stride: Int, expansion: Int, inputs: Int, outputs: Int)] = [
    (1, 3, 1, 1, 32, 16), (2, 3, 2, 6, 16, 24), (2, 5, 2, 6, 24, 40), (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112), (4, 5, 2, 6, 112, 192), (1, 3, 1, 6, 192, 320),
  ]

  /// The 16 blocks in order, each stage's first block carrying its stride.
  static let blocks: [MBConvSpec] = {
    var blocks: [MBConvSpec] = []
    var side = stemPadding.output
    for stage in stages {
      for r in 0..<stage.repeats {
        let block = MBConvSpec(
          inputs: r == 0 ? stage.inputs : stage.outputs, outputs: stage.outputs, expansion: stage.expansion,
          kernel: stage.kernel, stride: r == 0 ? stage.stride : 1, inputSide: side)
        blocks.append(block)
        side = block.outputSide
      }
    }
    return blocks
  }()

  /// Side of the head's input (7 at 224²).
  static var finalSide: Int { blocks[blocks.count - 1].outputSide }

  /// The largest activation of one image in floats (`pixels × channels` over every layer
  /// output), to size per-image workspaces.
  static var largestActivation: Int {
    let stem = stemPadding.output * stemPadding.output
    var largest = max(stem * stemChannels, stem * 27, finalSide * finalSide * featureWidth)
    for b in blocks {
      let (p, q) = (b.inputSide * b.inputSide, b.outputSide * b.outputSide)
      largest = max(largest, p * b.expanded, q * b.expanded, q * b.outputs)
    }
    return largest
  }

  /// Multiply-adds of one forward pass per image (≈ 0.39 G at 224²).
  static var multiplyAdds: Int {
    let stem = stemPadding.output * stemPadding.output * stemChannels * 27
    let head = finalSide * finalSide * blocks[blocks.count - 1].outputs * featureWidth
    return stem + blocks.map(\.multiplyAdds).reduce(0, +) + head + featureWidth * classes
  }
}
