import Foundation
import ZIPFoundation

/// Reads PyTorch checkpoints in the zip format (the default of `torch.save` since 1.6).
///
/// Layout: a zip archive with one top folder `<name>/` holding `data.pkl` (the pickled
/// state dict, storages as persistent ids `('storage', torch.FloatStorage, key, location,
/// count)`), `data/<key>` (each storage's raw little-endian elements), and optionally
/// `byteorder` (`little` or `big`) and `version`.
///
/// Reference: PyTorch `torch/serialization.py` (`_save`, `_load`) and
/// `caffe2/serialize/inline_container.h` (`PyTorchStreamReader`).
enum TorchZipReader {
  static func read(_ data: Data, file: String) throws(ModelError) -> Checkpoint {
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw .malformedFile(file: file, reason: "not a readable zip archive: \(error)")
    }
    guard let pickle = archive.first(where: { $0.path.hasSuffix("data.pkl") && $0.path.split(separator: "/").count == 2 }) else {
      throw .malformedFile(file: file, reason: "zip has no <name>/data.pkl (not a PyTorch checkpoint)")
    }
    let prefix = String(pickle.path.dropLast("data.pkl".count))
    if let order = archive[prefix + "byteorder"],
      try String(decoding: contents(order, archive: archive, file: file, what: "byteorder"), as: UTF8.self) != "little"
    {
      throw .malformedFile(file: file, reason: "written big-endian; only little-endian is supported")
    }
    var unpickler = Unpickler(try contents(pickle, archive: archive, file: file, what: "data.pkl"), file: file)
    let references = try TorchStateDict.references(try unpickler.load(), file: file)
    var storages: [String: Data] = [:]
    var tensors: [NamedTensor] = []
    for (name, reference) in references {
      let key = reference.storage.key
      if storages[key] == nil {
        guard let entry = archive[prefix + "data/" + key] else {
          throw .malformedTensor(file: file, tensor: name, reason: "storage \(prefix)data/\(key) is missing from the zip")
        }
        storages[key] = try contents(entry, archive: archive, file: file, what: "tensor `\(name)` (\(entry.path))")
      }
      let storage = storages[key] ?? Data()
      tensors.append(try TorchStateDict.materialize(reference, name: name, storage: storage, file: file))
    }
    return Checkpoint(tensors: tensors)
  }

  /// The uncompressed bytes of `entry`, CRC-checked.
  private static func contents(_ entry: Entry, archive: Archive, file: String, what: String) throws(ModelError) -> Data {
    var bytes = Data()
    do {
      _ = try archive.extract(entry) { bytes.append($0) }
    } catch {
      throw .malformedFile(file: file, reason: "cannot unzip \(what): \(error)")
    }
    return bytes
  }
}
