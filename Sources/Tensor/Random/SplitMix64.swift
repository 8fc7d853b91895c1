/// Sebastiano Vigna's SplitMix64 generator: a 64-bit counter advanced by the golden-ratio
/// increment and passed through a bijective mixing function.
///
/// The output sequence is fixed by the constants below and does not depend on the Swift
/// version, so every seeded draw in Reprise is reproducible (and re-implementable in a few
/// lines of Python; see `scripts/fixtures/prototype_fixture.py`).
///
/// Reference: S. Vigna, `splitmix64.c`, https://prng.di.unimi.it/splitmix64.c (2015);
/// G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose first output is the mix of `seed &+ 0x9E3779B97F4A7C15`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 uniformly distributed bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
