import Media
import Models
import Tensor

/// Test double: an "image encoder" whose features are an image's mean R, G and B (0–255),
/// so expected rows are computable by hand.
struct TestDoubleImageEncoder: ImageEncoder {
  let info = EncoderInfo(
    id: "test-double-image", weightsSHA256: String(repeating: "a", count: 64), dimension: 3,
    preprocessing: "none (mean RGB)", parameterCount: 0)

  func encode(images: [Image]) throws -> Tensor {
    var rows: [Float] = []
    for image in images {
      let n = Float(image.width * image.height)
      for channel in 0..<3 {
        rows.append(stride(from: channel, to: image.pixels.count, by: 3).reduce(Float(0)) { $0 + Float(image.pixels[$1]) } / n)
      }
    }
    return Tensor(shape: [images.count, 3], storage: rows)
  }
}

/// Test double: a "text encoder" whose features count the letters `a` and `b` and the
/// length of a text; it fails on the text `"fail"`.
struct TestDoubleTextEncoder: TextEncoder {
  struct Failure: Error {}

  let info = EncoderInfo(
    id: "test-double-text", weightsSHA256: String(repeating: "b", count: 64), dimension: 3,
    preprocessing: "none (letter counts)", parameterCount: 0)

  func encode(texts: [String]) throws -> Tensor {
    if texts.contains("fail") { throw Failure() }
    let rows = texts.flatMap { text in
      [Float(text.filter { $0 == "a" }.count), Float(text.filter { $0 == "b" }.count), Float(text.count)]
    }
    return Tensor(shape: [texts.count, 3], storage: rows)
  }
}
