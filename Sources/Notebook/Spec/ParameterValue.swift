/// A validated parameter value: the canonical form that enters cache keys.
public enum ParameterValue: Sendable, Hashable, Codable {
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case list([ParameterValue])

  public var int: Int? { if case .int(let v) = self { v } else { nil } }
  public var double: Double? {
    switch self {
    case .double(let v): v
    case .int(let v): Double(v)
    default: nil
    }
  }
  public var string: String? { if case .string(let v) = self { v } else { nil } }
  public var bool: Bool? { if case .bool(let v) = self { v } else { nil } }
  public var list: [ParameterValue]? { if case .list(let v) = self { v } else { nil } }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let v = try? container.decode(Bool.self) { self = .bool(v) }
    else if let v = try? container.decode(Int.self) { self = .int(v) }
    else if let v = try? container.decode(Double.self) { self = .double(v) }
    else if let v = try? container.decode(String.self) { self = .string(v) }
    else { self = .list(try container.decode([ParameterValue].self)) }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .bool(let v): try container.encode(v)
    case .int(let v): try container.encode(v)
    case .double(let v): try container.encode(v)
    case .string(let v): try container.encode(v)
    case .list(let v): try container.encode(v)
    }
  }
}
