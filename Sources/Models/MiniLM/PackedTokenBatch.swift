/// Token sequences of different lengths stored row after row without padding: sequence `s`
/// owns rows `starts[s]..<starts[s] + lengths[s]` of every `[N, ·]` buffer, `N = Σ lengths`.
///
/// The inference counterpart of a padded batch with an attention mask: the same values for
/// every real token, no work for padding.
struct PackedTokenBatch {
  /// All token ids, sequence after sequence: `[N]`.
  var ids: [Int]
  /// First row of each sequence.
  var starts: [Int]
  /// Tokens of each sequence (≥ 1).
  var lengths: [Int]

  /// Packs `sequences` (each non-empty).
  init(_ sequences: [[Int]]) {
    precondition(sequences.allSatisfy { !$0.isEmpty }, "PackedTokenBatch: empty sequence")
    ids = sequences.flatMap { $0 }
    lengths = sequences.map(\.count)
    var starts: [Int] = []
    var next = 0
    for length in lengths {
      starts.append(next)
      next += length
    }
    self.starts = starts
  }

  /// `N`, the number of rows.
  var tokenCount: Int { ids.count }
  /// The number of sequences.
  var count: Int { lengths.count }
  /// The longest sequence.
  var maxLength: Int { lengths.max() ?? 0 }
}
