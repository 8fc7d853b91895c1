/// The documented cleaning rules that turn Openclipart drawings into image–text pairs.
///
/// 1. **Duplicates across categories.** A file that is a symbolic link to another drawing
///    (the packagers filed one drawing under several categories) is dropped; the drawing
///    keeps the category of its real file. Byte-identical copies are dropped too.
/// 2. **Generic titles.** A title is *generic* — it names a collection, a theme or an
///    uploader, not the drawing — when it is empty, starts with "Clipart by", contains
///    "Part of the … Collection", or is shared by `sharedTitleLimit` or more drawings
///    ("gramastar" ×1,375, "Lemon SVG theme", "Etiquette Icons", …). A generic title is
///    dropped; only drawings with a specific title form image–text pairs.
/// 3. **Keywords.** Keywords are trimmed, lower-cased and deduplicated; empty keywords,
///    the author's name or one of its words (from `dc:creator`), and the names of the
///    folders the drawing is filed under (added by the packagers; they would leak the
///    category label) are removed.
enum ClipartCleaning {
  /// A title shared by this many drawings or more is a collection name.
  static let sharedTitleLimit = 20

  /// Whether `title` is generic given how many drawings share it (lower-cased).
  static func isGeneric(_ title: String, sharedBy count: Int) -> Bool {
    let lower = title.lowercased()
    return lower.isEmpty || lower.hasPrefix("clipart by")
      || (lower.contains("part of the") && lower.contains("collection"))
      || count >= sharedTitleLimit
  }

  /// Why a keyword was removed.
  enum Removal {
    case author, folder, empty
  }

  /// The cleaned keywords, and the removed ones with their reason.
  static func keywords(_ raw: [String], creator: String, folders: [String]) -> (
    kept: [String], removed: [Removal]
  ) {
    let authorWords = Set(
      creator.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter {
        $0.count >= 3
      })
    let author = creator.lowercased().trimmingCharacters(in: .whitespaces)
    let folderNames = Set(folders.map { $0.lowercased() })
    var kept: [String] = []
    var removed: [Removal] = []
    for keyword in raw {
      let k = keyword.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
      if k.isEmpty {
        removed.append(.empty)
      } else if (!author.isEmpty && k == author) || authorWords.contains(k) {
        removed.append(.author)
      } else if folderNames.contains(k) {
        removed.append(.folder)
      } else if !kept.contains(k) {
        kept.append(k)
      }
    }
    return (kept, removed)
  }
}
