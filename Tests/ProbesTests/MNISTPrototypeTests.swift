import Datasets
import Foundation
import Tensor
import TestSupport
import Testing

@testable import Probes

@Suite struct MNISTPrototypeTests {
  /// Nearest class mean on normalised raw pixels with 10 shots: an independent NumPy run
  /// (5 random supports) gave 0.689 ± 0.029 on mnist-test; 50 shots give about 0.75.
  @Test func tenShotPixelPrototypesOnMNISTTest() throws {
    let catalog = Catalog(mirror: TestPaths.mirror, userBase: TestPaths.packageRoot, fingerprints: FileFingerprints(store: nil))
    let data = try catalog.labeledImages("mnist-test")
    let features = Tensor(shape: [data.count, data.height * data.width], storage: data.pixels.map(Float.init))
    let result = try PrototypeClassifier.evaluate(
      features: features, labels: data.labels, classCount: data.classNames.count,
      configuration: PrototypeConfiguration(shots: [10], trials: 3, seed: 1))
    print(
      "mnist-test pixels, 10 shots, 3 trials, seed 1: accuracies \(result.accuracies[0]), "
        + "mean \(result.mean[0]) ± \(result.std[0])")
    #expect(result.queryCounts == [9_900])
    #expect((0.62...0.78).contains(result.mean[0]))
  }
}
