/// Per-channel normalisation to the float layout encoders take: `(v / 255 − mean) / std`
/// in single precision, channel-major (`[3, height, width]`), as torchvision's `ToTensor`
/// followed by `Normalize` computes it.
public struct Normalization: Sendable, Codable, Equatable {
  /// Mean of each channel (R, G, B) on the 0…1 scale.
  public var mean: [Float]
  /// Standard deviation of each channel on the 0…1 scale; all positive.
  public var std: [Float]

  /// CLIP's statistics (`openai/CLIP`, `clip/clip.py`, `_transform`).
  public static let clip = Normalization(
    unchecked: [0.481_454_66, 0.457_827_5, 0.408_210_73], [0.268_629_54, 0.261_302_58, 0.275_777_11])
  /// ImageNet's statistics (torchvision's documented defaults).
  public static let imageNet = Normalization(unchecked: [0.485, 0.456, 0.406], [0.229, 0.224, 0.225])

  /// A normalisation with three means and three positive, finite standard deviations.
  ///
  /// - Throws: `MediaError.invalidParameter` naming the offending value.
  public init(mean: [Float], std: [Float]) throws(MediaError) {
    guard mean.count == 3, mean.allSatisfy(\.isFinite) else {
      throw .invalidParameter(name: "mean", value: "\(mean)", allowed: "three finite numbers")
    }
    guard std.count == 3, std.allSatisfy({ $0.isFinite && $0 > 0 }) else {
      throw .invalidParameter(name: "std", value: "\(std)", allowed: "three positive numbers")
    }
    self.init(unchecked: mean, std)
  }

  private init(unchecked mean: [Float], _ std: [Float]) {
    self.mean = mean
    self.std = std
  }

  /// `3·width·height` floats, channel-major.
  public func apply(_ image: Image) -> [Float] {
    let plane = image.width * image.height
    var output = [Float](repeating: 0, count: 3 * plane)
    image.pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for c in 0..<3 {
          let (m, s) = (mean[c], std[c])
          for i in 0..<plane {
            target[c * plane + i] = (Float(source[3 * i + c]) / 255 - m) / s
          }
        }
      }
    }
    return output
  }
}
