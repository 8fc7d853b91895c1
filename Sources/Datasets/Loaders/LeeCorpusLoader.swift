/// The Lee corpus from gensim's test data: `lee_background.cor` (300 documents, one per
/// line, ASCII) is the training part; `lee.cor` (50 documents) the evaluation part.
///
/// Quirk: `lee.cor` is ISO-8859-1, not UTF-8; lines that are not valid UTF-8 are decoded
/// as ISO-8859-1 (each byte is its code point) and counted.
enum LeeCorpusLoader {
  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    var items: [DataItem] = []
    var latin1 = 0
    for (file, split) in [("lee_background.cor", Split.train), ("lee.cor", .test)] {
      let (bytes, _) = try context.bytes(file)
      for (n, line) in TextLines.split(bytes).enumerated() {
        var text = String(validating: line, as: UTF8.self)
        if text == nil {
          latin1 += 1
          text = String(String.UnicodeScalarView(line.map { Unicode.Scalar($0) }))
        }
        let document = (text ?? "").trimmingCharacters(in: .whitespaces)
        items.append(DataItem(id: "\(file.dropLast(4))/\(n + 1)", text: document, split: split))
      }
    }
    return context.dataset(
      items: items,
      notes: [
        DatasetNote("documents (background 300, evaluation 50)", count: items.count, action: "one per line"),
        DatasetNote(
          "lines of lee.cor that are ISO-8859-1, not UTF-8", count: latin1,
          action: "decoded as ISO-8859-1"),
      ])
  }
}
