extension BuiltinDataset {
  /// gensim 4.4.0's CPython 3.11 manylinux wheel: the same file on every machine, whatever
  /// its own Python (only test data is unzipped from it).
  static let gensimWheel = WheelSpec(
    name: "gensim", version: "4.4.0",
    sha256: "91a7fa5e814e7b1bad4b2dffa8d62c1e55410d5cbdf930714c1997ffb4404db8",
    platformArguments: [
      "--platform", "manylinux_2_28_x86_64", "--python-version", "3.11", "--implementation", "cp",
      "--abi", "cp311",
    ])

  static let gensimData = "gensim/test/test_data/"
  static let gensimCitation =
    "R. Řehůřek, P. Sojka. Software framework for topic modelling with large corpora. "
    + "LREC 2010 Workshop on New Challenges for NLP Frameworks (gensim 4.4.0 test data)."

  /// A dataset made of files from gensim's test data.
  static func gensim(
    id: String, title: String, license: String, citation: String, kind: String, items: Int,
    splitRule: String = "none: an evaluation set", files: [(name: String, sha256: String, bytes: Int)],
    layout: Layout
  ) -> BuiltinDataset {
    BuiltinDataset(
      info: DatasetInfo(
        id: id, title: title,
        source: "PyPI gensim 4.4.0, \(gensimData)" + files.map(\.name).joined(separator: ", "),
        version: gensimWheel.version, license: license, citation: citation, kind: kind, items: items,
        splitRule: splitRule,
        files: files.map { DataFile(path: gensimData + $0.name, sha256: $0.sha256, bytes: $0.bytes) }),
      source: .wheel(gensimWheel), layout: layout)
  }

  /// Mikolov et al.'s analogy questions.
  static let analogies = gensim(
    id: "analogies", title: "Word analogies (19,544 questions, 14 sections)",
    license: "Apache-2.0 (word2vec distribution)",
    citation: "T. Mikolov, K. Chen, G. Corrado, J. Dean. Efficient estimation of word "
      + "representations in vector space. ICLR Workshop 2013.",
    kind: "analogy questions a : b :: c : d", items: 19_544,
    splitRule: "none: an evaluation set (5 semantic and 9 syntactic `gram*` sections)",
    files: [("questions-words.txt", "8c29b3332afc46f3fb8be04cb5297bf96f39aa7131272dff57869b4485b22a36", 603_955)],
    layout: .analogies)

  /// WordSimilarity-353.
  static let wordsim353 = gensim(
    id: "wordsim353", title: "WordSim-353 (353 word pairs with human similarity)",
    license: "research use (Finkelstein et al.)",
    citation: "L. Finkelstein et al. Placing search in context: the concept revisited. "
      + "ACM TOIS 20(1):116–131, 2002.",
    kind: "word pairs with a human score (0–10)", items: 353,
    files: [("wordsim353.tsv", "f92a022fc2537793a15bc3a8c162ebcd74990e033a228bb6388cb71e4c0b1e1d", 7_186)],
    layout: .wordPairs)

  /// SimLex-999.
  static let simlex999 = gensim(
    id: "simlex999", title: "SimLex-999 (999 word pairs with human similarity)",
    license: "research use (Hill, Reichart, Korhonen)",
    citation: "F. Hill, R. Reichart, A. Korhonen. SimLex-999: evaluating semantic models with "
      + "(genuine) similarity estimation. Computational Linguistics 41(4):665–695, 2015.",
    kind: "word pairs with a human score (0–10)", items: 999,
    files: [("simlex999.txt", "d5e0501971478a511430ee880bd0121e94ac701ba86d90544d83e6d2ba3db05d", 18_126)],
    layout: .wordPairs)

  /// The Lee corpus: 300 background news documents and the 50 documents of the Lee
  /// similarity study.
  static let leeCorpus = gensim(
    id: "lee-corpus", title: "Lee corpus (300 background + 50 evaluation news documents)",
    license: "research use (Lee, Pincombe, Welsh)",
    citation: "M. D. Lee, B. Pincombe, M. Welsh. An empirical evaluation of models of text "
      + "document similarity. CogSci 2005. " + gensimCitation,
    kind: "documents", items: 350,
    splitRule: "the corpus's own: background documents (train), evaluation documents (test)",
    files: [
      ("lee_background.cor", "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb", 360_082),
      ("lee.cor", "a878f9a58f6743c32985c56c2f2f75988386216b38a4023a01fd3bcf7884d93e", 24_658),
    ],
    layout: .leeCorpus)

  /// METEOR 1.5's jar (a zip holding WordNet synonyms, stemmer and function words) and its
  /// English paraphrase table, from pycocoevalcap 1.2; for the caption metrics.
  static let meteor = BuiltinDataset(
    info: DatasetInfo(
      id: "meteor-1.5", title: "METEOR 1.5 data (jar with WordNet files; English paraphrases)",
      source: "PyPI pycocoevalcap 1.2, pycocoevalcap/meteor/", version: "1.2",
      license: "METEOR: LGPL-2.1; WordNet: WordNet 3.0 license; pycocoevalcap: BSD",
      citation: "M. Denkowski, A. Lavie. Meteor Universal: language specific translation "
        + "evaluation for any target language. WMT 2014.",
      kind: "package data (files)", items: 2,
      splitRule: "none: files read by the METEOR metric",
      files: [
        DataFile(
          path: "pycocoevalcap/meteor/meteor-1.5.jar",
          sha256: "1e57b4c72c0830ebe68558f1c799a624e96cbc1b6045c9f6330e26dcff6eafc2",
          bytes: 6_318_693),
        DataFile(
          path: "pycocoevalcap/meteor/data/paraphrase-en.gz",
          sha256: "c147ac7d2c91f2fbb3ad31e4b352235061eb83145e0434daf217ee9ca5975f48",
          bytes: 61_813_011),
      ]),
    source: .wheel(
      WheelSpec(
        name: "pycocoevalcap", version: "1.2",
        sha256: "083ed7910f1aec000b0a237ef6665f74edf19954204d0b1cbdb8399ed132228d")),
    layout: .packageFiles)
}
