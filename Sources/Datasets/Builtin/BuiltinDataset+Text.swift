extension BuiltinDataset {
  static let mvsaCommit = "99eec1bf287853b30e8a1b34e747b4c44e994b8d"

  /// MVSA-Single: tweets with their images and a sentiment label.
  static let mvsaSingle = BuiltinDataset(
    info: DatasetInfo(
      id: "mvsa-single",
      title: "MVSA-Single (4,869 tweets with images, 3 sentiments)",
      source: "coderkhongodo/mvsa@\(mvsaCommit)", version: mvsaCommit,
      license: "MVSA (Niu et al. 2016): research use",
      citation: "T. Niu, S. Zhu, L. Pang, A. El Saddik. Sentiment analysis on multi-view social "
        + "data. MultiMedia Modeling (MMM), 2016.",
      kind: "image–text pairs (tweet image, tweet text, sentiment)", items: 4_869,
      splitRule: "the dataset's own (the `split` column of labels.csv)",
      files: [
        mirrorFile(
          "mvsa-single/labels.csv", "026296ddfe78841906fe65499ce6c3bfeee95f56f63fcffa324f378cb62cebf9", 522_387,
          repository: "coderkhongodo/mvsa", commit: mvsaCommit, path: "data/data_key_mvsa.csv")
      ],
      trees: [
        // Downscaled in the mirror (short side ≤ 224, JPEG quality 85): no public original.
        DataTree(
          path: "mvsa-single/images", files: 4_869, bytes: 83_249_950,
          sha256: "f11908f8ee5022cffa2389116284d7c4ac7ef1974187c98db9d46bcd9df5d228")
      ]),
    source: .mirror, layout: .mvsa)

  static let bookCommit = "f0f0039c109c18599fd1b67b36a8f241b55f4b2f"

  /// BookCover30 test listing: titles and genres (no cover images).
  static let book30Titles = BuiltinDataset(
    info: DatasetInfo(
      id: "book30-titles",
      title: "BookCover30 titles (5,700 books, 30 genres; test listing)",
      source: "uchidalab/book-dataset@\(bookCommit)", version: bookCommit,
      license: "Apache-2.0 (repository); titles are Amazon's",
      citation: "B. K. Iwana, S. T. Raza Rizvi, S. Ahmed, A. Dengel, S. Uchida. Judging a book "
        + "by its cover. arXiv:1610.09204, 2016.",
      kind: "texts with a class (book title, genre)", items: 5_700,
      splitRule: "Reprise's: the file is the published test listing, so Reprise splits it 80/20, "
        + "stratified by genre, seed 0",
      files: [
        mirrorFile(
          "book30/book30-listing-test.csv", "ae5c1f1b1ec91691a9f6a747c164da1caf2012c62fcaa72e3aa22c7094ea618d", 1_080_960,
          repository: "uchidalab/book-dataset", commit: bookCommit, path: "Task1/book30-listing-test.csv"),
        mirrorFile(
          "book30/bookcover30-labels-test.txt", "59b299e49dc4e71432ba0e486e7f41cc7ead0e67e7600547689426efaddb848c", 100_700,
          repository: "uchidalab/book-dataset", commit: bookCommit, path: "Task1/bookcover30-labels-test.txt"),
      ]),
    source: .mirror, layout: .book30)

  static let cocoCommit = "61e2b7b4d9954bfdaba31ecfbb71d9b0f42235ae"

  /// One human caption per COCO val2014 image (no images).
  static let cocoCaptions = BuiltinDataset(
    info: DatasetInfo(
      id: "coco-captions",
      title: "COCO val2014 captions (40,504, one per image; no images)",
      source: "tylin/coco-caption@\(cocoCommit)", version: cocoCommit,
      license: "COCO annotations CC BY 4.0",
      citation: "X. Chen, H. Fang, T.-Y. Lin, R. Vedantam, S. Gupta, P. Dollár, C. L. Zitnick. "
        + "Microsoft COCO Captions: data collection and evaluation server. arXiv:1504.00325, 2015.",
      kind: "captions", items: 40_504,
      splitRule: "none: a caption corpus (val2014 images, none of them in any train split here)",
      files: [
        mirrorFile(
          "coco-captions/captions_val2014_submission.json", "13e908c92cc01e596a1f479e8f59304ae4ee1214181564b49cd0a7ffa4923c73", 3_613_142,
          repository: "tylin/coco-caption", commit: cocoCommit, path: "data/captions_val2014_submission.json")
      ]),
    source: .mirror, layout: .cocoCaptions)

  static let flickrCommit = "5ab3142167da9315c4287173ed24a643a0425ab8"

  /// Flickr8k captions: five references per image with the published splits (no images).
  static let flickr8kCaptions = BuiltinDataset(
    info: DatasetInfo(
      id: "flickr8k-captions",
      title: "Flickr8k captions (8,092 images × 5 references; no images)",
      source: "prakhar-dhakar/Image-Captioning@\(flickrCommit)", version: flickrCommit,
      license: "Hodosh et al. 2013: research use only",
      citation: "M. Hodosh, P. Young, J. Hockenmaier. Framing image description as a ranking "
        + "task: data, models and evaluation metrics. JAIR 47:853–899, 2013.",
      kind: "images with five reference captions", items: 8_092,
      splitRule: "the published image lists (dev is val); images in no list have no split",
      files: [
        "Flickr8k.token.txt": (
          "9b8608b02da9040581f1e3d4c8738db1fb6f63314342100432adc3962f77d71a", 3_395_229
        ),
        "Flickr_8k.trainImages.txt": (
          "e330ddd5156a4c2d2e2b67bc587e70e588f2d132bd8a10dc54dcb71e58115d8e", 154_678
        ),
        "Flickr_8k.devImages.txt": (
          "18ba829f47f6df1cb830bf7f0506e2ddf333818925299babbd1bbcaf50fdc504", 25_801
        ),
        "Flickr_8k.testImages.txt": (
          "c0924146c131458ceba45da59670fe9520eadce1e5cafffa16a817672a9b1f17", 25_775
        ),
      ].sorted { $0.key < $1.key }.map { name, pin in
        DataFile(
          path: "flickr8k-captions/" + name, sha256: pin.0, bytes: pin.1,
          origin: github("prakhar-dhakar/Image-Captioning", flickrCommit, name))
      }),
    source: .mirror, layout: .flickr8k)

  static let clipCommit = "d05afc436d78f1c48dc0dbf8e5980a9d471f35f6"

  /// CLIP's zero-shot class names and prompt templates for 26 datasets.
  static let clipPrompts = BuiltinDataset(
    info: DatasetInfo(
      id: "clip-prompts",
      title: "CLIP zero-shot prompts (class names and templates, 26 datasets)",
      source: "openai/CLIP@\(clipCommit)", version: clipCommit, license: "MIT",
      citation: "A. Radford et al. Learning transferable visual models from natural language "
        + "supervision. ICML 2021.",
      kind: "class names and prompt templates per dataset", items: 26,
      splitRule: "none: prompts, not examples",
      files: [
        mirrorFile(
          "clip-prompts/prompts.md", "f98d2d25e78cc1fee650240b519f7cb58a83cfcc5aa538cde52514809cf4a1c9", 72_430,
          repository: "openai/CLIP", commit: clipCommit, path: "data/prompts.md")
      ]),
    source: .mirror, layout: .clipPrompts)
}
