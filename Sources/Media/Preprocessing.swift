/// The image pipeline of CLIP-style encoders: resize so the shorter side is `shortSide`
/// (Pillow resampling), center crop `crop × crop`, normalise.
///
/// Mirrors torchvision's `Resize(shortSide)`: the longer side becomes
/// `Int(shortSide · longer / shorter)` (truncated), as `_compute_resized_output_size` does.
public struct Preprocessing: Sendable, Codable, Equatable {
  /// Target length of the shorter side, 1…4096.
  public var shortSide: Int
  /// Side of the square center crop, 1…`shortSide`.
  public var crop: Int
  /// Resampling kernel.
  public var filter: ResampleFilter
  /// Channel statistics.
  public var normalization: Normalization

  /// CLIP's preprocessing at 224 pixels: bicubic, center crop, CLIP statistics.
  public static let clip224 = Preprocessing(
    unchecked: 224, crop: 224, filter: .bicubic, normalization: .clip)

  /// A validated pipeline.
  ///
  /// - Throws: `MediaError.invalidParameter` naming the parameter and its allowed range.
  public init(shortSide: Int, crop: Int, filter: ResampleFilter, normalization: Normalization)
    throws(MediaError)
  {
    guard (1...4096).contains(shortSide) else {
      throw .invalidParameter(name: "shortSide", value: "\(shortSide)", allowed: "1…4096")
    }
    guard (1...shortSide).contains(crop) else {
      throw .invalidParameter(name: "crop", value: "\(crop)", allowed: "1…shortSide (\(shortSide))")
    }
    self.init(unchecked: shortSide, crop: crop, filter: filter, normalization: normalization)
  }

  private init(unchecked shortSide: Int, crop: Int, filter: ResampleFilter, normalization: Normalization) {
    self.shortSide = shortSide
    self.crop = crop
    self.filter = filter
    self.normalization = normalization
  }

  /// The size torchvision's `Resize(shortSide)` gives an image of `width × height`.
  public func resizedSize(width: Int, height: Int) -> (width: Int, height: Int) {
    if width <= height {
      return (shortSide, Int(Double(shortSide) * Double(height) / Double(width)))
    }
    return (Int(Double(shortSide) * Double(width) / Double(height)), shortSide)
  }

  /// Resize then crop, before normalisation.
  ///
  /// - Throws: `MediaError.invalidImage` if the resized image is smaller than the crop.
  public func resizedAndCropped(_ image: Image) throws(MediaError) -> Image {
    let size = resizedSize(width: image.width, height: image.height)
    let resized = try Resample.resize(image, width: size.width, height: size.height, filter: filter)
    return try resized.centerCropped(width: crop, height: crop)
  }

  /// The encoder input: `3·crop·crop` floats, channel-major.
  public func apply(_ image: Image) throws(MediaError) -> [Float] {
    normalization.apply(try resizedAndCropped(image))
  }
}
