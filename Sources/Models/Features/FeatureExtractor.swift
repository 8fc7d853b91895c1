import Datasets
import Foundation
import Media

/// Runs items through a model in batches and collects one feature row per item.
public enum FeatureExtractor {
  /// Largest batch `extract` accepts.
  public static let batchRange = 1...4096

  /// Features of `items` from `model`, in item order.
  ///
  /// Image encoders read `items.images` (decoded one batch at a time), text encoders
  /// `items.texts`; a feature file is aligned to the items by id when its sidecar lists ids
  /// that cover them, else row by row when its row count equals the item count.
  ///
  /// - Parameters:
  ///   - batch: items per encoder call, in `batchRange`.
  ///   - progress: called with (items done, items in all) after each batch.
  /// - Throws: `FeatureError` naming the model and the image or batch that failed.
  public static func extract(
    _ items: FeatureItems, with model: FeatureModel, batch: Int, progress: (Int, Int) -> Void = { _, _ in }
  ) throws(FeatureError) -> FeatureStore {
    precondition(batchRange.contains(batch), "batch \(batch) outside \(batchRange)")
    let info = model.info
    let rows: [Float]
    switch model {
    case .image(let encoder):
      guard let images = items.images else {
        throw .wrongModality(model: info.id, data: items.data.source, reason: "the items have no images")
      }
      rows = try run(count: images.count, dimension: info.dimension, batch: batch, model: info.id, progress: progress) {
        range in
        let decoded = try range.map { (i: Int) throws(FeatureError) -> Image in
          do {
            return try images[i].load()
          } catch {
            throw .unreadableImage(path: Self.name(of: images[i], id: items.ids[i]), reason: "\(error)")
          }
        }
        return try encoder.encode(images: decoded).storage
      }
    case .text(let encoder):
      guard let texts = items.texts else {
        throw .wrongModality(model: info.id, data: items.data.source, reason: "the items have no texts")
      }
      rows = try run(count: texts.count, dimension: info.dimension, batch: batch, model: info.id, progress: progress) {
        range in try encoder.encode(texts: Array(texts[range])).storage
      }
    case .features(let store, let path):
      rows = try aligned(store, to: items.ids, path: path)
      progress(items.ids.count, items.ids.count)
    }
    var dimension = info.dimension
    if case .features(let store, _) = model { dimension = store.dimension }
    let array: NPYArray
    do {
      array = try NPYArray(shape: [items.ids.count, dimension], values: rows)
    } catch {
      throw .malformedFeatures(path: info.id, reason: error.description)
    }
    let sidecar = FeatureSidecar(
      ids: items.ids, labels: items.labels, classNames: items.classNames, model: info, data: items.data)
    return try FeatureStore(features: array, sidecar: sidecar)
  }

  /// Calls `encode` on consecutive ranges of at most `batch` items and concatenates rows;
  /// a `FeatureError` passes through, any other error is the encoder failing.
  private static func run(
    count: Int, dimension: Int, batch: Int, model: String, progress: (Int, Int) -> Void,
    encode: (Range<Int>) throws -> [Float]
  ) throws(FeatureError) -> [Float] {
    var rows: [Float] = []
    rows.reserveCapacity(count * dimension)
    for (index, start) in stride(from: 0, to: count, by: batch).enumerated() {
      let range = start..<min(start + batch, count)
      let values: [Float]
      do {
        values = try encode(range)
      } catch {
        throw error as? FeatureError ?? .encoderFailed(model: model, batch: index, reason: "\(error)")
      }
      guard values.count == range.count * dimension else {
        throw .encoderFailed(
          model: model, batch: index, reason: "returned \(values.count) values for \(range.count) items × \(dimension)")
      }
      rows += values
      progress(range.upperBound, count)
    }
    return rows
  }

  /// The rows of `store` in the order of `ids`: by id when the store's ids cover them, else
  /// row by row when the counts agree.
  static func aligned(_ store: FeatureStore, to ids: [String], path: String) throws(FeatureError) -> [Float] {
    let values = store.features.values
    let d = store.dimension
    if store.sidecar.ids == ids { return values }
    var rowOf: [String: Int] = [:]
    for (row, id) in store.sidecar.ids.enumerated() where rowOf[id] == nil { rowOf[id] = row }
    if let missing = ids.first(where: { rowOf[$0] == nil }) {
      guard store.count == ids.count else {
        throw .misalignedFeatures(
          path: path, reason: "it has \(store.count) rows for \(ids.count) items, and no row for item '\(missing)'")
      }
      return values
    }
    return ids.flatMap { id in values[(rowOf[id] ?? 0) * d..<((rowOf[id] ?? 0) + 1) * d] }
  }

  /// The file behind an image reference, or the item id for in-memory images.
  private static func name(of image: ImageRef, id: String) -> String {
    if case .file(let url) = image { return url.path }
    return "item \(id)"
  }
}
