import Datasets
import Foundation

/// Resolves a model reference — a built-in encoder id or a user's feature file `X.npy` — to
/// something that yields features, wherever a model id is accepted (the `features` command
/// and block, downstream probes).
///
/// Built-in encoders load from their weights entry in the data catalog (same id), fetched
/// on demand when the catalog has an acquisition policy and verified against pinned SHA-256
/// digests. Loaded encoders are kept for the life of the process, keyed by id and weights.
public struct EncoderCatalog: Sendable {
  /// Where weights come from; feature-file paths are relative to its `userBase`.
  public let catalog: Catalog
  /// The encoders known by id.
  public let encoders: [BuiltinEncoder]

  /// A resolver over `catalog`'s weights.
  public init(catalog: Catalog, encoders: [BuiltinEncoder] = BuiltinEncoder.standard) {
    self.catalog = catalog
    self.encoders = encoders
  }

  /// The built-in encoder ids.
  public var ids: [String] { encoders.map(\.id) }

  /// Whether `reference` names a feature file rather than an encoder id.
  public static func isFeatureFile(_ reference: String) -> Bool {
    reference.lowercased().hasSuffix(".npy")
  }

  /// The feature file a reference names (relative paths from the catalog's `userBase`).
  public func featureFileURL(_ reference: String) -> URL {
    URL(fileURLWithPath: reference, relativeTo: catalog.userBase).standardizedFileURL
  }

  /// The built-in encoder with this id.
  public func encoder(_ id: String) -> BuiltinEncoder? { encoders.first { $0.id == id } }

  /// The encoder or feature file a reference names, loaded.
  ///
  /// - Throws: `FeatureError.unknownModel` for an unknown id, `.modelUnavailable` when the
  ///   weights cannot be fetched, verified or loaded, and feature-file errors naming the file.
  public func load(_ reference: String) throws(FeatureError) -> FeatureModel {
    if Self.isFeatureFile(reference) {
      let url = featureFileURL(reference)
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw .missingInput(path: url.path, reason: "no such feature file")
      }
      return .features(try FeatureStore.read(contentsOf: url), path: url.path)
    }
    guard let encoder = encoder(reference) else { throw .unknownModel(reference, known: ids) }
    let files: [String: URL]
    let fingerprint: String
    do {
      files = try catalog.files(reference)
      fingerprint = try catalog.fingerprint(reference)
    } catch {
      throw .modelUnavailable(model: reference, reason: "\(error.description); run `reprise fetch \(reference)`")
    }
    return try LoadedEncoders.shared.model("\(reference)@\(fingerprint)") { () throws(FeatureError) in
      do {
        return try encoder.load(files)
      } catch {
        throw .modelUnavailable(model: reference, reason: "\(error)")
      }
    }
  }

  /// What identifies the model's numbers: the weights' catalog fingerprint, or the feature
  /// file's and sidecar's SHA-256.
  ///
  /// - Throws: `FeatureError` if the id is unknown or the files are missing or damaged.
  public func fingerprint(_ reference: String) throws(FeatureError) -> String {
    if Self.isFeatureFile(reference) {
      let url = featureFileURL(reference)
      let sidecar = FeatureStore.sidecarURL(for: url)
      let hasSidecar = FileManager.default.fileExists(atPath: sidecar.path)
      return try FeatureStore.fileDigest(url) + (hasSidecar ? "+" + FeatureStore.fileDigest(sidecar) : "")
    }
    guard encoder(reference) != nil else { throw .unknownModel(reference, known: ids) }
    do {
      return try catalog.fingerprint(reference)
    } catch {
      throw .modelUnavailable(model: reference, reason: "\(error.description); run `reprise fetch \(reference)`")
    }
  }
}

/// Encoders loaded in this process, by id and weights fingerprint.
final class LoadedEncoders: @unchecked Sendable {
  static let shared = LoadedEncoders()
  private let lock = NSLock()
  private var models: [String: FeatureModel] = [:]

  /// The model under `key`, loading it (once) with `load`.
  func model(_ key: String, load: () throws(FeatureError) -> FeatureModel) throws(FeatureError) -> FeatureModel {
    lock.lock()
    defer { lock.unlock() }
    if let model = models[key] { return model }
    let model = try load()
    models[key] = model
    return model
  }
}
