import Tensor
import TestSupport
import Testing

/// One case of `scripts/fixtures/tensor_conv_attention.py` (`nn.MultiheadAttention`).
private struct AttentionCase: Decodable, CustomTestStringConvertible, Sendable {
  var name: String
  var dimension, heads, batch, queries, keys: Int
  var cross, causal: Bool
  var padding: [[Bool]]?
  var query, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias, r, y: [Float]
  var key_value, d_key_value: [Float]?
  var d_query, d_in_proj_weight, d_in_proj_bias, d_out_proj_weight, d_out_proj_bias: [Float]
  var testDescription: String { name }
}

private let attentionCases = FixtureCases<AttentionCase>.load("tensor_attention.json")

@Suite struct AttentionTests {
  @Test func fixtureIsPresent() { #expect(attentionCases.count == 3) }

  /// Forward and backward against PyTorch: max |diff| ≤ 1e-4 for the output and the
  /// gradients of the inputs and all four parameters.
  @Test(arguments: attentionCases)
  fileprivate func matchesPyTorch(_ c: AttentionCase) {
    let store = ParameterStore()
    var generator = SplitMix64(seed: 0)
    let layer = MultiHeadAttention(dimension: c.dimension, heads: c.heads, name: "mha", store: store, generator: &generator)
    let d = c.dimension
    layer.inputWeight.setValue(Tensor(shape: [3 * d, d], storage: c.in_proj_weight))
    layer.inputBias.setValue(Tensor(shape: [3 * d], storage: c.in_proj_bias))
    layer.outputWeight.setValue(Tensor(shape: [d, d], storage: c.out_proj_weight))
    layer.outputBias.setValue(Tensor(shape: [d], storage: c.out_proj_bias))
    let tape = Tape()
    let query = tape.variable(Tensor(shape: [c.batch, c.queries, d], storage: c.query))
    let mask = AttentionMask(keyPadding: c.padding, causal: c.causal)
    let keyValue = c.key_value.map { tape.variable(Tensor(shape: [c.batch, c.keys, d], storage: $0)) }
    let y = keyValue.map { layer(query: query, key: $0, value: $0, mask: mask) } ?? layer(query, mask: mask)
    tape.backward(y, seed: Tensor(shape: y.shape, storage: c.r))
    assertClose(y.value.storage, c.y, atol: 1e-4, "\(c.name): y")
    assertClose(query.gradient?.storage ?? [], c.d_query, atol: 1e-4, "\(c.name): d query")
    if let expected = c.d_key_value {
      assertClose(keyValue?.gradient?.storage ?? [], expected, atol: 1e-4, "\(c.name): d key/value")
    }
    assertClose(layer.inputWeight.gradient.storage, c.d_in_proj_weight, atol: 1e-4, "\(c.name): d in_proj_weight")
    assertClose(layer.inputBias.gradient.storage, c.d_in_proj_bias, atol: 1e-4, "\(c.name): d in_proj_bias")
    assertClose(layer.outputWeight.gradient.storage, c.d_out_proj_weight, atol: 1e-4, "\(c.name): d out_proj.weight")
    assertClose(layer.outputBias.gradient.storage, c.d_out_proj_bias, atol: 1e-4, "\(c.name): d out_proj.bias")
  }

  @Test func gradientCheckOfAttentionInputsAndLayerParameters() {
    let q = randomTensor([2, 2, 3, 4], seed: 1)
    let k = randomTensor([2, 2, 4, 4], seed: 2)
    let v = randomTensor([2, 2, 4, 3], seed: 3)
    let mask = AttentionMask(keyPadding: [[false, false, false, true], [false, false, false, false]], causal: true)
    GradientCheck.inputs([q, k, v]) { _, x in scaledDotProductAttention(query: x[0], key: x[1], value: x[2], mask: mask) }
    let store = ParameterStore()
    var generator = SplitMix64(seed: 4)
    let layer = MultiHeadAttention(dimension: 4, heads: 2, name: "attn", store: store, generator: &generator)
    let x = randomTensor([2, 3, 4], seed: 5)
    GradientCheck.parameters(store) { tape in layer(tape.constant(x), mask: AttentionMask(causal: true)) }
    GradientCheck.inputs([x]) { _, v in layer(v[0]) }
  }

  @Test func causalMaskHidesTheFutureAndPaddingHidesKeys() {
    let tape = Tape()
    let q = tape.constant(randomTensor([1, 1, 3, 2], seed: 6))
    let k = tape.constant(randomTensor([1, 1, 3, 2], seed: 7))
    let v = tape.constant(Tensor(shape: [1, 1, 3, 1], storage: [1, 10, 100]))
    let causal = scaledDotProductAttention(query: q, key: k, value: v, mask: AttentionMask(causal: true)).value
    #expect(causal.storage[0] == 1)  // the first query sees only the first key
    let padded = scaledDotProductAttention(query: q, key: k, value: v, mask: AttentionMask(keyPadding: [[false, true, true]])).value
    #expect(padded.storage == [1, 1, 1])
  }

  /// The composite twin of `fusedSelfAttention`: split the packed projection into heads
  /// with `reshape`/`permute`/`slice`, attend, merge.
  private func compositeSelfAttention(_ qkv: Variable, heads: Int, mask: AttentionMask?) -> Variable {
    let (b, t, d) = (qkv.shape[0], qkv.shape[1], qkv.shape[2] / 3)
    let split = permute(reshape(qkv, [b, t, 3, heads, d / heads]), [2, 0, 3, 1, 4])
    let part = { (i: Int) in reshape(slice(split, axis: 0, i..<(i + 1)), [b, heads, t, d / heads]) }
    let attended = scaledDotProductAttention(query: part(0), key: part(1), value: part(2), mask: mask)
    return reshape(permute(attended, [0, 2, 1, 3]), [b, t, d])
  }

  @Test(arguments: [nil, AttentionMask(keyPadding: [[false, false, true, true], [false, false, false, false]], causal: true)])
  func fusedSelfAttentionMatchesItsCompositeTwin(mask: AttentionMask?) {
    let qkv = randomTensor([2, 4, 18], seed: 8)
    let (fused, composite) = (Tape(), Tape())
    let (xf, xc) = (fused.variable(qkv), composite.variable(qkv))
    let (yf, yc) = (fusedSelfAttention(xf, heads: 3, mask: mask), compositeSelfAttention(xc, heads: 3, mask: mask))
    assertClose(yf.value, yc.value, atol: 1e-6)
    let r = GradientCheck.projection(yf.shape)
    fused.backward(yf, seed: r)
    composite.backward(yc, seed: r)
    assertClose(xf.gradient ?? qkv, xc.gradient ?? qkv, atol: 1e-6)
    GradientCheck.inputs([qkv]) { _, v in fusedSelfAttention(v[0], heads: 3, mask: mask) }
  }
}
