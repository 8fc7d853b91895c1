import Tensor

/// Few-shot classification by class prototypes (nearest class mean under the dot product of
/// L2-normalised features), the protocol of the thesis' few-shot experiment.
///
/// Source: Devillers et al. 2021, `bdvllrs/generalization-vision`: `tasks/few_shot.py:67-79`,
/// `visiongeneralization/utils.py:68-101, 137-189` (thesis-protocols.md, A2).
///
/// For each shot count `k = shots[s]` and trial `t`:
/// 1. Features are L2-normalised per row (once; zero rows stay zero).
/// 2. The trial generator is `SplitMix64(seed: trialSeed(seed, k, t))` with
///    `trialSeed = mix(mix(mix(seed) ^ k) ^ t)` and `mix(x) = SplitMix64(seed: x).next()`;
///    keyed by the shot count itself, so `shots: [5]` and `shots: [1, 5, 10]` draw the same
///    5-shot supports.
/// 3. Support: for each class `c` in increasing order, `k` distinct items drawn with
///    `sample(k, from: n_c)` among the items of class `c` listed in dataset order.
/// 4. Prototype of class `c` = mean of its normalised support features, **not**
///    re-normalised (`utils.py:183-184`).
/// 5. Query = every item not in the support, in dataset order; score = query · prototypeᵀ
///    (`matmul`), prediction = argmax with ties to the lowest class index; accuracy = the
///    fraction of correct predictions.
///
/// Mean and population std (ddof 0, `few_shot.py:77`) are taken over trials.
///
/// Deviations from the thesis code, which permutes the *train* split with an unseeded
/// `np.random.permutation`, takes the first `k` images of each class as support and tests
/// on the whole *test* split: draws here are seeded, and support and query come from one
/// set (a dataset such as `mnist-test` is a single split), so each class needs at least
/// `k + 1` items.
public enum PrototypeClassifier {
  /// Evaluates prototype classification for every configured shot count and trial.
  ///
  /// - Parameters:
  ///   - features: `[n, d]`, one row per item; values must be finite.
  ///   - labels: `n` class indices in `0..<classCount`.
  ///   - classCount: the number of classes `C`; each needs more than `max(shots)` items.
  ///   - configuration: shots, trials and seed; validated here.
  ///   - progress: called after each (shot count, trial) with the number done and the total
  ///     `shots.count · trials`.
  /// - Returns: accuracies per shot count and trial, with mean, std and query counts.
  /// - Complexity: O(n·d) to normalise, then per trial O(n·d·C) in one `matmul`.
  /// - Throws: `ProbeError` for an invalid configuration, inconsistent inputs, or a class
  ///   with too few items.
  public static func evaluate(
    features: Tensor, labels: [Int], classCount: Int, configuration: PrototypeConfiguration,
    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) throws(ProbeError) -> PrototypeResult {
    try configuration.validate()
    let members = try itemsByClass(features: features, labels: labels, classCount: classCount)
    let largest = configuration.shots.max() ?? 0
    if let c = members.firstIndex(where: { $0.count <= largest }) {
      throw .notEnoughExamples(classIndex: c, available: members[c].count, requested: largest)
    }
    let normalized = features.l2NormalizedRows()
    let total = configuration.shots.count * configuration.trials
    var accuracies: [[Double]] = []
    var queryCounts: [Int] = []
    for (s, k) in configuration.shots.enumerated() {
      var series: [Double] = []
      for t in 0..<configuration.trials {
        var generator = SplitMix64(seed: trialSeed(configuration.seed, shots: k, trial: t))
        let support = members.map { items in
          generator.sample(k, from: items.count).map { items[$0] }
        }
        series.append(
          trial(normalizedFeatures: normalized, labels: labels, support: support).accuracy)
        progress(s * configuration.trials + t + 1, total)
      }
      accuracies.append(series)
      queryCounts.append(labels.count - k * classCount)
    }
    return PrototypeResult(
      shots: configuration.shots, accuracies: accuracies, queryCounts: queryCounts)
  }

  /// The outcome of one trial.
  struct Trial: Equatable {
    /// Items classified, ascending: all items not in the support.
    var queryIndices: [Int]
    /// `[query count, C]` dot products of normalised query features with the prototypes.
    var scores: Tensor
    /// Predicted class per query item.
    var predictions: [Int]
    /// Fraction of `predictions` equal to the query labels.
    var accuracy: Double
  }

  /// One trial with a given support: steps 4–5 of the protocol.
  ///
  /// - Parameters:
  ///   - x: `[n, d]` features, rows already L2-normalised.
  ///   - labels: `n` class indices.
  ///   - support: `support[c]` = the distinct item indices forming class `c`'s prototype.
  /// - Returns: the query items, their scores and predictions, and the accuracy.
  static func trial(normalizedFeatures x: Tensor, labels: [Int], support: [[Int]]) -> Trial {
    let prototypes = classMeans(x, groups: support)
    var inSupport = [Bool](repeating: false, count: labels.count)
    for i in support.joined() { inSupport[i] = true }
    let queryIndices = labels.indices.filter { !inSupport[$0] }
    let scores = matmul(x.gatherRows(queryIndices), prototypes, transposeB: true)
    let predictions = scores.argmaxPerRow()
    let correct = zip(queryIndices, predictions).count { labels[$0] == $1 }
    return Trial(
      queryIndices: queryIndices, scores: scores, predictions: predictions,
      accuracy: Double(correct) / Double(max(queryIndices.count, 1)))
  }

  /// The seed of trial `trial` with `shots` examples per class (protocol step 2).
  static func trialSeed(_ seed: UInt64, shots: Int, trial: Int) -> UInt64 {
    func mix(_ x: UInt64) -> UInt64 {
      var generator = SplitMix64(seed: x)
      return generator.next()
    }
    return mix(mix(mix(seed) ^ UInt64(shots)) ^ UInt64(trial))
  }

  /// `[C, d]` matrix whose row `c` is the mean of the rows of `x` at `groups[c]`.
  static func classMeans(_ x: Tensor, groups: [[Int]]) -> Tensor {
    let d = x.shape[1]
    var means = Tensor(zeros: [groups.count, d])
    x.storage.withUnsafeBufferPointer { source in
      means.storage.withUnsafeMutableBufferPointer { target in
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else {
          return
        }
        for (c, group) in groups.enumerated() where !group.isEmpty {
          let mean = targetBase + c * d
          for i in group {
            let row = sourceBase + i * d
            for j in 0..<d { mean[j] += row[j] }
          }
          let scale = 1 / Float(group.count)
          for j in 0..<d { mean[j] *= scale }
        }
      }
    }
    return means
  }

  /// The item indices of each class in dataset order, after checking the inputs agree.
  static func itemsByClass(features: Tensor, labels: [Int], classCount: Int) throws(ProbeError)
    -> [[Int]]
  {
    guard features.rank == 2 else {
      throw .shapeMismatch("features must be a [n, d] matrix, got shape \(features.shape)")
    }
    guard features.shape[0] == labels.count else {
      throw .shapeMismatch("\(features.shape[0]) feature rows but \(labels.count) labels")
    }
    guard classCount >= 1 else {
      throw .invalidConfiguration(
        parameter: "classCount", allowed: "at least 1", got: "\(classCount)")
    }
    var members = [[Int]](repeating: [], count: classCount)
    for (i, label) in labels.enumerated() {
      guard (0..<classCount).contains(label) else {
        throw .shapeMismatch("label \(label) of item \(i) is outside 0..<\(classCount)")
      }
      members[label].append(i)
    }
    return members
  }
}
