/// Compositing of straight (non-premultiplied) RGBA over an opaque white background.
///
/// Per channel `out = (c·a + 255·(255 − a)) / 255`, rounded as Pillow's `paste` with a
/// mask rounds (`libImaging/Paste.c`, macro `BLEND`: `t = x + 128; (t + (t >> 8)) >> 8`),
/// which is exact rounding of the division by 255.
enum OnWhite {
  /// `rgba`: `4·n` bytes; returns `3·n` bytes of RGB.
  static func composite(_ rgba: [UInt8]) -> [UInt8] {
    let count = rgba.count / 4
    var rgb = [UInt8](repeating: 0, count: 3 * count)
    rgba.withUnsafeBufferPointer { source in
      rgb.withUnsafeMutableBufferPointer { target in
        for i in 0..<count {
          let alpha = Int(source[4 * i + 3])
          let background = 255 * (255 - alpha) + 128
          for c in 0..<3 {
            let t = Int(source[4 * i + c]) * alpha + background
            target[3 * i + c] = UInt8((t + (t >> 8)) >> 8)
          }
        }
      }
    }
    return rgb
  }
}
