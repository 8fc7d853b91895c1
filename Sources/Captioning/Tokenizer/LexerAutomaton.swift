/// Longest-match scanning for a list of rules, as a JFlex scanner does it: at a position,
/// the rule whose pattern matches the longest prefix wins, and among equally long matches the
/// one listed first.
///
/// The rules are compiled into one Thompson NFA (one ε-branch per rule), which is run as a
/// lazily built DFA: each DFA state is a set of NFA states, created the first time the scanner
/// reaches it and cached with its transitions (a 128-entry table for ASCII, a dictionary for
/// the rest). After a short warm-up, scanning a token costs one table lookup per code unit.
final class LexerAutomaton {
  private struct State {
    var epsilon: [Int32] = []
    var unitClass: Int32 = -1
    var target: Int32 = -1
    var acceptedRule: Int32 = -1
  }

  private var states: [State] = []
  private var classes: [CodeUnitClass] = []

  // Lazy DFA. The hot tables are raw buffers: class-property arrays would pay a dynamic
  // exclusivity check on every lookup.
  private var dfaStates: [[Int32]] = []
  private var dfaIndex: [[Int32]: Int32] = [:]
  private var otherNext: [[UInt16: Int32]] = []
  private var capacity = 0
  private var accepting = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
  private var asciiNext = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
  private static let unknown: Int32 = -2
  private static let dead: Int32 = -1

  /// Compiles `patterns`; a match of `patterns[i]` reports rule `i`.
  init(_ patterns: [LexPattern]) {
    var starts: [Int32] = []
    states.reserveCapacity(4096)
    for (rule, pattern) in patterns.enumerated() {
      let (entry, exit) = compile(pattern)
      states[Int(exit)].acceptedRule = Int32(rule)
      starts.append(entry)
    }
    let start = addState()
    states[Int(start)].epsilon = starts
    _ = dfaState(for: closure([start]))  // DFA state 0, where every match begins
  }

  deinit {
    accepting.deallocate()
    asciiNext.deallocate()
  }

  /// The longest match at `position`: its length in code units and its rule, or `nil`
  /// when no rule matches a non-empty prefix.
  func longestMatch(in text: UnsafeBufferPointer<UInt16>, at position: Int) -> (length: Int, rule: Int)? {
    var state: Int32 = 0
    var best: (length: Int, rule: Int)? = nil
    var index = position
    while index < text.count {
      state = next(state, text[index])
      if state == Self.dead { break }
      index += 1
      let rule = accepting[Int(state)]
      if rule >= 0 { best = (index - position, Int(rule)) }
    }
    return best
  }

  /// Every length `n ≥ 1` such that the (single) pattern of this automaton matches exactly
  /// `text[position ..< position + n]`, for `n ≤ limit`. Used to split trailing-context matches.
  func matchLengths(in text: UnsafeBufferPointer<UInt16>, at position: Int, limit: Int) -> [Int] {
    var state: Int32 = 0
    var lengths: [Int] = []
    var index = position
    while index < min(text.count, position + limit) {
      state = next(state, text[index])
      if state == Self.dead { break }
      index += 1
      if accepting[Int(state)] >= 0 { lengths.append(index - position) }
    }
    return lengths
  }

  // MARK: - Thompson construction

  private func addState() -> Int32 {
    states.append(State())
    return Int32(states.count - 1)
  }

  private func compile(_ pattern: LexPattern) -> (entry: Int32, exit: Int32) {
    switch pattern {
    case .units(let set):
      let entry = addState()
      let exit = addState()
      classes.append(set)
      states[Int(entry)].unitClass = Int32(classes.count - 1)
      states[Int(entry)].target = exit
      return (entry, exit)
    case .concatenation(let parts):
      let entry = addState()
      var tail = entry
      for part in parts {
        let (partEntry, partExit) = compile(part)
        states[Int(tail)].epsilon.append(partEntry)
        tail = partExit
      }
      return (entry, tail)
    case .alternation(let choices):
      let entry = addState()
      let exit = addState()
      for choice in choices {
        let (choiceEntry, choiceExit) = compile(choice)
        states[Int(entry)].epsilon.append(choiceEntry)
        states[Int(choiceExit)].epsilon.append(exit)
      }
      return (entry, exit)
    case .repetition(let body, let minimum, let maximum):
      let entry = addState()
      var tail = entry
      for _ in 0..<minimum {
        let (bodyEntry, bodyExit) = compile(body)
        states[Int(tail)].epsilon.append(bodyEntry)
        tail = bodyExit
      }
      if let maximum {
        let exit = addState()
        states[Int(tail)].epsilon.append(exit)
        for _ in minimum..<maximum {
          let (bodyEntry, bodyExit) = compile(body)
          states[Int(tail)].epsilon.append(bodyEntry)
          states[Int(bodyExit)].epsilon.append(exit)
          tail = bodyExit
        }
        return (entry, exit)
      }
      let (loopEntry, loopExit) = compile(body)
      let exit = addState()
      states[Int(tail)].epsilon += [loopEntry, exit]
      states[Int(loopExit)].epsilon += [loopEntry, exit]
      return (entry, exit)
    }
  }

  // MARK: - Lazy subset construction

  private func closure(_ seeds: [Int32]) -> [Int32] {
    var seen = Set(seeds)
    var stack = seeds
    while let state = stack.popLast() {
      for next in states[Int(state)].epsilon where seen.insert(next).inserted { stack.append(next) }
    }
    return seen.filter { states[Int($0)].unitClass >= 0 || states[Int($0)].acceptedRule >= 0 }.sorted()
  }

  private func dfaState(for set: [Int32]) -> Int32 {
    if set.isEmpty { return Self.dead }
    if let known = dfaIndex[set] { return known }
    let id = Int32(dfaStates.count)
    dfaStates.append(set)
    dfaIndex[set] = id
    otherNext.append([:])
    if dfaStates.count > capacity { grow() }
    accepting[Int(id)] = set.lazy.map { self.states[Int($0)].acceptedRule }.filter { $0 >= 0 }.min() ?? -1
    (asciiNext + Int(id) * 128).initialize(repeating: Self.unknown, count: 128)
    return id
  }

  private func grow() {
    let newCapacity = max(64, capacity * 2)
    let newAccepting = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
    let newNext = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity * 128)
    newAccepting.initialize(from: accepting, count: capacity)
    newNext.initialize(from: asciiNext, count: capacity * 128)
    accepting.deallocate()
    asciiNext.deallocate()
    accepting = newAccepting
    asciiNext = newNext
    capacity = newCapacity
  }

  private func next(_ state: Int32, _ unit: UInt16) -> Int32 {
    if unit < 128 {
      let cached = asciiNext[Int(state) * 128 + Int(unit)]
      if cached != Self.unknown { return cached }
    } else if let cached = otherNext[Int(state)][unit] {
      return cached
    }
    var targets: [Int32] = []
    for nfaState in dfaStates[Int(state)] {
      let node = states[Int(nfaState)]
      if node.unitClass >= 0 && classes[Int(node.unitClass)].contains(unit) { targets.append(node.target) }
    }
    let result = dfaState(for: closure(targets))
    if unit < 128 {
      asciiNext[Int(state) * 128 + Int(unit)] = result
    } else {
      otherNext[Int(state)][unit] = result
    }
    return result
  }
}
