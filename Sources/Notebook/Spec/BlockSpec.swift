/// A validated computation block: what to run, on what, and how to show it.
public struct BlockSpec: Sendable {
  /// Position among the report's computation blocks (0-based).
  public var index: Int
  /// The author's label (`fig-x`) or a generated id (`block-3`) for unlabelled blocks.
  public var id: String
  public var label: String?
  public var classes: [String]
  /// The computation kind (`run:`).
  public var kind: String
  public var location: SourceLocation
  /// Parameters that change the numbers, with defaults filled in.
  public var parameters: [String: ParameterValue]
  /// Where each given key's value is, for data-dependent errors found later.
  public var valueLocations: [String: SourceLocation]
  /// Presentation: not part of the cache key.
  public var caption: String?
  public var captionLocation: SourceLocation?
  public var show: [String]?
  public var width: Double?
  /// `error: true`: a failure is rendered in place and the render goes on.
  public var allowError: Bool

  /// Datasets this block reads (values of `.dataset` parameters).
  public var datasets: [String] = []
  /// Labels of blocks whose results this block reads (values of `.blocks` parameters).
  public var upstream: [String] = []
  /// Models this block runs or reads (values of `.model` parameters).
  public var models: [String] = []

  /// Where the value of `key` was written, or the block's fence.
  public func location(of key: String) -> SourceLocation { valueLocations[key] ?? location }

  public func int(_ key: String) -> Int { parameters[key]?.int ?? 0 }
  public func ints(_ key: String) -> [Int] { parameters[key]?.list?.compactMap(\.int) ?? [] }
  public func string(_ key: String) -> String { parameters[key]?.string ?? "" }
  public func strings(_ key: String) -> [String] { parameters[key]?.list?.compactMap(\.string) ?? [] }
  public func bool(_ key: String) -> Bool { parameters[key]?.bool ?? false }
}

/// Keys every block accepts, whatever its kind.
enum CommonKeys {
  static let run = "run"
  static let caption = "caption"
  static let show = "show"
  static let width = "width"
  static let error = "error"
  static let all = [run, caption, show, width, error]
}

extension BlockSpec {
  /// Validates a raw block against its kind's parameters.
  ///
  /// Errors name the file, line and column of the offending key or value and list the valid
  /// keys, like `x.md:14:1: unknown key 'shot' for 'prototype'; valid keys: …`.
  init(raw: RawBlock, index: Int, file: String, registry: Registry) throws(ReportError) {
    let yaml = YAMLSource(text: raw.body, file: file, firstLine: raw.bodyLine, indent: raw.bodyIndent)
    let root = try yaml.parse()
    guard case .mapping(let entries) = root.kind else {
      throw ReportError(at: root.location, "a reprise block's body must be a YAML mapping of keys to values")
    }
    guard let runEntry = entries.first(where: { $0.key.string == CommonKeys.run }) else {
      throw ReportError(at: raw.location, "missing key 'run'; the block kinds are: \(registry.names.joined(separator: ", "))")
    }
    let kindName = try runEntry.value.text()
    guard let kind = registry.kind(named: kindName) else {
      throw ReportError(at: runEntry.value.location, "unknown block kind '\(kindName)'; the block kinds are: \(registry.names.joined(separator: ", "))")
    }
    self.index = index
    self.label = raw.info.label
    self.id = raw.info.label ?? "block-\(index + 1)"
    self.classes = raw.info.classes
    self.kind = kindName
    self.location = raw.location
    self.parameters = [:]
    self.valueLocations = [:]
    self.allowError = false
    let parameters = kind.parameters
    let validKeys = (CommonKeys.all + parameters.map(\.name)).joined(separator: ", ")
    for (key, value) in entries where key.string != CommonKeys.run {
      valueLocations[key.string] = value.location
      switch key.string {
      case CommonKeys.caption:
        caption = try value.text()
        captionLocation = value.location
      case CommonKeys.show:
        let choices = kind.outputs
        show = try Parameter(CommonKeys.show, .stringList(choices: choices, maxCount: choices.count), help: "")
          .validate(value).list?.compactMap(\.string)
      case CommonKeys.width:
        width = try Parameter(CommonKeys.width, .double(0.1...1), help: "").validate(value).double
      case CommonKeys.error:
        allowError = try value.bool()
      default:
        guard let parameter = parameters.first(where: { $0.name == key.string }) else {
          throw ReportError(at: key.location, "unknown key '\(key.string)' for '\(kindName)'; valid keys: \(validKeys)")
        }
        self.parameters[key.string] = try parameter.validate(value)
      }
    }
    for parameter in parameters {
      if self.parameters[parameter.name] == nil {
        guard let value = parameter.defaultValue else {
          throw ReportError(at: raw.location, "missing key '\(parameter.name)' for '\(kindName)' (\(parameter.help)); valid keys: \(validKeys)")
        }
        self.parameters[parameter.name] = value
      }
      let names = self.parameters[parameter.name].map { $0.list?.compactMap(\.string) ?? [$0.string].compactMap { $0 } } ?? []
      switch parameter.role {
      case .dataset: datasets += names
      case .blocks: upstream += names
      case .model: models += names
      case .computation: break
      }
    }
  }
}
