extension BuiltinDataset {
  static let mnistCommit = "283b387221ab46655e600cfcc25d843bb14292b9"

  /// The MNIST test set, 10,000 digits of 28×28 pixels.
  static let mnistTest = BuiltinDataset(
    info: DatasetInfo(
      id: "mnist-test",
      title: "MNIST test set (10,000 handwritten digits)",
      source: "kelas/mnist@\(mnistCommit)", version: mnistCommit,
      license: "MNIST (LeCun, Cortes, Burges); freely available for research",
      citation: "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. Gradient-based learning applied "
        + "to document recognition. Proceedings of the IEEE 86(11):2278–2324, 1998.",
      kind: "labelled images", items: 10_000,
      splitRule: "none: the MNIST test set is one pool; protocols draw seeded samples from it",
      files: [
        mirrorFile(
          "mnist-test/t10k-images-idx3-ubyte.gz", "167310007f03058885c7e95e6c0b19c20de5c7fd3031f4cbdadc9014a523d80b", 1_648_877,
          repository: "kelas/mnist", commit: mnistCommit, path: "t10k-images-idx3-ubyte.gz"),
        mirrorFile(
          "mnist-test/t10k-labels-idx1-ubyte.gz", "fc607395669ec21321ea83e4b82c0544b7e8e63ff5b34337c06bc0a17cc0da3c", 4_542,
          repository: "kelas/mnist", commit: mnistCommit, path: "t10k-labels-idx1-ubyte.gz"),
      ]),
    source: .mirror,
    layout: .idxImages(
      IDXPair(
        images: "mnist-test/t10k-images-idx3-ubyte.gz",
        labels: "mnist-test/t10k-labels-idx1-ubyte.gz"),
      classNames: (0...9).map(String.init)))

  static let fashionFolder = "usr/share/datasets/fashion-mnist/"

  /// Fashion-MNIST, 60,000 training and 10,000 test images from the Debian package.
  static let fashionMNIST = BuiltinDataset(
    info: DatasetInfo(
      id: "fashion-mnist",
      title: "Fashion-MNIST (70,000 Zalando article images, 10 classes)",
      source: "Debian package dataset-fashion-mnist", version: "0.0~git20200523.55506a9-1",
      license: "MIT (zalandoresearch/fashion-mnist)",
      citation: "H. Xiao, K. Rasul, R. Vollgraf. Fashion-MNIST: a novel image dataset for "
        + "benchmarking machine learning algorithms. arXiv:1708.07747, 2017.",
      kind: "labelled images", items: 70_000,
      splitRule: "the published train and test files",
      files: [
        DataFile(
          path: fashionFolder + "train-images-idx3-ubyte.gz",
          sha256: "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
          bytes: 26_421_856),
        DataFile(
          path: fashionFolder + "train-labels-idx1-ubyte.gz",
          sha256: "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
          bytes: 29_491),
        DataFile(
          path: fashionFolder + "t10k-images-idx3-ubyte.gz",
          sha256: "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
          bytes: 4_422_079),
        DataFile(
          path: fashionFolder + "t10k-labels-idx1-ubyte.gz",
          sha256: "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
          bytes: 5_125),
      ]),
    source: .debian(package: "dataset-fashion-mnist", version: "0.0~git20200523.55506a9-1"),
    layout: .idxSplits(
      train: IDXPair(
        images: fashionFolder + "train-images-idx3-ubyte.gz",
        labels: fashionFolder + "train-labels-idx1-ubyte.gz"),
      test: IDXPair(
        images: fashionFolder + "t10k-images-idx3-ubyte.gz",
        labels: fashionFolder + "t10k-labels-idx1-ubyte.gz"),
      classNames: [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
        "Bag", "Ankle boot",
      ]))

  static let clipartFolder = "usr/share/openclipart/svg"

  /// Openclipart 0.18: public-domain SVG drawings in 22 category folders.
  static let clipart = BuiltinDataset(
    info: DatasetInfo(
      id: "clipart",
      title: "Openclipart 0.18 (public-domain SVG drawings, 22 categories)",
      source: "Debian package openclipart-svg", version: "1:0.18+dfsg-19",
      license: "Public domain (Open Clip Art Library, CC0-style dedication)",
      citation: "Open Clip Art Library, release 0.18 (2005), https://openclipart.org; "
        + "Debian package openclipart-svg.",
      kind: "image–text pairs (drawing, title, keywords, category)", items: 7_458,
      splitRule: "Reprise's: 80/20 stratified by category over the deduplicated drawings, seed 0",
      files: [],
      trees: [
        DataTree(
          path: clipartFolder, files: 8_121, bytes: 195_751_337,
          sha256: "5198a1d6632743706ab689afca38009bb04cc534ac37e2140c5db402ed285e2c")
      ]),
    source: .debian(package: "openclipart-svg", version: "1:0.18+dfsg-19"),
    layout: .clipart)

  static let emojiFolder = "usr/share/rubygems-integration/all/gems/gemojione-3.3.0/"

  /// EmojiOne 2 PNGs (64×64) with names, keywords and categories from the gemojione gem.
  static let emoji = BuiltinDataset(
    info: DatasetInfo(
      id: "emoji",
      title: "EmojiOne 2 (1,794 emoji, 64×64 PNG, names and keywords)",
      source: "Debian package ruby-gemojione", version: "3.3.0-1",
      license: "Emoji artwork CC BY 4.0 (EmojiOne); gem code MIT",
      citation: "EmojiOne 2.2 artwork by Ranks.com, CC BY 4.0; gemojione 3.3.0 (Debian "
        + "ruby-gemojione).",
      kind: "image–text pairs (emoji, name, keywords, category)", items: 1_794,
      splitRule: "Reprise's: 80/20 stratified by category, seed 0",
      files: [
        DataFile(
          path: emojiFolder + "config/index.json",
          sha256: "f5a5bea20b35c1ba0827e2809cc38b9918f5d8b066c987794ecf4cd86025ceeb",
          bytes: 655_022)
      ],
      trees: [
        DataTree(
          path: emojiFolder + "assets/png", files: 1_794, bytes: 1_947_083,
          sha256: "96f1f89331d57683bb07f17e8ec479ddeee1be780f1d060314641721e6d4f2ab")
      ]),
    source: .debian(package: "ruby-gemojione", version: "3.3.0-1"),
    layout: .emoji)
}
