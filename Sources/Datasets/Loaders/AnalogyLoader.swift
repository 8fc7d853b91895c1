/// One analogy question `a : b :: c : d` ("a is to b as c is to d").
public struct AnalogyQuestion: Sendable, Equatable {
  public var a: String
  public var b: String
  public var c: String
  public var d: String
}

/// A section of the analogy file (`: capital-common-countries`, `: gram1-adjective-to-adverb`).
public struct AnalogySection: Sendable, Equatable {
  /// The name after `: `.
  public var name: String
  /// Syntactic sections are the nine `gram*` ones; the others are semantic.
  public var isSyntactic: Bool { name.hasPrefix("gram") }
  /// The questions, in file order.
  public var questions: [AnalogyQuestion]
}

/// Mikolov's `questions-words.txt`: lines `: <section>` start a section; every other line
/// is four space-separated words. Items: one per question (text = the four words,
/// label = section index, references = the answer `d`).
enum AnalogyLoader {
  /// The sections of the file.
  ///
  /// - Throws: `DatasetError.malformed` naming the line that is neither.
  static func sections(_ text: String, dataset: String, path: String) throws(DatasetError)
    -> [AnalogySection]
  {
    var sections: [AnalogySection] = []
    for (n, line) in text.split(separator: "\n").enumerated() {
      if line.hasPrefix(": ") {
        sections.append(AnalogySection(name: String(line.dropFirst(2)), questions: []))
        continue
      }
      let words = line.split(separator: " ").map(String.init)
      guard words.count == 4, !sections.isEmpty else {
        throw .malformed(
          dataset: dataset, path: path, reason: "line \(n + 1): expected ': section' or four words")
      }
      sections[sections.count - 1].questions.append(
        AnalogyQuestion(a: words[0], b: words[1], c: words[2], d: words[3]))
    }
    return sections
  }

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (text, path) = try context.text("questions-words.txt")
    let sections = try sections(text, dataset: context.id, path: path)
    var items: [DataItem] = []
    for (label, section) in sections.enumerated() {
      for (i, q) in section.questions.enumerated() {
        items.append(
          DataItem(
            id: "\(section.name)/\(i)", text: "\(q.a) \(q.b) \(q.c) \(q.d)", references: [q.d],
            label: label))
      }
    }
    let semantic = sections.filter { !$0.isSyntactic }
    let syntactic = sections.filter(\.isSyntactic)
    return context.dataset(
      classNames: sections.map(\.name), items: items,
      notes: [
        DatasetNote(
          "semantic questions (\(semantic.count) sections)",
          count: semantic.reduce(0) { $0 + $1.questions.count }, action: "label = section"),
        DatasetNote(
          "syntactic questions (\(syntactic.count) gram* sections)",
          count: syntactic.reduce(0) { $0 + $1.questions.count }, action: "label = section"),
      ])
  }
}
