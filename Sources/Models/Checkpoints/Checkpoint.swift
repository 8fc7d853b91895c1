import Foundation
import Tensor

/// A tensor read from a checkpoint, converted to `Float`, with the type it was stored as.
public struct NamedTensor: Sendable, Equatable {
  /// The state-dict key, e.g. `"_conv_stem.weight"`.
  public var name: String
  /// The values as a contiguous row-major `Float` tensor.
  public var tensor: Tensor
  /// The element type in the file.
  public var storedType: StorageType

  public init(name: String, tensor: Tensor, storedType: StorageType) {
    self.name = name
    self.tensor = tensor
    self.storedType = storedType
  }
}

/// The named tensors of a checkpoint file, in file order.
///
/// Order: the state dict's insertion order for PyTorch files; ascending data offset for
/// safetensors (the order the writer laid the tensors out).
public struct Checkpoint: Sendable {
  /// Every tensor in file order.
  public let tensors: [NamedTensor]
  private let index: [String: Int]

  /// Wraps `tensors`; a later tensor with a repeated name shadows an earlier one in lookups.
  public init(tensors: [NamedTensor]) {
    self.tensors = tensors
    index = Dictionary(tensors.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { $1 })
  }

  /// The tensor named `name`, if present.
  public subscript(name: String) -> Tensor? {
    index[name].map { tensors[$0].tensor }
  }

  /// The names in file order.
  public var names: [String] { tensors.map(\.name) }

  /// Reads a safetensors file or a PyTorch checkpoint (zip or legacy format), told apart by
  /// their first bytes: `PK\u{3}\u{4}` is a zip; a `{` after the 8-byte header length is
  /// safetensors; a pickle `PROTO` opcode (`0x80`) is the legacy format.
  ///
  /// - Throws: `ModelError` naming the file and the tensor, opcode or class at fault.
  public static func read(contentsOf url: URL) throws(ModelError) -> Checkpoint {
    let file = url.lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw .unreadable(file: file, reason: error.localizedDescription)
    }
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      return try TorchZipReader.read(data, file: file)
    }
    if data.count > 8, data[data.startIndex + 8] == UInt8(ascii: "{") {
      return try SafetensorsReader.read(data, file: file)
    }
    if data.first == 0x80 {
      return try TorchLegacyReader.read(data, file: file)
    }
    throw .malformedFile(
      file: file, reason: "neither safetensors nor a PyTorch checkpoint (zip or legacy) by its first bytes")
  }
}
