import Datasets
import Foundation
import Tensor

/// Features of `n` items, one row each: a float32 `[n, d]` `.npy` file in C order with a
/// JSON sidecar (`FeatureSidecar`) beside it, `X.npy` + `X.json`, so numpy and PyTorch
/// users exchange features with Reprise in both directions.
public struct FeatureStore: Sendable, Equatable {
  /// `[n, d]` values.
  public let features: NPYArray
  /// Ids, labels, model and data of the rows.
  public let sidecar: FeatureSidecar

  /// A store; the rows must match the sidecar's ids and the model's dimension.
  ///
  /// - Throws: `FeatureError.malformedFeatures` if `features` is not `[ids.count, d]`.
  public init(features: NPYArray, sidecar: FeatureSidecar, path: String = "<features>") throws(FeatureError) {
    guard features.shape.count == 2 else {
      throw .malformedFeatures(path: path, reason: "shape \(features.shape) is not [items, dimension]")
    }
    guard features.shape[0] == sidecar.ids.count else {
      throw .malformedFeatures(
        path: path, reason: "\(features.shape[0]) rows but the sidecar lists \(sidecar.ids.count) ids")
    }
    if let labels = sidecar.labels, labels.count != sidecar.ids.count {
      throw .malformedFeatures(path: path, reason: "\(labels.count) labels for \(sidecar.ids.count) ids")
    }
    self.features = features
    self.sidecar = sidecar
  }

  /// Number of rows (items).
  public var count: Int { features.shape[0] }
  /// Width of a row.
  public var dimension: Int { features.shape[1] }
  /// The features as a `[n, d]` tensor.
  public var tensor: Tensor { Tensor(shape: features.shape, storage: features.values) }

  /// `X.json` beside `X.npy`.
  public static func sidecarURL(for npy: URL) -> URL {
    npy.deletingPathExtension().appendingPathExtension("json")
  }

  /// Writes `X.npy`, then `X.json`, each atomically (a temporary file renamed into place).
  public func write(to npy: URL) throws(FeatureError) {
    do {
      try features.write(to: npy)
    } catch {
      throw .unwritable(path: npy.path, reason: error.description)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let sidecarURL = Self.sidecarURL(for: npy)
    do {
      try encoder.encode(sidecar).write(to: sidecarURL, options: .atomic)
    } catch {
      throw .unwritable(path: sidecarURL.path, reason: error.localizedDescription)
    }
  }

  /// Reads `X.npy` and its sidecar `X.json` if there is one.
  ///
  /// Without a sidecar the ids are the row numbers (`"0"`, `"1"`, …), there are no labels,
  /// and the model is described by the file itself (its name and SHA-256).
  ///
  /// - Throws: `FeatureError` naming the file when it cannot be read, is not 2-D, or its
  ///   sidecar is malformed or does not match it.
  public static func read(contentsOf npy: URL) throws(FeatureError) -> FeatureStore {
    let array: NPYArray
    do {
      array = try NPYArray.read(contentsOf: npy)
    } catch {
      throw .malformedFeatures(path: npy.path, reason: error.description)
    }
    guard array.shape.count == 2 else {
      throw .malformedFeatures(path: npy.path, reason: "shape \(array.shape) is not [items, dimension]")
    }
    let sidecarURL = Self.sidecarURL(for: npy)
    guard FileManager.default.fileExists(atPath: sidecarURL.path) else {
      let digest = try fileDigest(npy)
      let info = EncoderInfo(
        id: npy.deletingPathExtension().lastPathComponent, weightsSHA256: digest, dimension: array.shape[1],
        preprocessing: "precomputed features (\(npy.lastPathComponent), no sidecar)", parameterCount: 0)
      let sidecar = FeatureSidecar(
        ids: (0..<array.shape[0]).map(String.init), labels: [], classNames: [], model: info,
        data: FeatureData(source: "unknown (\(npy.lastPathComponent) has no sidecar)", fingerprint: digest))
      return try FeatureStore(features: array, sidecar: sidecar, path: npy.path)
    }
    let sidecar: FeatureSidecar
    do {
      sidecar = try JSONDecoder().decode(FeatureSidecar.self, from: Data(contentsOf: sidecarURL))
    } catch {
      throw .malformedFeatures(path: sidecarURL.path, reason: "not a feature sidecar: \(error)")
    }
    return try FeatureStore(features: array, sidecar: sidecar, path: npy.path)
  }

  /// SHA-256 of a file, as a `FeatureError`.
  static func fileDigest(_ url: URL) throws(FeatureError) -> String {
    do {
      return try FileFingerprints(store: nil).sha256(of: url)
    } catch {
      throw .missingInput(path: url.path, reason: error.description)
    }
  }
}
