import Media
import Tensor

/// What identifies an encoder's features: enough to key a cache and to print a model card.
public struct EncoderInfo: Sendable, Codable, Equatable {
  /// Catalog id, e.g. `efficientnet-lite0` or `minilm-l6`.
  public var id: String
  /// SHA-256 (hex) of the weight file(s) the encoder was loaded from.
  public var weightsSHA256: String
  /// Width of one feature row.
  public var dimension: Int
  /// The input pipeline in words (resize, crop, normalisation; or tokenizer and max length),
  /// part of the feature cache key.
  public var preprocessing: String
  /// Number of parameters after loading (batch norm folded where it applies).
  public var parameterCount: Int

  public init(id: String, weightsSHA256: String, dimension: Int, preprocessing: String, parameterCount: Int) {
    self.id = id
    self.weightsSHA256 = weightsSHA256
    self.dimension = dimension
    self.preprocessing = preprocessing
    self.parameterCount = parameterCount
  }
}

/// A frozen image encoder: decoded images in, one feature row per image out.
public protocol ImageEncoder: Sendable {
  var info: EncoderInfo { get }
  /// Features of a batch, preprocessing included.
  ///
  /// - Returns: `[images.count, info.dimension]`.
  func encode(images: [Image]) throws -> Tensor
}

/// A frozen text encoder: strings in, one feature row per string out.
public protocol TextEncoder: Sendable {
  var info: EncoderInfo { get }
  /// Features of a batch, tokenisation included.
  ///
  /// - Returns: `[texts.count, info.dimension]`.
  func encode(texts: [String]) throws -> Tensor
}
