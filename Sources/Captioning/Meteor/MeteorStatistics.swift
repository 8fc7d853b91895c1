import Foundation

/// METEOR's sufficient statistics for a segment or a corpus, and the score computed from
/// them (`edu/cmu/meteor/scorer/MeteorStats`, `MeteorScorer.computeMetrics`).
///
/// With the English "rank" task parameters (`Constants.PARAM_RANK[LANG_EN]`,
/// `WEIGHT_RANK[LANG_EN]`): α = 0.85, β = 0.2, γ = 0.6, δ = 0.75; module weights exact 1,
/// stem 0.6, synonym 0.8, paraphrase 0.6.
///
/// - P = Σ_modules w·(δ·content + (1−δ)·function matches of the test) / (δ·content + (1−δ)·function words of the test), R likewise for the reference;
/// - Fmean = 1 / ((1−α)/P + α/R);
/// - frag = chunks / ((test matches + reference matches)/2), or 0 for a perfect match in one chunk;
/// - score = max(0, Fmean·(1 − γ·frag^β)), 0 if undefined (NaN).
struct MeteorStatistics {
  static let alpha = 0.85
  static let beta = 0.20
  static let gamma = 0.60
  static let delta = 0.75
  static let moduleWeights = [1.0, 0.6, 0.8, 0.6]

  var testLength = 0.0
  var referenceLength = 0.0
  var testFunctionWords = 0.0
  var referenceFunctionWords = 0.0
  /// Per module (exact, stem, synonym, paraphrase): matched content and function words. Fixed
  /// vectors, not arrays: a corpus makes one value per alignment.
  var testContent = SIMD4<Double>()
  var referenceContent = SIMD4<Double>()
  var testFunction = SIMD4<Double>()
  var referenceFunction = SIMD4<Double>()
  var chunks = 0.0

  /// Unweighted totals (`testTotalMatches`, which equal `testWordMatches` for words), summed
  /// module after module.
  var testMatches: Double { (0..<4).reduce(0) { $0 + testContent[$1] + testFunction[$1] } }
  var referenceMatches: Double { (0..<4).reduce(0) { $0 + referenceContent[$1] + referenceFunction[$1] } }

  init() {}

  /// `MeteorScorer.getMeteorStats(Alignment)` for word-level scoring.
  init(_ alignment: MeteorAligner.Alignment) {
    testLength = Double(alignment.testLength)
    referenceLength = Double(alignment.referenceLength)
    testFunctionWords = Double(alignment.testFunctionWords)
    referenceFunctionWords = Double(alignment.referenceFunctionWords)
    testContent = SIMD4(alignment.testContent)
    referenceContent = SIMD4(alignment.referenceContent)
    testFunction = SIMD4(alignment.testFunction)
    referenceFunction = SIMD4(alignment.referenceFunction)
    chunks = Double(alignment.chunks)
  }

  /// `MeteorStats.addStats`: sums everything, except that a segment matched perfectly in a
  /// single chunk adds no chunk (the same case `score` gives frag = 0).
  mutating func add(_ other: MeteorStatistics) {
    testLength += other.testLength
    referenceLength += other.referenceLength
    testFunctionWords += other.testFunctionWords
    referenceFunctionWords += other.referenceFunctionWords
    testContent += other.testContent
    referenceContent += other.referenceContent
    testFunction += other.testFunction
    referenceFunction += other.referenceFunction
    if !other.isPerfectSingleChunk { chunks += other.chunks }
  }

  private var isPerfectSingleChunk: Bool {
    testMatches == testLength && referenceMatches == referenceLength && chunks == 1
  }

  /// `MeteorScorer.computeMetrics`, in the original's operation order.
  var score: Double {
    let (alpha, beta, gamma, delta) = (Self.alpha, Self.beta, Self.gamma, Self.delta)
    let testWeightedLength = (delta * (testLength - testFunctionWords)) + ((1.0 - delta) * testFunctionWords)
    let referenceWeightedLength =
      (delta * (referenceLength - referenceFunctionWords)) + ((1.0 - delta) * referenceFunctionWords)
    var testWeighted = 0.0
    var referenceWeighted = 0.0
    for m in 0..<4 { testWeighted += testContent[m] * Self.moduleWeights[m] * delta }
    for m in 0..<4 { referenceWeighted += referenceContent[m] * Self.moduleWeights[m] * delta }
    for m in 0..<4 { testWeighted += testFunction[m] * Self.moduleWeights[m] * (1.0 - delta) }
    for m in 0..<4 { referenceWeighted += referenceFunction[m] * Self.moduleWeights[m] * (1.0 - delta) }
    let precision = testWeighted / testWeightedLength
    let recall = referenceWeighted / referenceWeightedLength
    let fMean = 1.0 / (((1.0 - alpha) / precision) + (alpha / recall))
    let fragmentation = isPerfectSingleChunk ? 0 : chunks / ((testMatches + referenceMatches) / 2)
    let score = fMean * (1.0 - gamma * pow(fragmentation, beta))
    return score.isNaN ? 0 : max(score, 0.0)
  }
}
