import Foundation
import Tensor

/// Turns an unpickled PyTorch state dict into named tensors, shared by the legacy and the
/// zip reader (which differ only in where the raw storages live).
enum TorchStateDict {
  /// The tensors of `root` in insertion order. Nested dicts (e.g. `{"state_dict": {…}}`)
  /// contribute their tensors with dotted names; values that are not tensors (epoch
  /// counters, strings, `None`) hold no weights and are left out.
  static func references(_ root: PickleValue, file: String) throws(ModelError) -> [(name: String, tensor: TensorReference)] {
    guard case .dict(let dict) = root else {
      throw .malformedFile(file: file, reason: "the pickled object is a \(root.kind), not a state dict")
    }
    var result: [(name: String, tensor: TensorReference)] = []
    collect(dict, prefix: "", into: &result)
    return result
  }

  private static func collect(_ dict: PickleDict, prefix: String, into result: inout [(name: String, tensor: TensorReference)]) {
    for (key, value) in dict.items {
      let name: String =
        switch key {
        case .string(let s): prefix + s
        case .int(let n): prefix + String(n)
        default: prefix + key.kind
        }
      switch value {
      case .tensor(let reference): result.append((name, reference))
      case .dict(let nested): collect(nested, prefix: name + ".", into: &result)
      default: continue
      }
    }
  }

  /// The first tensor name that uses each storage key, to name a storage in errors.
  static func owners(_ references: [(name: String, tensor: TensorReference)]) -> [String: String] {
    Dictionary(references.map { ($0.tensor.storage.key, $0.name) }, uniquingKeysWith: { first, _ in first })
  }

  /// Copies the strided view `reference` out of the raw little-endian `storage` bytes
  /// (a slice of the file or a zip member).
  ///
  /// - Throws: `.malformedTensor` when the storage is shorter than declared or the view
  ///   reaches outside it.
  static func materialize(
    _ reference: TensorReference, name: String, storage: Data, file: String
  ) throws(ModelError) -> NamedTensor {
    func failure(_ reason: String) -> ModelError { .malformedTensor(file: file, tensor: name, reason: reason) }
    let type = reference.storage.type
    let available = min(reference.storage.count, storage.count / type.byteWidth)
    guard available == reference.storage.count else {
      throw failure("storage `\(reference.storage.key)` holds \(storage.count) bytes, needs \(reference.storage.count * type.byteWidth) (truncated file?)")
    }
    let shape = reference.shape
    guard shape.allSatisfy({ $0 >= 0 }), reference.strides.allSatisfy({ $0 >= 0 }), reference.offset >= 0 else {
      throw failure("negative size, stride or offset (size \(shape), stride \(reference.strides))")
    }
    let count = shape.reduce(1, *)
    guard count > 0 else {
      return NamedTensor(name: name, tensor: Tensor(zeros: shape), storedType: type)
    }
    let last = reference.offset + zip(shape, reference.strides).reduce(0) { $0 + ($1.0 - 1) * $1.1 }
    guard last < available else {
      throw failure("view (offset \(reference.offset), size \(shape), stride \(reference.strides)) exceeds its storage of \(available) elements")
    }
    let window = storage.withUnsafeBytes { raw in
      type.floats(raw, first: reference.offset, count: last - reference.offset + 1)
    }
    let values = isContiguous(shape: shape, strides: reference.strides) ? window : gather(window, shape: shape, strides: reference.strides)
    return NamedTensor(name: name, tensor: Tensor(shape: shape, storage: values), storedType: type)
  }

  /// Whether row-major traversal of `shape` visits consecutive elements (extent-1 axes
  /// may have any stride).
  private static func isContiguous(shape: [Int], strides: [Int]) -> Bool {
    var expected = 1
    for (extent, stride) in zip(shape, strides).reversed() where extent != 1 {
      guard stride == expected else { return false }
      expected *= extent
    }
    return true
  }

  /// The elements of a strided view of `window` (whose element 0 is the view's offset),
  /// in row-major order.
  private static func gather(_ window: [Float], shape: [Int], strides: [Int]) -> [Float] {
    let count = shape.reduce(1, *)
    var values = [Float]()
    values.reserveCapacity(count)
    var index = [Int](repeating: 0, count: shape.count)
    var offset = 0
    for _ in 0..<count {
      values.append(window[offset])
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        offset += strides[axis]
        if index[axis] < shape[axis] { break }
        offset -= strides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
    return values
  }
}
