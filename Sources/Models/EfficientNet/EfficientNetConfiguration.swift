import Media
import Tensor

/// How `EfficientNetLite0` runs: its threads and its input pipeline.
public struct EfficientNetConfiguration: Sendable, Codable, Equatable {
  /// Images in flight at once, one per thread, each on single-threaded OpenBLAS (1…64).
  /// Defaults to `BLAS.threadCount` (`OPENBLAS_NUM_THREADS`), so both libraries use the
  /// same cores.
  public var threads: Int
  /// Resize, crop and normalisation of `encode(images:)`; the crop must be 224 (the static
  /// padding of every layer is computed for 224²).
  public var preprocessing: Preprocessing

  /// A validated configuration.
  ///
  /// - Throws: `TensorError.invalidConfiguration` naming the parameter and its allowed range.
  public init(threads: Int = BLAS.threadCount, preprocessing: Preprocessing = .efficientNetLite0) throws(TensorError) {
    guard (1...64).contains(threads) else {
      throw .invalidConfiguration(parameter: "threads", allowed: "1…64", got: "\(threads)")
    }
    guard preprocessing.crop == EfficientNetArchitecture.imageSide else {
      throw .invalidConfiguration(
        parameter: "preprocessing.crop", allowed: "\(EfficientNetArchitecture.imageSide)", got: "\(preprocessing.crop)")
    }
    self.threads = threads
    self.preprocessing = preprocessing
  }
}
