/// A dataset Reprise knows by id: its provenance, pinned files and layout.
///
/// Add a dataset by adding one entry to `BuiltinDataset.all`.
struct BuiltinDataset: Sendable {
  /// How the pinned files form a dataset.
  enum Layout: Sendable {
    /// IDX images `[n, h, w]` and IDX labels `[n]` (paths relative to the mirror), with
    /// the name of each label.
    case idxImages(images: String, labels: String, classNames: [String])
  }

  /// Provenance and pinned files (paths relative to the data mirror).
  var info: DatasetInfo
  var layout: Layout

  /// The built-in catalog, in listing order.
  static let all: [BuiltinDataset] = [mnistTest]

  /// The MNIST test set, 10,000 digits of 28×28 pixels.
  static let mnistTest = BuiltinDataset(
    info: DatasetInfo(
      id: "mnist-test",
      title: "MNIST test set (10,000 handwritten digits)",
      source: "kelas/mnist@283b387221ab46655e600cfcc25d843bb14292b9",
      license: "MNIST (LeCun, Cortes, Burges); freely available for research",
      citation: "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. Gradient-based learning applied "
        + "to document recognition. Proceedings of the IEEE 86(11):2278–2324, 1998.",
      files: [
        DataFile(
          path: "mnist-test/t10k-images-idx3-ubyte.gz",
          sha256: "167310007f03058885c7e95e6c0b19c20de5c7fd3031f4cbdadc9014a523d80b",
          bytes: 1_648_877),
        DataFile(
          path: "mnist-test/t10k-labels-idx1-ubyte.gz",
          sha256: "fc607395669ec21321ea83e4b82c0544b7e8e63ff5b34337c06bc0a17cc0da3c",
          bytes: 4_542),
      ]),
    layout: .idxImages(
      images: "mnist-test/t10k-images-idx3-ubyte.gz",
      labels: "mnist-test/t10k-labels-idx1-ubyte.gz",
      classNames: (0...9).map(String.init)))
}
