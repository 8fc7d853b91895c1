extension Image {
  /// The central `width × height` region, placed as torchvision's `CenterCrop` places it:
  /// top = round((H − h) / 2), left = round((W − w) / 2), with Python's round-half-to-even.
  ///
  /// - Throws: `MediaError.invalidImage` if the crop is empty or larger than the image
  ///   (torchvision would pad with black; Reprise refuses instead).
  public func centerCropped(width cropWidth: Int, height cropHeight: Int) throws(MediaError)
    -> Image
  {
    guard cropWidth > 0, cropHeight > 0, cropWidth <= width, cropHeight <= height else {
      throw .invalidImage(
        reason: "center crop \(cropWidth)×\(cropHeight) does not fit in \(width)×\(height)")
    }
    let top = Int((Double(height - cropHeight) / 2).rounded(.toNearestOrEven))
    let left = Int((Double(width - cropWidth) / 2).rounded(.toNearestOrEven))
    var output = [UInt8]()
    output.reserveCapacity(3 * cropWidth * cropHeight)
    for y in top..<(top + cropHeight) {
      let start = 3 * (y * width + left)
      output += pixels[start..<(start + 3 * cropWidth)]
    }
    return Image(checkedWidth: cropWidth, height: cropHeight, pixels: output)
  }

  /// The image centred on a white `side × side` square (for drawings rasterised with their
  /// aspect kept); offsets are `(side − w) / 2` rounded down.
  ///
  /// - Throws: `MediaError.invalidImage` if the image is larger than the square.
  public func paddedOnWhite(side: Int) throws(MediaError) -> Image {
    guard width <= side, height <= side else {
      throw .invalidImage(reason: "\(width)×\(height) does not fit in a \(side)×\(side) square")
    }
    var output = [UInt8](repeating: 255, count: 3 * side * side)
    let top = (side - height) / 2
    let left = (side - width) / 2
    for y in 0..<height {
      let target = 3 * ((top + y) * side + left)
      let source = 3 * y * width
      output.replaceSubrange(target..<(target + 3 * width), with: pixels[source..<(source + 3 * width)])
    }
    return Image(checkedWidth: side, height: side, pixels: output)
  }
}
