import Tensor
import Testing

@Suite struct SplitMix64Tests {
  /// First outputs of Vigna's splitmix64.c for seed 0, computed with
  /// `z = (s += 0x9e3779b97f4a7c15); z = (z ^ z>>30) * 0xbf58476d1ce4e5b9;
  /// z = (z ^ z>>27) * 0x94d049bb133111eb; z ^ z>>31` in Python (mod 2⁶⁴).
  @Test func matchesReferenceOutputsForSeedZero() {
    var generator = SplitMix64(seed: 0)
    let outputs = (0..<5).map { _ in generator.next() }
    #expect(
      outputs == [
        0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
        0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B,
      ])
  }

  /// Values from the Python port in `scripts/fixtures/prototype_fixture.py`, which pins the
  /// bounded-integer, shuffle and sample algorithms across languages and Swift versions.
  @Test func drawsMatchThePythonPort() {
    var generator = SplitMix64(seed: 42)
    #expect(generator.sample(3, from: 10) == [7, 2, 4])
    generator = SplitMix64(seed: 42)
    #expect((0..<8).map { _ in generator.integer(below: 6) } == [4, 0, 1, 2, 0, 5, 1, 4])
    generator = SplitMix64(seed: 42)
    #expect(generator.uniform() == 0.7415648787718233)
    generator = SplitMix64(seed: 7)
    var values = Array(0..<8)
    generator.shuffle(&values)
    #expect(values == [7, 4, 6, 1, 2, 5, 0, 3])
  }

  @Test func uniformStaysInUnitInterval() {
    var generator = SplitMix64(seed: 3)
    let values = (0..<10_000).map { _ in generator.uniform() }
    #expect(values.allSatisfy { (0..<1).contains($0) })
    let mean = values.reduce(0, +) / Double(values.count)
    #expect(abs(mean - 0.5) < 0.02)
  }

  @Test func boundedIntegersCoverTheRangeAndOnlyIt() {
    var generator = SplitMix64(seed: 5)
    let draws = (0..<2_000).map { _ in generator.integer(below: 7) }
    #expect(Set(draws) == Set(0..<7))
    let huge = Int(UInt64(1) << 62) + 1  // rejection threshold ≈ bound: exercises the retry
    #expect((0..<100).allSatisfy { _ in (0..<huge).contains(generator.integer(below: huge)) })
  }

  @Test func sampleIsDistinctInRangeAndDeterministic() {
    var first = SplitMix64(seed: 9)
    var second = SplitMix64(seed: 9)
    var other = SplitMix64(seed: 10)
    let a = first.sample(20, from: 50)
    #expect(Set(a).count == 20)
    #expect(a.allSatisfy { (0..<50).contains($0) })
    #expect(second.sample(20, from: 50) == a)
    #expect(other.sample(20, from: 50) != a)
    #expect(Set(first.sample(50, from: 50)) == Set(0..<50))
    #expect(first.sample(0, from: 5).isEmpty)
  }

  @Test func shuffleIsAPermutation() {
    var generator = SplitMix64(seed: 1)
    var values = Array(0..<100)
    generator.shuffle(&values)
    #expect(values.sorted() == Array(0..<100))
    #expect(values != Array(0..<100))
  }
}
