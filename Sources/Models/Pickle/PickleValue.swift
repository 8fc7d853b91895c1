/// A value on the stack of `Unpickler`: the Python objects that state dicts are made of.
///
/// Lists and dicts are classes because pickle mutates them after memoising them
/// (`EMPTY_DICT`, `BINPUT`, then `SETITEMS`), and every memo reference must see the items.
indirect enum PickleValue {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case bytes([UInt8])
  case tuple([PickleValue])
  case list(PickleList)
  case dict(PickleDict)
  /// A class or function named by `GLOBAL`/`STACK_GLOBAL`, e.g. `torch._utils._rebuild_tensor_v2`.
  case global(module: String, name: String)
  /// A storage named by a persistent id (`BINPERSID`).
  case storage(StorageReference)
  /// A tensor rebuilt by `torch._utils._rebuild_tensor_v2` (not yet materialised).
  case tensor(TensorReference)

  /// A short description for error messages.
  var kind: String {
    switch self {
    case .none: "None"
    case .bool: "bool"
    case .int: "int"
    case .float: "float"
    case .string: "str"
    case .bytes: "bytes"
    case .tuple: "tuple"
    case .list: "list"
    case .dict: "dict"
    case .global(let module, let name): "\(module).\(name)"
    case .storage: "storage"
    case .tensor: "tensor"
    }
  }
}

/// A Python list under construction.
final class PickleList {
  var items: [PickleValue] = []
}

/// A Python dict (or `OrderedDict`) in insertion order.
final class PickleDict {
  var items: [(key: PickleValue, value: PickleValue)] = []
}

/// A typed storage named by a persistent id: `('storage', torch.FloatStorage, key,
/// location, count)` in both PyTorch formats.
struct StorageReference {
  /// The key of the raw storage: the file name under `data/` (zip) or the order key (legacy).
  var key: String
  var type: StorageType
  /// Elements in the storage.
  var count: Int
}

/// A strided view of a storage: the arguments of `_rebuild_tensor_v2`.
struct TensorReference {
  var storage: StorageReference
  /// Offset of the first element, in elements.
  var offset: Int
  var shape: [Int]
  /// Strides in elements.
  var strides: [Int]
}
