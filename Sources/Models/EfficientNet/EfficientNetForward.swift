import Tensor

// MARK: - forward   f = mean_pixels(relu6(head(blocks(stem(x)))))
// x: [3, 224, 224] (one channel-major image)   →   f: [1280]

extension EfficientNetWeights {
  /// The pooled features of the image in `workspace.input`.
  ///
  /// Reference: `efficientnet_lite_pytorch/model.py`, `EfficientNet.extract_features`
  /// followed by `_avg_pooling` (`nn.AdaptiveAvgPool2d(1)`) in `forward`.
  /// - Parameter features: receives the 1280 pooled values.
  /// - Complexity: `EfficientNetArchitecture.multiplyAdds` multiply-adds less the
  ///   classifier's (≈ 0.39 G).
  func pooledFeatures(_ workspace: EfficientNetWorkspace, into features: UnsafeMutablePointer<Float>) {
    let buffers = workspace.activations
    stem.forward(workspace.input, patches: buffers[2], into: buffers[0])
    var (x, first, second) = (buffers[0], buffers[1], buffers[2])
    for block in blocks {
      let y = block.forward(x, first, second)
      (x, first, second) = y == first ? (first, x, second) : (second, first, x)
    }
    let pixels = EfficientNetArchitecture.finalSide * EfficientNetArchitecture.finalSide
    head.forward(x, pixels: pixels, into: first)
    averagePool(first, pixels: pixels, into: features)
  }

  // MARK: - global average pooling   f[c] = Σ_p h[p, c] / P
  // h: [P, C]   →   f: [C]
  /// - Complexity: O(P·C).
  private func averagePool(_ h: UnsafePointer<Float>, pixels: Int, into features: UnsafeMutablePointer<Float>) {
    let width = head.outputs
    features.update(repeating: 0, count: width)
    for p in 0..<pixels {
      let row = h + p * width
      for c in 0..<width { features[c] += row[c] }
    }
    let scale = 1 / Float(pixels)
    for c in 0..<width { features[c] *= scale }
  }

  // MARK: - classifier   z = f·Wᵀ + b
  // f: [N, 1280]   W: [1000, 1280]   b: [1000]   →   z: [N, 1000]
  /// ImageNet logits of pooled features (`_fc`; dropout is the identity at inference).
  ///
  /// - Complexity: 2·N·1280·1000 flops in one sgemm.
  func logits(_ features: Tensor) -> Tensor {
    let n = features.shape[0]
    var logits = Tensor(zeros: [n, EfficientNetArchitecture.classes])
    let (classes, width) = (EfficientNetArchitecture.classes, EfficientNetArchitecture.featureWidth)
    logits.storage.withUnsafeMutableBufferPointer { z in
      features.storage.withUnsafeBufferPointer { f in
        classifier.weight.withUnsafeBufferPointer { w in
          classifier.bias.withUnsafeBufferPointer { b in
            guard let z = z.baseAddress, let f = f.baseAddress, let w = w.baseAddress, let b = b.baseAddress else { return }
            for r in 0..<n { (z + r * classes).update(from: b, count: classes) }
            DenseRowsGEMM.multiply(transposeB: true, m: n, n: classes, k: width, a: f, b: w, beta: 1, c: z)
          }
        }
      }
    }
    return logits
  }
}
