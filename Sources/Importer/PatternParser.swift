/// The syntax tree of a `TextPattern`.
indirect enum PatternNode: Sendable {
    case empty
    case scalar(UInt32)
    case set(ScalarSet)
    case any
    case textStart
    case textEnd
    /// A group; `index` is its capture number, nil for `(?:...)`.
    case group(PatternNode, index: Int?)
    case lookahead(PatternNode, negated: Bool)
    case sequence([PatternNode])
    case alternation([PatternNode])
    case repetition(PatternNode, min: Int, max: Int?, lazy: Bool)

    /// About how many instructions the node compiles to, counted repetitions written out
    /// (capped, so that nested counts cannot overflow).
    var unrolledSize: Int {
        let cap = 1 << 40
        switch self {
        case .empty: return 0
        case .scalar, .set, .any, .textStart, .textEnd: return 1
        case .group(let body, _): return body.unrolledSize + 2
        case .lookahead(let body, _): return body.unrolledSize + 2
        case .sequence(let items), .alternation(let items): return min(cap, items.reduce(0) { $0 + $1.unrolledSize } + items.count)
        case .repetition(let body, let min, let max, _): return Swift.min(cap, (body.unrolledSize + 2) * Swift.max(max ?? min, 1) + 2)
        }
    }

    /// Whether the node can match without consuming anything.
    var canBeEmpty: Bool {
        switch self {
        case .scalar, .set, .any: false
        case .empty, .textStart, .textEnd, .lookahead: true
        case .group(let body, _): body.canBeEmpty
        case .sequence(let items): items.allSatisfy(\.canBeEmpty)
        case .alternation(let branches): branches.contains(where: \.canBeEmpty)
        case .repetition(let body, let min, _, _): min == 0 || body.canBeEmpty
        }
    }

    /// The scalar every match of the node begins with, if there is one.
    var firstScalar: UInt32? {
        switch self {
        case .scalar(let value): return value
        case .group(let body, _): return body.firstScalar
        case .repetition(let body, let min, _, _): return min > 0 ? body.firstScalar : nil
        case .alternation(let branches):
            let firsts = branches.map(\.firstScalar)
            guard let first = firsts.first ?? nil, firsts.allSatisfy({ $0 == first }) else { return nil }
            return first
        case .sequence(let items):
            for item in items {
                switch item {
                case .textStart, .textEnd, .lookahead: continue
                default: return item.firstScalar
                }
            }
            return nil
        default: return nil
        }
    }

    /// The scalars a match of the node can begin with, when they are known (a search skips
    /// the positions whose scalar is not one of them).
    var firstSet: ScalarSet? {
        switch self {
        case .scalar(let value): return ScalarSet(items: [.range(value...value)])
        case .set(let set): return set
        case .group(let body, _): return body.firstSet
        case .repetition(let body, let min, _, _): return min > 0 ? body.firstSet : nil
        case .alternation(let branches):
            var union = ScalarSet()
            for branch in branches {
                guard let set = branch.firstSet, !set.negated else { return nil }
                union.items += set.items
            }
            return branches.isEmpty ? nil : union
        case .sequence(let items):
            for item in items {
                switch item {
                case .textStart, .textEnd, .lookahead: continue
                default: return item.firstSet
                }
            }
            return nil
        default: return nil
        }
    }

    /// The fewest and the most scalars a match of the node takes (most nil: no bound).
    var lengthBounds: (min: Int, max: Int?) {
        switch self {
        case .empty, .textStart, .textEnd, .lookahead: return (0, 0)
        case .scalar, .set, .any: return (1, 1)
        case .group(let body, _): return body.lengthBounds
        case .sequence(let items):
            var low = 0, high: Int? = 0
            for item in items {
                let bounds = item.lengthBounds
                low += bounds.min
                high = high.flatMap { h in bounds.max.map { h + $0 } }
            }
            return (low, high)
        case .alternation(let branches):
            let bounds = branches.map(\.lengthBounds)
            let low = bounds.map(\.min).min() ?? 0
            let high = bounds.contains { $0.max == nil } ? nil : bounds.compactMap(\.max).max() ?? 0
            return (low, high)
        case .repetition(let body, let min, let max, _):
            let bounds = body.lengthBounds
            return (bounds.min * min, max.flatMap { m in bounds.max.map { $0 * m } })
        }
    }

    /// The longest run of scalars of the node's own sequence that every match holds with a
    /// bounded number of scalars before it (at least `before.min`, at most `before.max`).
    var requiredLiteral: RequiredLiteral? {
        guard case .sequence(let items) = self else { return nil }
        var best: RequiredLiteral?
        var low = 0, high: Int? = 0
        var k = 0
        while k < items.count, let before = high {
            if case .scalar = items[k] {
                var run: [UInt32] = []
                while k < items.count, case .scalar(let value) = items[k] {
                    run.append(value)
                    k += 1
                }
                if run.count > best?.scalars.count ?? 0 {
                    best = RequiredLiteral(scalars: run, minBefore: low, maxBefore: before)
                }
                low += run.count
                high = before + run.count
                continue
            }
            let bounds = items[k].lengthBounds
            low += bounds.min
            high = bounds.max.map { before + $0 }
            k += 1
        }
        return best
    }

    /// Whether the node opens with a set A (or a group of A and B*) then an unbounded
    /// repetition from zero of a set B that holds A, as `\d[\d.,]*` does: a match one scalar
    /// after a start at a scalar of A is then a match at that start too, so a start right
    /// after a failed one can be skipped.
    var opensWithSetRun: Bool { openingSetRun != nil }

    /// The set B of the opening run of `opensWithSetRun`, and the node's item after the run.
    private var openingSetRun: (run: ScalarSet, next: PatternNode?)? {
        guard case .sequence(let items) = self, items.count >= 2 else { return nil }
        var pair = (items[0], items[1])
        var next: PatternNode? = items.count > 2 ? items[2] : nil
        if case .group(let body, _) = items[0] {
            guard case .sequence(let inner) = body, inner.count == 2 else { return nil }
            pair = (inner[0], inner[1])
            next = items[1]
        }
        guard case .set(let a) = pair.0, case .repetition(.set(let b), 0, nil, _) = pair.1, a.isSubset(of: b) else { return nil }
        return (b, next)
    }

    /// For a node that `opensWithSetRun` (A B*) and then has a scalar L, or a lookahead whose
    /// matches start with L, where B does not hold L (`\d[\d.,]*万`, `\d[\d.,]*(?=万)`): B,
    /// and L. Whatever the run takes, L must follow it, so the run is all the B after the
    /// start and L is right after it: a start whose run is not followed by L cannot match,
    /// nor can any start inside that run.
    var setRunFollower: (run: ScalarSet, follower: UInt32)? {
        guard let (run, next) = openingSetRun, let next else { return nil }
        let follower: UInt32
        switch next {
        case .scalar(let value): follower = value
        case .lookahead(let body, negated: false):
            guard let value = body.firstScalar else { return nil }
            follower = value
        default: return nil
        }
        let set = run.withASCIIMembers()
        return set.contains(follower) ? nil : (set, follower)
    }

    /// `requiredLiteral` when every match holds it at one offset from its start (as many
    /// scalars before it in every match).
    var fixedLiteral: RequiredLiteral? {
        guard let literal = requiredLiteral, literal.minBefore == literal.maxBefore else { return nil }
        return literal
    }

    /// Whether every match must start at the beginning of the text.
    var startsWithAnchor: Bool {
        switch self {
        case .textStart: true
        case .group(let body, _): body.startsWithAnchor
        case .sequence(let items): items.first?.startsWithAnchor ?? false
        case .alternation(let branches): branches.allSatisfy(\.startsWithAnchor)
        default: false
        }
    }
}

/// Scalars every match of a pattern holds, and how many scalars of the match come before them.
struct RequiredLiteral: Sendable {
    let scalars: [UInt32]
    let minBefore: Int
    let maxBefore: Int

    /// Whether `scalars` are in `text` at `offset` (not negative).
    @inline(__always)
    func isAt(_ offset: Int, in text: [Unicode.Scalar]) -> Bool {
        guard offset + scalars.count <= text.count else { return false }
        for k in scalars.indices where text[offset + k].value != scalars[k] { return false }
        return true
    }

    /// The first offset at or after `from` where `scalars` are in `text`, or nil.
    func find(in text: [Unicode.Scalar], from: Int) -> Int? {
        guard let first = scalars.first else { return from }
        var i = max(from, 0)
        while i + scalars.count <= text.count {
            if text[i].value == first {
                var k = 1
                while k < scalars.count && text[i + k].value == scalars[k] { k += 1 }
                if k == scalars.count { return i }
            }
            i += 1
        }
        return nil
    }
}

/// Reads a pattern's text into a `PatternNode` (recursive descent).
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var groupCount = 0
    /// Lookaheads being read (a capture inside one is refused).
    private var lookaheadDepth = 0
    static let maximumCount = 1000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(PatternSyntaxError) -> PatternNode {
        let node = try alternation()
        if position < scalars.count { throw error("unbalanced )") }
        return node
    }

    private func error(_ message: String) -> PatternSyntaxError {
        PatternSyntaxError(message: message, offset: position)
    }

    private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar else { return false }
        position += 1
        return true
    }

    private mutating func alternation() throws(PatternSyntaxError) -> PatternNode {
        var branches = [try sequence()]
        while take("|") { branches.append(try sequence()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(PatternSyntaxError) -> PatternNode {
        var items: [PatternNode] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            items.append(try quantified())
        }
        return items.isEmpty ? .empty : (items.count == 1 ? items[0] : .sequence(items))
    }

    private mutating func quantified() throws(PatternSyntaxError) -> PatternNode {
        let atomStart = position
        let atom = try self.atom()
        guard let (min, max) = try quantifier() else { return atom }
        switch atom {
        case .textStart, .textEnd, .lookahead, .empty:
            position = atomStart
            throw error("nothing to repeat")
        default: break
        }
        if max == nil && atom.canBeEmpty { throw error("an unbounded repetition of something that can be empty") }
        return .repetition(atom, min: min, max: max, lazy: take("?"))
    }

    /// `?` `*` `+` `{n}` `{n,}` `{n,m}`, or nil (a `{` that does not start a count is a literal).
    private mutating func quantifier() throws(PatternSyntaxError) -> (Int, Int?)? {
        if take("?") { return (0, 1) }
        if take("*") { return (0, nil) }
        if take("+") { return (1, nil) }
        guard next == "{" else { return nil }
        let start = position
        position += 1
        guard let min = try number() else { position = start; return nil }
        var max: Int? = min
        if take(",") { max = try number() }
        guard take("}") else { position = start; return nil }
        if let max, max < min { throw error("a count {\(min),\(max)} whose maximum is below its minimum") }
        return (min, max)
    }

    private mutating func number() throws(PatternSyntaxError) -> Int? {
        var value: Int?
        while let scalar = next, ("0"..."9").contains(scalar) {
            value = (value ?? 0) * 10 + Int(scalar.value - 0x30)
            if value! > Self.maximumCount { throw error("a count above \(Self.maximumCount)") }
            position += 1
        }
        return value
    }

    private mutating func atom() throws(PatternSyntaxError) -> PatternNode {
        guard let scalar = next else { throw error("unexpected end") }
        position += 1
        switch scalar {
        case ".": return .any
        case "^": return .textStart
        case "$": return .textEnd
        case "[": return .set(try characterClass())
        case "\\": return try escape()
        case "(": return try group()
        case "*", "+", "?":
            position -= 1
            throw error("nothing to repeat")
        default: return .scalar(scalar.value)
        }
    }

    private mutating func group() throws(PatternSyntaxError) -> PatternNode {
        var node: PatternNode
        if take("?") {
            if take(":") {
                node = .group(try alternation(), index: nil)
            } else if take("=") || take("!") {
                let negated = scalars[position - 1] == "!"
                lookaheadDepth += 1
                node = .lookahead(try alternation(), negated: negated)
                lookaheadDepth -= 1
            } else {
                throw error("unsupported group (?")
            }
        } else {
            if lookaheadDepth > 0 {
                throw PatternSyntaxError(message: "a capture inside a lookahead (use (?:...))", offset: position - 1)
            }
            groupCount += 1
            let index = groupCount
            node = .group(try alternation(), index: index)
        }
        guard take(")") else { throw error("missing )") }
        return node
    }

    /// After a backslash: `\d` `\D` `\s` `\S`, `\n` `\t`, or an escaped punctuation scalar.
    private mutating func escape() throws(PatternSyntaxError) -> PatternNode {
        guard let scalar = next else { throw error("a pattern ending in \\") }
        position += 1
        switch scalar {
        case "d": return .set(ScalarSet(items: [.digit(true)]))
        case "D": return .set(ScalarSet(items: [.digit(false)]))
        case "s": return .set(ScalarSet(items: [.space(true)]))
        case "S": return .set(ScalarSet(items: [.space(false)]))
        case "n": return .scalar(0x0A)
        case "t": return .scalar(0x09)
        default:
            if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                position -= 1
                throw error("unsupported escape \\\(scalar)")
            }
            return .scalar(scalar.value)
        }
    }

    /// After `[`: members up to the closing `]`.
    private mutating func characterClass() throws(PatternSyntaxError) -> ScalarSet {
        var set = ScalarSet()
        set.negated = take("^")
        while true {
            guard let scalar = next else { throw error("missing ]") }
            position += 1
            if scalar == "]" && !set.items.isEmpty { return set }
            var low: UInt32
            if scalar == "\\" {
                switch try escape() {
                case .scalar(let value): low = value
                case .set(let inner):
                    set.items += inner.items
                    continue
                default: throw error("unsupported escape in a class")
                }
            } else if scalar == "]" {
                throw error("an empty class []")
            } else {
                low = scalar.value
            }
            // A range a-b (a '-' before ']' is a literal).
            if next == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                var high = scalars[position].value
                position += 1
                if high == ("\\" as Unicode.Scalar).value {
                    guard case .scalar(let value) = try escape() else { throw error("a range ending in a class") }
                    high = value
                }
                guard low <= high else { throw error("a range whose end is below its start") }
                set.items.append(.range(low...high))
            } else {
                set.items.append(.range(low...low))
            }
        }
    }
}
