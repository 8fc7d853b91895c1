import Foundation
import Testing

@testable import Charts

@Suite struct NiceScaleTests {
  @Test func unitRangeGivesTenths() {
    #expect(NiceScale.ticks(lo: 0, hi: 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(NiceScale.ticks(lo: 0, hi: 0.93) == [0, 0.2, 0.4, 0.6, 0.8, 1])
  }

  @Test func ticksAreExactDecimals() {
    #expect(NiceScale.ticks(lo: 0, hi: 0.3, maxCount: 4) == [0, 0.1, 0.2, 0.3])
    #expect(NiceScale.ticks(lo: 0.7, hi: 0.95, maxCount: 6) == [0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
  }

  @Test func coarserStepWhenTooManyTicks() {
    // Step 1 would need 11 ticks (-3…7); step 2 needs 7 (-4…8), which is maxCount + 1.
    #expect(NiceScale.ticks(lo: -3, hi: 7, maxCount: 6) == [-4, -2, 0, 2, 4, 6, 8])
    // Step 2 would need 7 ticks; step 5 needs 4.
    #expect(NiceScale.ticks(lo: -3, hi: 7, maxCount: 5) == [-5, 0, 5, 10])
  }

  @Test func degenerateAndNonFiniteRanges() {
    let constant = NiceScale.ticks(lo: 5, hi: 5)
    #expect(constant.count >= 2 && constant.first! < 5 && constant.last! > 5)
    #expect(NiceScale.ticks(lo: 0, hi: 0) == [-1, -0.5, 0, 0.5, 1])
    #expect(NiceScale.ticks(lo: 0, hi: .infinity).isEmpty)
    #expect(NiceScale.ticks(lo: .nan, hi: 1).isEmpty)
    #expect(NiceScale.ticks(lo: 1, hi: 0) == NiceScale.ticks(lo: 0, hi: 1))
  }

  /// Ticks are multiples of 1, 2 or 5 × 10^k, cover the range, and number at most
  /// maxCount + 1, over a seeded sweep of ranges from 1e-6 to 1e6.
  @Test func sweepInvariants() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    for trial in 0..<2000 {
      let magnitude = pow(10, uniform() * 12 - 6)
      let lo = (uniform() * 2 - 1) * magnitude
      let hi = lo + uniform() * magnitude * 3
      let maxCount = 2 + trial % 9
      let ticks = NiceScale.ticks(lo: lo, hi: hi, maxCount: maxCount)
      let context = "trial \(trial): lo \(lo) hi \(hi) maxCount \(maxCount) → \(ticks)"
      guard ticks.count >= 2 else {
        Issue.record("fewer than 2 ticks, \(context)")
        continue
      }
      let step = ticks[1] - ticks[0]
      let mantissa = step / pow(10, (log10(step)).rounded(.down))
      #expect([1.0, 2, 5, 10].contains { abs($0 - mantissa) < 1e-6 }, "\(context)")
      #expect(ticks.count <= maxCount + 1, "\(context)")
      #expect(ticks.first! <= lo + step * 1e-6 && ticks.last! >= hi - step * 1e-6, "\(context)")
      for tick in ticks {
        #expect(abs(tick / step - (tick / step).rounded()) < 1e-6, "\(context)")
      }
    }
  }

  @Test func formatTakesDecimalsFromStep() {
    #expect(NiceScale.format(0.30000000000000004, step: 0.1) == "0.3")
    #expect(NiceScale.format(0.4, step: 0.2) == "0.4")
    #expect(NiceScale.format(2, step: 0.25) == "2.00")
    #expect(NiceScale.format(0.75, step: 0.05) == "0.75")
    #expect(NiceScale.format(1000, step: 200) == "1000")
    #expect(NiceScale.format(-1.5, step: 0.5) == "-1.5")
    #expect(NiceScale.format(1.25, step: 0) == "1.25")
  }

  @Test func formatNeverWritesMinusZero() {
    #expect(NiceScale.format(-0.0, step: 1) == "0")
    #expect(NiceScale.format(-0.0001, step: 0.1) == "0.0")
    #expect(NiceScale.format(-1e-17, step: 0.2) == "0.0")
  }

  @Test func coordinatesHaveAtMostTwoDecimals() {
    #expect(12.5.svgNumber == "12.5")
    #expect(12.0.svgNumber == "12")
    #expect(0.005.svgNumber == "0.01")
    #expect((-0.004).svgNumber == "0")
    #expect(1.23456.svgNumber == "1.23")
    #expect((-7.899).svgNumber == "-7.9")
  }
}
