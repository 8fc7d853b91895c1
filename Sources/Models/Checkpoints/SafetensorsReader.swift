import Foundation
import Tensor

/// Reads safetensors files of any of the dtypes in `StorageType`, converting to `Float`.
///
/// Layout: an 8-byte little-endian header length `N`, `N` bytes of UTF-8 JSON mapping each
/// tensor name to `{"dtype": "F16", "shape": [2, 3], "data_offsets": [begin, end]}` (byte
/// offsets relative to the data section that follows the header) and an optional
/// `"__metadata__"` string map, then the data. The header is validated before any data is
/// read: known dtype, non-negative shape, `end − begin = count · width`, offsets inside the
/// data section, and no two tensors overlapping.
///
/// Reference: github.com/huggingface/safetensors, README "Format" and `tensor.rs`
/// (`validate`). Writing stays in `Tensor.Safetensors`.
enum SafetensorsReader {
  /// One validated header entry.
  private struct Entry {
    var name: String
    var type: StorageType
    var shape: [Int]
    var begin: Int
    var end: Int
  }

  /// Decodes every tensor of `data` (a whole safetensors file named `file`).
  static func read(_ data: Data, file: String) throws(ModelError) -> Checkpoint {
    guard data.count >= 8 else {
      throw .malformedFile(file: file, reason: "shorter than the 8-byte safetensors header length")
    }
    let headerLength = data.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard headerLength >= 2, headerLength <= UInt64(data.count - 8) else {
      throw .malformedFile(
        file: file, reason: "header length \(headerLength) does not fit the file (\(data.count) bytes)")
    }
    let bodyStart = data.startIndex + 8 + Int(headerLength)
    let entries = try parseHeader(data[(data.startIndex + 8)..<bodyStart], dataLength: data.count - 8 - Int(headerLength), file: file)
    return data.withUnsafeBytes { raw in
      let body = UnsafeRawBufferPointer(rebasing: raw[(8 + Int(headerLength))...])
      return Checkpoint(
        tensors: entries.map { entry in
          let count = entry.shape.reduce(1, *)
          let bytes = UnsafeRawBufferPointer(rebasing: body[entry.begin..<entry.end])
          return NamedTensor(
            name: entry.name,
            tensor: Tensor(shape: entry.shape, storage: entry.type.floats(bytes, first: 0, count: count)),
            storedType: entry.type)
        })
    }
  }

  /// The header's tensor entries sorted by data offset, after validation.
  private static func parseHeader(_ header: Data, dataLength: Int, file: String) throws(ModelError) -> [Entry] {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: header)
    } catch {
      throw .malformedFile(file: file, reason: "safetensors header is not JSON: \(error.localizedDescription)")
    }
    guard let fields = object as? [String: Any] else {
      throw .malformedFile(file: file, reason: "safetensors header is not a JSON object")
    }
    var entries: [Entry] = []
    for (name, value) in fields where name != "__metadata__" {
      entries.append(try entry(name, value, dataLength: dataLength, file: file))
    }
    entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
    for (previous, next) in zip(entries, entries.dropFirst()) where next.begin < previous.end {
      throw .malformedTensor(
        file: file, tensor: next.name,
        reason: "bytes \(next.begin)..<\(next.end) overlap `\(previous.name)` (\(previous.begin)..<\(previous.end))")
    }
    return entries
  }

  private static func entry(_ name: String, _ value: Any, dataLength: Int, file: String) throws(ModelError) -> Entry {
    func failure(_ reason: String) -> ModelError { .malformedTensor(file: file, tensor: name, reason: reason) }
    guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
      let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int]
    else { throw failure("header entry lacks dtype, shape or data_offsets") }
    guard let type = StorageType(rawValue: dtype) else {
      throw failure("unsupported dtype \(dtype) (supported: \(StorageType.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    guard shape.allSatisfy({ $0 >= 0 }) else { throw failure("negative extent in shape \(shape)") }
    guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength else {
      throw failure("data_offsets \(offsets) outside the data section (\(dataLength) bytes)")
    }
    let (count, overflow) = shape.reduce((1, false)) { (partial: (Int, Bool), extent: Int) -> (Int, Bool) in
      let product = partial.0.multipliedReportingOverflow(by: extent)
      return (product.partialValue, partial.1 || product.overflow)
    }
    guard !overflow, count <= dataLength, offsets[1] - offsets[0] == count * type.byteWidth else {
      throw failure("data_offsets \(offsets) hold \(offsets[1] - offsets[0]) bytes, shape \(shape) of \(dtype) needs \(count * type.byteWidth)")
    }
    return Entry(name: name, type: type, shape: shape, begin: offsets[0], end: offsets[1])
  }
}
