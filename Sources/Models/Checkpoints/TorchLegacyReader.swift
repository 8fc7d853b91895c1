import Foundation

/// Reads PyTorch checkpoints in the legacy (pre-1.6, non-zip) format.
///
/// Layout: five consecutive pickles — the magic number `0x1950a86a20f9469cfc6c`, the
/// protocol version `1001`, a system-info dict (`little_endian`, `type_sizes`), the state
/// dict whose storages are persistent ids `('storage', torch.FloatStorage, key, location,
/// count, view_metadata)`, and the list of storage keys — then, for each key in that
/// list, an 8-byte little-endian element count followed by the raw elements.
///
/// Reference: PyTorch `torch/serialization.py` (`_legacy_save`, `_legacy_load`) and
/// `torch/csrc/serialization.cpp` (`THPStorage_readFileRaw`).
enum TorchLegacyReader {
  /// `0x1950a86a20f9469cfc6c` as the 10 little-endian bytes `LONG1` stores.
  private static let magic: [UInt8] = [0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]

  static func read(_ data: Data, file: String) throws(ModelError) -> Checkpoint {
    var unpickler = Unpickler(data, file: file)
    guard case .bytes(Self.magic) = try unpickler.load() else {
      throw .malformedFile(file: file, reason: "no PyTorch magic number (not a legacy PyTorch checkpoint)")
    }
    guard case .int(1001) = try unpickler.load() else {
      throw .malformedFile(file: file, reason: "unsupported legacy protocol version (expected 1001)")
    }
    guard case .dict(let info) = try unpickler.load() else {
      throw .malformedFile(file: file, reason: "no system-info dict after the protocol version")
    }
    for case (.string("little_endian"), .bool(false)) in info.items {
      throw .malformedFile(file: file, reason: "written on a big-endian machine; only little-endian is supported")
    }
    let references = try TorchStateDict.references(try unpickler.load(), file: file)
    guard case .list(let keyList) = try unpickler.load() else {
      throw .malformedFile(file: file, reason: "no list of storage keys after the state dict")
    }
    let storages = try readStorages(keyList.items, references: references, data: data, from: unpickler.position, file: file)
    var tensors: [NamedTensor] = []
    for (name, reference) in references {
      guard let range = storages[reference.storage.key] else {
        throw .malformedTensor(file: file, tensor: name, reason: "storage `\(reference.storage.key)` is not in the file")
      }
      tensors.append(try TorchStateDict.materialize(reference, name: name, storage: data[range], file: file))
    }
    return Checkpoint(tensors: tensors)
  }

  /// The index range in `data` of each storage, walking the raw section that starts at `start`.
  private static func readStorages(
    _ keys: [PickleValue], references: [(name: String, tensor: TensorReference)], data: Data, from start: Int,
    file: String
  ) throws(ModelError) -> [String: Range<Int>] {
    let types = Dictionary(references.map { ($0.tensor.storage.key, $0.tensor.storage.type) }, uniquingKeysWith: { $1 })
    let owners = TorchStateDict.owners(references)
    var ranges: [String: Range<Int>] = [:]
    var position = start
    for case .string(let key) in keys {
      let tensor = owners[key] ?? "storage \(key)"
      guard let type = types[key] else {
        throw .malformedFile(file: file, reason: "storage `\(key)` is listed but no tensor uses it")
      }
      guard data.count - position >= 8 else {
        throw .malformedTensor(file: file, tensor: tensor, reason: "file ends before the size of storage `\(key)` (truncated file?)")
      }
      let count = data[(data.startIndex + position)..<(data.startIndex + position + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      position += 8
      let available = UInt64(data.count - position) / UInt64(type.byteWidth)
      guard count <= available else {
        throw .malformedTensor(
          file: file, tensor: tensor,
          reason: "storage `\(key)` declares \(count) elements, the file holds \(available) more (truncated file?)")
      }
      let bytes = Int(count) * type.byteWidth
      ranges[key] = (data.startIndex + position)..<(data.startIndex + position + bytes)
      position += bytes
    }
    return ranges
  }
}
