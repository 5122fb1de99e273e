import Foundation

/// A regular expression over Unicode scalars: the subset the template readers use, compiled
/// in microseconds and matched by a small backtracking machine.
///
/// Syntax: literals; `.`; `\d` `\s` (Unicode decimal digits and spaces; unlike Swift Regex, `\d`
/// does not take 万 or 三) and their negations `\D` `\S`;
/// escaped punctuation; classes `[...]` with ranges and `^`; groups `(...)` (capturing),
/// `(?:...)`, lookaheads `(?=...)` and `(?!...)`; `|`; `?` `*` `+` `{n}` `{n,}` `{n,m}`, each
/// lazy with a trailing `?`; anchors `^` and `$` (start and end of the text). Matching is
/// leftmost, preferring the first alternative and greedy (or lazy) repetition, as in Perl.
struct TextPattern: Sendable {
    /// The main program; `lookaheads` holds the sub-programs its `.lookahead` steps run.
    let program: [PatternInstruction]
    let lookaheads: [[PatternInstruction]]
    /// Capture groups, not counting the whole match.
    let groupCount: Int
    /// The scalar every match starts with, when there is one (lets the search skip ahead).
    let firstScalar: UInt32?
    /// The scalars every match starts with one of, when known and there is no `firstScalar`.
    let firstSet: ScalarSet?
    /// Whether every match starts at the beginning of the text.
    let anchoredAtStart: Bool
    /// Scalars every match holds at a bounded distance from its start, when there is no
    /// `firstScalar`: the search skips the starts too far before their next occurrence.
    let requiredLiteral: RequiredLiteral?
    /// Whether a start right after a failed one can be skipped (`PatternNode.opensWithSetRun`).
    let skipsAfterFailure: Bool
    /// Scalars every match holds at one offset from its start (`PatternNode.fixedLiteral`):
    /// a start without them is not tried.
    let fixedLiteral: RequiredLiteral?
    /// The set of the opening run and the scalar that must follow it
    /// (`PatternNode.setRunFollower`): a run not followed by it is skipped whole.
    let runFollower: (run: ScalarSet, follower: UInt32)?
    static let maximumSize = 100_000

    /// Compiles `pattern`, or takes it from the patterns compiled before (`PatternCache`):
    /// readers that build a pattern where they use it compile it once per process.
    init(_ pattern: String) throws(PatternSyntaxError) {
        if let compiled = PatternCache.shared.pattern(pattern) {
            self = compiled
            return
        }
        try self.init(compiling: pattern)
        PatternCache.shared.keep(self, for: pattern)
    }

    init(compiling pattern: String) throws(PatternSyntaxError) {
        var parser = PatternParser(pattern)
        let tree = try parser.parse()
        guard tree.unrolledSize <= Self.maximumSize else {
            throw PatternSyntaxError(message: "a pattern too large once its counts are written out", offset: 0)
        }
        var compiler = PatternCompiler()
        program = compiler.compile(tree)
        lookaheads = compiler.lookaheads
        groupCount = parser.groupCount
        firstScalar = tree.firstScalar
        firstSet = firstScalar == nil ? tree.firstSet?.withASCIIMembers() : nil
        anchoredAtStart = tree.startsWithAnchor
        requiredLiteral = firstScalar == nil ? tree.requiredLiteral : nil
        skipsAfterFailure = tree.opensWithSetRun
        fixedLiteral = tree.fixedLiteral
        runFollower = tree.setRunFollower
    }

    /// Each group's scalar range in the first match at or after `from` (element 0: the whole match).
    func firstMatch(in text: [Unicode.Scalar], from: Int = 0) -> [Range<Int>?]? {
        var machine = PatternMachine(text: text, slots: 2 * (groupCount + 1))
        return firstMatch(in: text, from: from, using: &machine)
    }

    /// `firstMatch(in:from:)` on `machine` (made for `text`), which starts afresh.
    private func firstMatch(in text: [Unicode.Scalar], from: Int, using machine: inout PatternMachine) -> [Range<Int>?]? {
        machine.restart()
        let last = anchoredAtStart ? min(from, 0) : text.count
        var start = max(from, 0)
        var literalAt = Int.min   // the next occurrence of `requiredLiteral` at or after start + minBefore
        var failed = Int.min      // the last start the machine failed at
        while start <= last {
            if let first = firstScalar {
                while start < text.count && text[start].value != first { start += 1 }
                if start >= text.count { return nil }
            } else if let firstSet {
                while start < text.count && !firstSet.contains(text[start].value) { start += 1 }
                if start >= text.count { return nil }
            }
            if let literal = requiredLiteral {
                // A match at `start` holds the literal within [start + minBefore, start + maxBefore].
                if literalAt < start + literal.minBefore {
                    guard let found = literal.find(in: text, from: start + literal.minBefore) else { return nil }
                    literalAt = found
                }
                if start < literalAt - literal.maxBefore {
                    start = literalAt - literal.maxBefore
                    continue
                }
            }
            if skipsAfterFailure && start == failed + 1 {
                // The failed start took a scalar of the first set: any match here was one there.
                failed = start
                start += 1
                continue
            }
            if let literal = fixedLiteral, !literal.isAt(start + literal.minBefore, in: text) {
                failed = start
                start += 1
                continue
            }
            if let (run, follower) = runFollower {
                var end = start + 1
                while end < text.count && run.contains(text[end].value) { end += 1 }
                if end == text.count || text[end].value != follower {
                    // The starts inside the run end their runs there too.
                    start = end
                    continue
                }
            }
            if machine.run(program, lookaheads, at: start) { return machine.ranges() }
            failed = start
            start += 1
        }
        return nil
    }

    /// Every non-overlapping match, left to right.
    func allMatches(in text: [Unicode.Scalar]) -> [[Range<Int>?]] {
        var result: [[Range<Int>?]] = []
        var from = 0
        // One machine for every search (each starts afresh: the same steps and memo as a new one).
        var machine = PatternMachine(text: text, slots: 2 * (groupCount + 1))
        while from <= text.count, let match = firstMatch(in: text, from: from, using: &machine), let whole = match[0] {
            result.append(match)
            from = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
        return result
    }

    /// The captures of the first match as strings (nil where a group took no part).
    func firstMatch(in text: String) -> [String?]? {
        let scalars = Array(text.unicodeScalars)
        return firstMatch(in: scalars).map { Self.strings($0, scalars) }
    }

    /// The captures of every match as strings.
    func allMatches(in text: String) -> [[String?]] {
        let scalars = Array(text.unicodeScalars)
        return allMatches(in: scalars).map { Self.strings($0, scalars) }
    }

    static func strings(_ ranges: [Range<Int>?], _ scalars: [Unicode.Scalar]) -> [String?] {
        ranges.map { range in range.map { String(String.UnicodeScalarView(scalars[$0])) } }
    }
}

/// Patterns compiled so far, by their text, shared by the threads that read files. Bounded: past
/// `capacity` patterns (text-built ones, say) it starts again empty.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()
    static let capacity = 1_000
    private var patterns: [String: TextPattern] = [:]
    private let lock = NSLock()

    func pattern(_ text: String) -> TextPattern? {
        lock.lock()
        defer { lock.unlock() }
        return patterns[text]
    }

    func keep(_ pattern: TextPattern, for text: String) {
        lock.lock()
        defer { lock.unlock() }
        if patterns.count >= Self.capacity { patterns = [:] }
        patterns[text] = pattern
    }
}

/// A pattern that cannot be compiled, with the scalar offset of the problem.
struct PatternSyntaxError: Error, Equatable {
    let message: String
    let offset: Int
}

/// One step of a compiled pattern.
enum PatternInstruction: Sendable {
    case scalar(UInt32)
    case set(ScalarSet)
    /// Any scalar but a line break (as in Swift Regex: \n \r U+000B U+000C U+0085 U+2028 U+2029).
    case any
    /// Try the first target, then (on failure) the second.
    case split(Int, Int)
    case jump(Int)
    /// Record the position in capture slot n.
    case save(Int)
    case textStart
    case textEnd
    case lookahead(Int, negated: Bool)
    case match
}

/// A character class: scalar ranges and the Unicode digits or spaces of `\d` `\s` (or their negations).
struct ScalarSet: Sendable {
    enum Item: Sendable {
        case range(ClosedRange<UInt32>)
        /// Scalars that are (true) or are not (false) decimal digits.
        case digit(Bool)
        case space(Bool)
    }

    var items: [Item] = []
    var negated = false
    /// Which ASCII scalars the set contains, one bit each, and what answers the others without
    /// its items, once the set is complete (`withASCIIMembers()`, by the compiler): most of the
    /// text searched is ASCII figures and CJK.
    private var members: Members?

    /// A complete set's answers: ASCII by one bit; other scalars are not members when their
    /// bit (value mod 64) of `nonASCIIFilter` is clear, and are members exactly when they are
    /// decimal digits when `nonASCIIDigitsOnly`.
    private struct Members {
        let low: UInt64
        let high: UInt64
        let nonASCIIFilter: UInt64
        let nonASCIIDigitsOnly: Bool
    }

    init(items: [Item] = [], negated: Bool = false) {
        self.items = items
        self.negated = negated
    }

    /// Whether every scalar of this set is in `other`, as far as their items show (false
    /// when either is negated or an item of this set is in no item of `other`).
    func isSubset(of other: ScalarSet) -> Bool {
        guard !negated, !other.negated else { return false }
        return items.allSatisfy { item in
            other.items.contains { holder in
                switch (item, holder) {
                case let (.range(inner), .range(outer)): outer.contains(inner.lowerBound) && outer.contains(inner.upperBound)
                case let (.digit(a), .digit(b)): a == b
                case let (.space(a), .space(b)): a == b
                default: false
                }
            }
        }
    }


    /// The set with its ASCII members and its answers for other scalars worked out (it must
    /// not change afterwards).
    func withASCIIMembers() -> ScalarSet {
        var low: UInt64 = 0, high: UInt64 = 0
        for value: UInt32 in 0..<64 where searchItems(value) { low |= 1 << UInt64(value) }
        for value: UInt32 in 64..<128 where searchItems(value) { high |= 1 << UInt64(value - 64) }
        // A non-ASCII member of a set that is not negated is in a range (its bit set below) or a digit or space.
        var filter: UInt64 = negated ? ~0 : 0
        var digitsOnly = !negated
        for item in items {
            switch item {
            case .range(let range):
                guard range.upperBound >= 0x80 else { continue }
                digitsOnly = false
                let first = max(range.lowerBound, 0x80)
                if range.upperBound - first >= 63 {
                    filter = ~0
                } else {
                    for value in first...range.upperBound { filter |= 1 << UInt64(value & 63) }
                }
            case .digit(true):
                filter = ~0
            case .digit(false), .space:
                filter = ~0
                digitsOnly = false
            }
        }
        var set = self
        set.members = Members(low: low, high: high, nonASCIIFilter: filter, nonASCIIDigitsOnly: digitsOnly)
        return set
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        guard let members else { return searchItems(value) }
        if value < 128 {
            return (value < 64 ? members.low >> UInt64(value) : members.high >> UInt64(value - 64)) & 1 != 0
        }
        if (members.nonASCIIFilter >> UInt64(value & 63)) & 1 == 0 { return false }
        return members.nonASCIIDigitsOnly ? Self.isDigit(value) : searchItems(value)
    }

    private func searchItems(_ value: UInt32) -> Bool {
        let found = items.contains { item in
            switch item {
            case .range(let range): range.contains(value)
            case .digit(let wanted): Self.isDigit(value) == wanted
            case .space(let wanted): Self.isSpace(value) == wanted
            }
        }
        return found != negated
    }

    static func isDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        // No decimal digit among CJK radicals, punctuation, kana and ideographs (checked first:
        // the readers' text is mostly these).
        if value >= 0x2E80 && value <= 0x9FFF { return false }
        // Of the full- and half-width forms, the fullwidth digits only.
        if value >= 0xFF00 && value <= 0xFFEF { return value >= 0xFF10 && value <= 0xFF19 }
        return Unicode.Scalar(value)?.properties.numericType == .decimal
    }

    static func isSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }
}

/// The backtracking machine: runs a program from one start position, then (reused) from the
/// next ones.
///
/// Backtracking can take exponential time on unlucky text. After `stepsBeforeMemo` steps
/// the machine starts remembering each (instruction, position) it reaches: reaching one
/// again can only fail as it did before (nothing depends on captures or the start), so the
/// rest of the search takes at most 2 × instructions × positions steps. A lookahead runs
/// on a machine of its own, kept for the whole search; its memo lasts until it succeeds.
/// The memo holds only the blocks of 64 positions the search reaches, so its cost follows the
/// steps taken, not the length of the text (a search repeated along a long text stays linear).
struct PatternMachine {
    let text: [Unicode.Scalar]
    var slots: [Int]
    /// Choices to come back to: a branch (slot -1) or a capture slot's earlier value.
    private var stack: [(pc: Int, position: Int, slot: Int)] = []
    private(set) var steps = 0
    /// Whether the memo has started (`reached` is not nil).
    private var memoStarted = false
    /// Per block of 64 positions: one word per instruction, one bit per position of the block,
    /// set once (instruction, position) was reached. Nil until the memo starts.
    private var reached: [Int: [UInt64]]?
    static let stepsBeforeMemo = 10_000
    /// One machine per lookahead, kept for the whole search so that its memo lasts too.
    private var lookaheadMachines: [Int: PatternMachine] = [:]

    init(text: [Unicode.Scalar], slots: Int) {
        self.text = text
        self.slots = Array(repeating: -1, count: slots)
    }

    /// Forgets every earlier search: its steps, memo and lookahead machines.
    mutating func restart() {
        steps = 0
        if memoStarted {
            memoStarted = false
            reached = nil
        }
        if !lookaheadMachines.isEmpty { lookaheadMachines = [:] }
    }

    /// Marks (pc, position) reached; false when it already was.
    @inline(__always)
    private mutating func reach(_ pc: Int, _ position: Int, programSize: Int) -> Bool {
        steps += 1
        if !memoStarted {
            guard steps > Self.stepsBeforeMemo else { return true }
            memoStarted = true
            reached = [:]
        }
        let block = position >> 6
        let mask: UInt64 = 1 << UInt64(position & 63)
        if let words = reached![block], words[pc] & mask != 0 { return false }
        reached![block, default: Array(repeating: 0, count: programSize)][pc] |= mask
        return true
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    func ranges() -> [Range<Int>?] {
        stride(from: 0, to: slots.count, by: 2).map { k in
            slots[k] >= 0 && slots[k + 1] >= slots[k] ? slots[k]..<slots[k + 1] : nil
        }
    }

    mutating func run(_ program: [PatternInstruction], _ lookaheads: [[PatternInstruction]], at start: Int) -> Bool {
        for k in slots.indices { slots[k] = -1 }
        stack.removeAll(keepingCapacity: true)
        var pc = 0
        var position = start
        while true {
            var failed = !reach(pc, position, programSize: program.count)
            if !failed {
                switch program[pc] {
                case .scalar(let value):
                    if position < text.count && text[position].value == value { position += 1; pc += 1 } else { failed = true }
                case .set(let set):
                    if position < text.count && set.contains(text[position].value) { position += 1; pc += 1 } else { failed = true }
                case .any:
                    if position < text.count && !Self.isLineBreak(text[position]) { position += 1; pc += 1 } else { failed = true }
                case .split(let first, let second):
                    stack.append((second, position, -1))
                    pc = first
                case .jump(let target):
                    pc = target
                case .save(let slot):
                    stack.append((0, slots[slot], slot))
                    slots[slot] = position
                    pc += 1
                case .textStart:
                    if position == 0 { pc += 1 } else { failed = true }
                case .textEnd:
                    if position == text.count { pc += 1 } else { failed = true }
                case .lookahead(let index, let negated):
                    var inner = lookaheadMachines.removeValue(forKey: index) ?? PatternMachine(text: text, slots: 0)
                    let before = inner.steps
                    let found = inner.run(lookaheads[index], lookaheads, at: position)
                    steps += inner.steps - before
                    lookaheadMachines[index] = inner
                    if found != negated { pc += 1 } else { failed = true }
                case .match:
                    if slots.count >= 2 { (slots[0], slots[1]) = (start, position) }
                    // The pairs marked on the way here did not fail: a machine run again (a
                    // lookahead's) must not take them for failures.
                    reached = reached.map { _ in [:] }
                    return true
                }
            }
            guard failed else { continue }
            // Back to the latest branch, undoing the captures recorded since.
            var resumed = false
            while let top = stack.popLast() {
                if top.slot >= 0 {
                    slots[top.slot] = top.position
                } else {
                    pc = top.pc
                    position = top.position
                    resumed = true
                    break
                }
            }
            if !resumed { return false }
        }
    }
}
