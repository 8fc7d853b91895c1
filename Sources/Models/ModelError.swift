/// Errors from reading checkpoints and tokenizer files.
///
/// Every message names the file and, where one is involved, the tensor, the pickle opcode
/// or the Python class, so a user can tell a corrupt download from an unsupported format.
public enum ModelError: Error, Equatable, CustomStringConvertible {
  /// The file cannot be read at all.
  case unreadable(file: String, reason: String)
  /// The container (safetensors header, zip layout, legacy PyTorch preamble) is malformed.
  case malformedFile(file: String, reason: String)
  /// One tensor's entry or data is malformed, truncated or of an unsupported dtype.
  case malformedTensor(file: String, tensor: String, reason: String)
  /// The pickle stream uses an opcode outside the subset that state dicts need.
  case unsupportedOpcode(file: String, opcode: String, offset: Int)
  /// The pickle stream refers to a Python class or function Reprise does not rebuild.
  case unsupportedClass(file: String, name: String)
  /// The pickle stream is inconsistent (stack underflow, missing memo entry, truncation).
  case malformedPickle(file: String, offset: Int, reason: String)
  /// A tokenizer vocabulary or configuration is malformed.
  case malformedVocabulary(file: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
    case .malformedFile(let file, let reason): "\(file): \(reason)"
    case .malformedTensor(let file, let tensor, let reason): "\(file): tensor `\(tensor)`: \(reason)"
    case .unsupportedOpcode(let file, let opcode, let offset):
      "\(file): unsupported pickle opcode \(opcode) at byte \(offset)"
    case .unsupportedClass(let file, let name):
      "\(file): unsupported class `\(name)` in the pickled state dict"
    case .malformedPickle(let file, let offset, let reason): "\(file): pickle at byte \(offset): \(reason)"
    case .malformedVocabulary(let file, let reason): "\(file): \(reason)"
    }
  }
}
