import Foundation
import Mustache

/// The HTML page around the body: a Mustache template from the `templates` resource folder,
/// with the style sheet inline, so the page needs no network and no other file.
struct Page {
  struct Context {
    var title: String
    var subtitle: String?
    var author: String?
    var date: String?
    var abstract: String?
    var body: String
  }

  /// Renders `page.mustache`. Every template value but the body is escaped by Mustache's `{{ }}`.
  static func html(_ context: Context) throws -> String {
    guard let url = Bundle.module.url(forResource: "templates/page", withExtension: "mustache"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else {
      throw ReportError(at: nil, "the page template templates/page.mustache is missing from the Reprise installation")
    }
    let template = try MustacheTemplate(string: text)
    var values: [String: Any] = ["title": context.title, "body": context.body]
    let meta = [context.author, context.date].compactMap { $0 }.joined(separator: " · ")
    if !meta.isEmpty { values["meta"] = meta }
    if let subtitle = context.subtitle { values["subtitle"] = subtitle }
    if let abstract = context.abstract { values["abstract"] = abstract }
    return template.render(values)
  }
}
