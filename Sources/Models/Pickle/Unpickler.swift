import Foundation

/// Interprets the subset of Python's pickle protocols 2–5 that PyTorch state dicts use.
///
/// Supported: `PROTO`, `FRAME`, `STOP`; `MARK`, `POP`, `POP_MARK`, `DUP`; `NONE`,
/// `NEWTRUE`, `NEWFALSE`, `BININT`, `BININT1`, `BININT2`, `LONG1`, `BINFLOAT`;
/// `BINUNICODE`, `SHORT_BINUNICODE`, `BINUNICODE8`, `BINBYTES`, `SHORT_BINBYTES`;
/// `EMPTY_TUPLE`, `TUPLE`, `TUPLE1`–`TUPLE3`, `EMPTY_LIST`, `LIST`, `APPEND`, `APPENDS`,
/// `EMPTY_DICT`, `DICT`, `SETITEM`, `SETITEMS`; `BINPUT`, `LONG_BINPUT`, `MEMOIZE`,
/// `BINGET`, `LONG_BINGET`; `GLOBAL`, `STACK_GLOBAL`, `REDUCE`, `BUILD`, `BINPERSID`.
/// Globals are limited to `collections.OrderedDict`, the `torch._utils._rebuild_*`
/// functions and the typed storages (`torch.FloatStorage`, …); persistent ids must be
/// PyTorch's `('storage', type, key, location, count)`. Anything else is an error naming
/// the opcode or the class, so no arbitrary object is ever constructed.
///
/// References: CPython `Lib/pickle.py` and `Lib/pickletools.py` (opcode semantics);
/// PyTorch `torch/serialization.py` (`persistent_id`, `_legacy_load`, `_load`);
/// Hugging Face candle `candle-core/src/pickle.rs` (the same subset, in Rust).
struct Unpickler {
  private let data: Data
  private let file: String
  /// Byte offset (from `data.startIndex`) of the next opcode.
  private(set) var position: Int
  private var stack: [PickleValue] = []
  private var marks: [Int] = []
  private var memo: [Int: PickleValue] = [:]

  /// An unpickler reading `data` (the bytes of `file`) from byte `position`.
  init(_ data: Data, file: String, position: Int = 0) {
    self.data = data
    self.file = file
    self.position = position
  }

  /// Runs one pickle up to its `STOP` and returns its value; `position` moves past `STOP`.
  mutating func load() throws(ModelError) -> PickleValue {
    stack = []
    marks = []
    memo = [:]
    while true {
      let start = position
      let opcode = try byte()
      if opcode == 0x2E {  // STOP
        return try pop(start)
      }
      try execute(opcode, at: start)
    }
  }

  private mutating func execute(_ opcode: UInt8, at start: Int) throws(ModelError) {
    switch opcode {
    case 0x80: _ = try byte()  // PROTO
    case 0x95: _ = try bytes(8)  // FRAME: framing is irrelevant when the whole file is in memory
    case 0x28: marks.append(stack.count)  // MARK
    case 0x30: _ = try pop(start)  // POP
    case 0x31: _ = try popMark(start)  // POP_MARK
    case 0x32: stack.append(try peek(start))  // DUP
    case 0x4E: stack.append(.none)
    case 0x88: stack.append(.bool(true))
    case 0x89: stack.append(.bool(false))
    case 0x4A: stack.append(.int(Int(Int32(bitPattern: UInt32(truncatingIfNeeded: try unsigned(4))))))  // BININT
    case 0x4B: stack.append(.int(Int(try byte())))  // BININT1
    case 0x4D: stack.append(.int(Int(try unsigned(2))))  // BININT2
    case 0x8A: stack.append(try long(byteCount: Int(try byte()), at: start))  // LONG1
    case 0x47: stack.append(.float(Double(bitPattern: try bigEndian8())))  // BINFLOAT
    case 0x58: stack.append(.string(try utf8(count: Int(try unsigned(4)), at: start)))  // BINUNICODE
    case 0x8C: stack.append(.string(try utf8(count: Int(try byte()), at: start)))  // SHORT_BINUNICODE
    case 0x8D: stack.append(.string(try utf8(count: try length8(at: start), at: start)))  // BINUNICODE8
    case 0x42: stack.append(.bytes([UInt8](try bytes(Int(try unsigned(4))))))  // BINBYTES
    case 0x43: stack.append(.bytes([UInt8](try bytes(Int(try byte())))))  // SHORT_BINBYTES
    case 0x29: stack.append(.tuple([]))
    case 0x74: stack.append(.tuple(try popMark(start)))  // TUPLE
    case 0x85, 0x86, 0x87: try makeTuple(Int(opcode) - 0x84, at: start)
    case 0x5D: stack.append(.list(PickleList()))  // EMPTY_LIST
    case 0x6C: try makeList(at: start)  // LIST
    case 0x61: try append(items: [try pop(start)], at: start)  // APPEND
    case 0x65: try append(items: try popMark(start), at: start)  // APPENDS
    case 0x7D: stack.append(.dict(PickleDict()))  // EMPTY_DICT
    case 0x64: try makeDict(at: start)  // DICT
    case 0x73: try setItems(try popCount(2, at: start), at: start)  // SETITEM
    case 0x75: try setItems(try popMark(start), at: start)  // SETITEMS
    case 0x71: memo[Int(try byte())] = try peek(start)  // BINPUT
    case 0x72: memo[Int(try unsigned(4))] = try peek(start)  // LONG_BINPUT
    case 0x94: memo[memo.count] = try peek(start)  // MEMOIZE
    case 0x68: try get(Int(try byte()), at: start)  // BINGET
    case 0x6A: try get(Int(try unsigned(4)), at: start)  // LONG_BINGET
    case 0x63: try pushGlobal(module: try line(at: start), name: try line(at: start), at: start)  // GLOBAL
    case 0x93: try stackGlobal(at: start)
    case 0x52: try reduce(at: start)  // REDUCE
    case 0x62: try build(at: start)  // BUILD
    case 0x51: stack.append(try persistentLoad(try pop(start), at: start))  // BINPERSID
    default: throw .unsupportedOpcode(file: file, opcode: PickleOpcodeName.describe(opcode), offset: start)
    }
  }

  // MARK: - Containers

  private mutating func makeTuple(_ count: Int, at start: Int) throws(ModelError) {
    stack.append(.tuple(try popCount(count, at: start)))
  }

  private mutating func makeList(at start: Int) throws(ModelError) {
    let list = PickleList()
    list.items = try popMark(start)
    stack.append(.list(list))
  }

  private mutating func makeDict(at start: Int) throws(ModelError) {
    let dict = PickleDict()
    stack.append(.dict(dict))
    try setItems(try popMark(start), at: start, into: dict)
  }

  private mutating func append(items: [PickleValue], at start: Int) throws(ModelError) {
    let target = try peek(start)
    guard case .list(let list) = target else { throw malformed(start, "APPEND to a \(target.kind), not a list") }
    list.items += items
  }

  private mutating func setItems(_ items: [PickleValue], at start: Int) throws(ModelError) {
    let target = try peek(start)
    guard case .dict(let dict) = target else { throw malformed(start, "SETITEM on a \(target.kind), not a dict") }
    try setItems(items, at: start, into: dict)
  }

  private func setItems(_ items: [PickleValue], at start: Int, into dict: PickleDict) throws(ModelError) {
    guard items.count.isMultiple(of: 2) else { throw malformed(start, "odd number of dict items") }
    for i in stride(from: 0, to: items.count, by: 2) {
      dict.items.append((key: items[i], value: items[i + 1]))
    }
  }

  private mutating func get(_ key: Int, at start: Int) throws(ModelError) {
    guard let value = memo[key] else { throw malformed(start, "memo entry \(key) was never stored") }
    stack.append(value)
  }

  // MARK: - Objects

  private mutating func stackGlobal(at start: Int) throws(ModelError) {
    let parts = try popCount(2, at: start)
    guard case .string(let module) = parts[0], case .string(let name) = parts[1] else {
      throw malformed(start, "STACK_GLOBAL needs two strings")
    }
    try pushGlobal(module: module, name: name, at: start)
  }

  /// Pushes an allowed global; any other class is refused here, before it could be called.
  private mutating func pushGlobal(module: String, name: String, at start: Int) throws(ModelError) {
    let allowed =
      (module == "collections" && name == "OrderedDict")
      || (module == "torch._utils" && Self.rebuildFunctions.contains(name))
      || (module == "torch" && StorageType(torchStorage: name) != nil)
    guard allowed else { throw .unsupportedClass(file: file, name: "\(module).\(name)") }
    stack.append(.global(module: module, name: name))
  }

  private static let rebuildFunctions: Set<String> = [
    "_rebuild_tensor", "_rebuild_tensor_v2", "_rebuild_parameter", "_rebuild_parameter_with_state",
  ]

  private mutating func reduce(at start: Int) throws(ModelError) {
    let pair = try popCount(2, at: start)
    guard case .global(let module, let name) = pair[0], case .tuple(let arguments) = pair[1] else {
      throw malformed(start, "REDUCE of a \(pair[0].kind) with \(pair[1].kind) arguments")
    }
    switch name {
    case "OrderedDict":
      let dict = PickleDict()
      if case .list(let pairs)? = arguments.first {
        for case .tuple(let item) in pairs.items where item.count == 2 {
          dict.items.append((key: item[0], value: item[1]))
        }
      }
      stack.append(.dict(dict))
    case "_rebuild_tensor", "_rebuild_tensor_v2":
      stack.append(.tensor(try rebuildTensor(arguments, at: start)))
    case "_rebuild_parameter", "_rebuild_parameter_with_state":
      guard case .tensor(let tensor)? = arguments.first else {
        throw malformed(start, "\(module).\(name) of something other than a tensor")
      }
      stack.append(.tensor(tensor))
    default:
      throw .unsupportedClass(file: file, name: "\(module).\(name)")
    }
  }

  /// `_rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, …)`.
  private func rebuildTensor(_ arguments: [PickleValue], at start: Int) throws(ModelError) -> TensorReference {
    guard arguments.count >= 4, case .storage(let storage) = arguments[0], case .int(let offset) = arguments[1],
      let shape = Self.integers(arguments[2]), let strides = Self.integers(arguments[3]),
      shape.count == strides.count
    else { throw malformed(start, "_rebuild_tensor arguments are not (storage, offset, size, stride, …)") }
    return TensorReference(storage: storage, offset: offset, shape: shape, strides: strides)
  }

  private static func integers(_ value: PickleValue) -> [Int]? {
    guard case .tuple(let items) = value else { return nil }
    var result: [Int] = []
    for case .int(let n) in items { result.append(n) }
    return result.count == items.count ? result : nil
  }

  /// `BUILD` sets an object's state: `OrderedDict._metadata` on state dicts, hooks on
  /// parameters. Neither affects the values, so the state is dropped.
  private mutating func build(at start: Int) throws(ModelError) {
    let state = try pop(start)
    switch try peek(start) {
    case .dict, .tensor: break
    case let target: throw malformed(start, "BUILD of a \(target.kind) with a \(state.kind) state")
    }
  }

  private func persistentLoad(_ id: PickleValue, at start: Int) throws(ModelError) -> PickleValue {
    guard case .tuple(let fields) = id, fields.count >= 5, case .string("storage") = fields[0],
      case .global(_, let typeName) = fields[1], let type = StorageType(torchStorage: typeName),
      case .string(let key) = fields[2], case .int(let count) = fields[4], count >= 0
    else { throw malformed(start, "persistent id is not ('storage', type, key, location, count)") }
    if fields.count > 5, case .tuple = fields[5] {
      throw .unsupportedClass(file: file, name: "storage view of `\(key)` (legacy view_metadata)")
    }
    return .storage(StorageReference(key: key, type: type, count: count))
  }

  // MARK: - Stack

  private func malformed(_ offset: Int, _ reason: String) -> ModelError {
    .malformedPickle(file: file, offset: offset, reason: reason)
  }

  private mutating func pop(_ start: Int) throws(ModelError) -> PickleValue {
    guard stack.count > (marks.last ?? 0), let value = stack.popLast() else {
      throw malformed(start, "stack underflow")
    }
    return value
  }

  private func peek(_ start: Int) throws(ModelError) -> PickleValue {
    guard let value = stack.last else { throw malformed(start, "stack underflow") }
    return value
  }

  private mutating func popCount(_ count: Int, at start: Int) throws(ModelError) -> [PickleValue] {
    guard stack.count - count >= (marks.last ?? 0) else { throw malformed(start, "stack underflow") }
    let items = Array(stack.suffix(count))
    stack.removeLast(count)
    return items
  }

  private mutating func popMark(_ start: Int) throws(ModelError) -> [PickleValue] {
    guard let mark = marks.popLast() else { throw malformed(start, "no MARK on the stack") }
    let items = Array(stack[mark...])
    stack.removeSubrange(mark...)
    return items
  }

  // MARK: - Reading

  private mutating func bytes(_ count: Int) throws(ModelError) -> Data {
    guard count >= 0, count <= data.count - position else {
      throw malformed(position, "truncated: needs \(count) more bytes, \(data.count - position) left")
    }
    let begin = data.startIndex + position
    position += count
    return data[begin..<(begin + count)]
  }

  private mutating func byte() throws(ModelError) -> UInt8 {
    try bytes(1).first ?? 0
  }

  /// A little-endian unsigned integer of `count` ≤ 8 bytes.
  private mutating func unsigned(_ count: Int) throws(ModelError) -> UInt64 {
    try bytes(count).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  private mutating func bigEndian8() throws(ModelError) -> UInt64 {
    try bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  private mutating func length8(at start: Int) throws(ModelError) -> Int {
    let length = try unsigned(8)
    guard length <= UInt64(Int.max) else { throw malformed(start, "string length \(length)") }
    return Int(length)
  }

  /// `LONG1`: a little-endian two's-complement integer of `byteCount` bytes.
  private mutating func long(byteCount: Int, at start: Int) throws(ModelError) -> PickleValue {
    let raw = try bytes(byteCount)
    guard byteCount <= 8 else {
      // Only the legacy magic number (10 bytes) is this wide; keep it as bytes.
      return .bytes([UInt8](raw))
    }
    guard byteCount > 0 else { return .int(0) }
    let value = raw.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    let shift = UInt64(64 - 8 * byteCount)
    return .int(Int(Int64(bitPattern: value << shift) >> Int64(shift)))
  }

  private mutating func utf8(count: Int, at start: Int) throws(ModelError) -> String {
    guard let string = String(bytes: try bytes(count), encoding: .utf8) else {
      throw malformed(start, "string is not UTF-8")
    }
    return string
  }

  /// A newline-terminated ASCII line (the arguments of `GLOBAL`).
  private mutating func line(at start: Int) throws(ModelError) -> String {
    let rest = data[(data.startIndex + position)...]
    guard let newline = rest.firstIndex(of: 0x0A) else { throw malformed(start, "unterminated GLOBAL") }
    let text = String(decoding: rest[..<newline], as: UTF8.self)
    position = newline - data.startIndex + 1
    return text
  }
}
