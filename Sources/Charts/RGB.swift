import Foundation

/// An sRGB colour with channels in 0...255.
struct RGB: Equatable {
  var red: Double
  var green: Double
  var blue: Double

  /// The colour written `0xRRGGBB`.
  init(_ hex: UInt32) {
    red = Double(hex >> 16 & 0xff)
    green = Double(hex >> 8 & 0xff)
    blue = Double(hex & 0xff)
  }

  /// The colour `fraction` of the way from `self` to `other`, interpolated in sRGB.
  func mixed(with other: RGB, by fraction: Double) -> RGB {
    var mix = self
    mix.red += (other.red - red) * fraction
    mix.green += (other.green - green) * fraction
    mix.blue += (other.blue - blue) * fraction
    return mix
  }

  /// Lowercase "#rrggbb", channels rounded to the nearest integer.
  var hex: String {
    "#"
      + [red, green, blue].map { channel in
        let byte = Int(min(max(channel, 0), 255).rounded())
        return String(byte >> 4, radix: 16) + String(byte & 0xf, radix: 16)
      }.joined()
  }

  /// WCAG 2 relative luminance in 0...1 (sRGB channels linearised).
  var luminance: Double {
    func linear(_ channel: Double) -> Double {
      let c = channel / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// Black or white, whichever contrasts more with this colour (WCAG contrast ratio).
  var contrastingText: String {
    (luminance + 0.05) * (luminance + 0.05) > 0.0525 ? "#000000" : "#ffffff"
  }
}
