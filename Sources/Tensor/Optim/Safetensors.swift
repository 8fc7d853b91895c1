import Foundation

/// Reading and writing the safetensors format (Hugging Face) for `Float32` tensors.
///
/// Layout: an 8-byte little-endian header length `N`, then `N` bytes of JSON mapping each
/// tensor name to `{"dtype": "F32", "shape": […], "data_offsets": [begin, end]}` (byte
/// offsets into the data section) plus an optional `"__metadata__"` string map, then the
/// little-endian data. Reprise writes names in registration order with ascending offsets
/// and pads the header with spaces to a multiple of 8, so the same store always gives the
/// same bytes.
///
/// Reference: github.com/huggingface/safetensors, README "Format".
public enum Safetensors {
  /// The file bytes for named tensors (in the given order) and string metadata.
  public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) -> Data {
    var fields: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0] ?? ""))" }
      fields.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
    }
    var offset = 0
    for (name, tensor) in tensors {
      let end = offset + 4 * tensor.count
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      fields.append("\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var header = Array("{\(fields.joined(separator: ","))}".utf8)
    header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)
    var data = Data()
    data.reserveCapacity(8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: header)
    precondition(UInt32(1).littleEndian == 1, "safetensors I/O assumes a little-endian host")
    for (_, tensor) in tensors {
      tensor.storage.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    return data
  }

  /// Decodes every `F32` tensor and the metadata of a safetensors file.
  ///
  /// - Throws: `.checkpoint` for a truncated file, malformed header, another dtype, or
  ///   offsets that do not match the shape.
  public static func decode(_ data: Data) throws(TensorError) -> (tensors: [String: Tensor], metadata: [String: String]) {
    let bytes = [UInt8](data)
    guard bytes.count >= 8 else { throw .checkpoint("file shorter than its 8-byte header length") }
    let headerLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    guard headerLength >= 2, 8 + headerLength <= bytes.count else {
      throw .checkpoint("header length \(headerLength) exceeds the file (\(bytes.count) bytes)")
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)]))
    } catch {
      throw .checkpoint("header is not JSON: \(error)")
    }
    guard let header = object as? [String: Any] else { throw .checkpoint("header is not a JSON object") }
    let body = 8 + headerLength
    var tensors: [String: Tensor] = [:]
    var metadata: [String: String] = [:]
    for (name, entry) in header {
      if name == "__metadata__" {
        metadata = entry as? [String: String] ?? [:]
        continue
      }
      tensors[name] = try decodeTensor(name, entry, bytes: bytes, body: body)
    }
    return (tensors, metadata)
  }

  /// Writes every parameter value of `store` (and, with `includeMoments`, the optimiser
  /// moments as `"<name>.adam_m"` / `"<name>.adam_v"` or `"<name>.momentum"`) to `url`.
  public static func save(
    _ store: ParameterStore, to url: URL, metadata: [String: String] = [:], includeMoments: Bool = false
  ) throws {
    var tensors = store.parameters.map { (name: $0.name, tensor: $0.value) }
    if includeMoments {
      for (array, suffix) in momentArrays(store) {
        tensors += store.parameters.map {
          (name: $0.name + suffix, tensor: Tensor(shape: $0.shape, storage: Array(array[$0.range])))
        }
      }
    }
    try encode(tensors, metadata: metadata).write(to: url, options: .atomic)
  }

  /// Reads `url` into `store`: every parameter must be present with its exact shape; moment
  /// tensors, when present, restore the optimiser state.
  ///
  /// - Returns: the file's metadata.
  /// - Throws: `.checkpoint` naming a missing or mis-shaped parameter; file errors.
  @discardableResult
  public static func load(into store: ParameterStore, from url: URL) throws -> [String: String] {
    let (tensors, metadata) = try decode(Data(contentsOf: url))
    for parameter in store.parameters {
      guard let tensor = tensors[parameter.name] else {
        throw TensorError.checkpoint("\(url.lastPathComponent) has no tensor `\(parameter.name)`")
      }
      guard tensor.shape == parameter.shape else {
        throw TensorError.checkpoint("`\(parameter.name)` is \(tensor.shape) in the file, \(parameter.shape) in the model")
      }
      parameter.setValue(tensor)
    }
    if tensors.keys.contains(where: { $0.hasSuffix(".adam_m") || $0.hasSuffix(".momentum") }) {
      store.ensureMoments(second: tensors.keys.contains { $0.hasSuffix(".adam_v") })
      for parameter in store.parameters {
        if let m = tensors[parameter.name + ".adam_m"] ?? tensors[parameter.name + ".momentum"] {
          store.firstMoments.replaceSubrange(parameter.range, with: m.storage)
        }
        if let v = tensors[parameter.name + ".adam_v"] {
          store.secondMoments.replaceSubrange(parameter.range, with: v.storage)
        }
      }
    }
    return metadata
  }

  private static func momentArrays(_ store: ParameterStore) -> [([Float], String)] {
    if store.secondMoments.isEmpty {
      return store.firstMoments.isEmpty ? [] : [(store.firstMoments, ".momentum")]
    }
    return [(store.firstMoments, ".adam_m"), (store.secondMoments, ".adam_v")]
  }

  private static func decodeTensor(_ name: String, _ entry: Any, bytes: [UInt8], body: Int) throws(TensorError) -> Tensor {
    guard let fields = entry as? [String: Any], let dtype = fields["dtype"] as? String,
      let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
      offsets.count == 2
    else { throw .checkpoint("malformed header entry for `\(name)`") }
    guard dtype == "F32" else { throw .checkpoint("`\(name)` has dtype \(dtype); only F32 is supported") }
    let count = shape.reduce(1, *)
    guard shape.allSatisfy({ $0 >= 0 }), offsets[1] - offsets[0] == 4 * count, offsets[0] >= 0,
      body + offsets[1] <= bytes.count
    else { throw .checkpoint("`\(name)`: offsets \(offsets) do not hold shape \(shape)") }
    var values = [Float](repeating: 0, count: count)
    values.withUnsafeMutableBytes { target in
      bytes.withUnsafeBytes { source in
        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[(body + offsets[0])..<(body + offsets[1])]))
      }
    }
    return Tensor(shape: shape, storage: values)
  }

  /// `s` as a JSON string literal.
  private static func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
