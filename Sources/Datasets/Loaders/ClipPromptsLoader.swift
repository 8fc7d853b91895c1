/// CLIP's zero-shot prompts for one dataset.
public struct PromptSet: Sendable, Equatable {
  /// The dataset's name (the `## ` heading), e.g. `"CIFAR10"`.
  public var name: String
  /// Class names; a class may have several synonyms (FacialEmotionRecognition2013).
  public var classes: [[String]]
  /// Templates with `{}` where the class name goes.
  public var templates: [String]

  /// Every template filled with the first name of `classIndex`.
  public func prompts(for classIndex: Int) -> [String] {
    let name = classes[classIndex].first ?? ""
    return templates.map { $0.replacingOccurrences(of: "{}", with: name) }
  }
}

/// `prompts.md` of openai/CLIP: for each dataset a `## Name` heading and a code block with
/// `classes = [...]` and `templates = [...]` as Python literals (`PythonLiteral`).
/// Items: one per dataset (text = the first prompt of the first class, references = the
/// first name of every class).
enum ClipPromptsLoader {
  /// The prompt sets in file order.
  ///
  /// - Throws: `DatasetError.malformed` naming the section that does not parse.
  static func promptSets(_ text: String, dataset: String, path: String) throws(DatasetError)
    -> [PromptSet]
  {
    var sets: [PromptSet] = []
    for section in text.components(separatedBy: "\n## ").dropFirst() {
      let name = String(section.prefix { $0 != "\n" })
      func list(_ key: String) throws(DatasetError) -> PythonLiteral {
        guard let start = section.range(of: "\(key) = ") else {
          throw .malformed(dataset: dataset, path: path, reason: "section \(name) has no '\(key) = '")
        }
        do {
          return try PythonLiteral.parse(section[start.upperBound...]).0
        } catch {
          throw .malformed(
            dataset: dataset, path: path, reason: "section \(name), \(key): \(error.reason)")
        }
      }
      guard case .list(let classItems) = try list("classes"), let templates = try list("templates").strings
      else {
        throw .malformed(dataset: dataset, path: path, reason: "section \(name): expected lists of strings")
      }
      var classes: [[String]] = []
      for item in classItems {
        guard let names = item.strings, !names.isEmpty else {
          throw .malformed(dataset: dataset, path: path, reason: "section \(name): a class is not a string")
        }
        classes.append(names)
      }
      sets.append(PromptSet(name: name, classes: classes, templates: templates))
    }
    return sets
  }

  static func load(_ context: LoaderContext) throws(DatasetError) -> Dataset {
    let (text, path) = try context.text("prompts.md")
    let sets = try promptSets(text, dataset: context.id, path: path)
    return context.dataset(
      items: sets.map { set in
        DataItem(
          id: set.name, text: set.classes.isEmpty ? "" : set.prompts(for: 0).first ?? "",
          references: set.classes.compactMap(\.first))
      },
      notes: [
        DatasetNote("datasets with classes and templates", count: sets.count, action: "parsed"),
        DatasetNote(
          "class names", count: sets.reduce(0) { $0 + $1.classes.count }, action: "parsed"),
        DatasetNote(
          "templates", count: sets.reduce(0) { $0 + $1.templates.count }, action: "parsed"),
      ])
  }
}
