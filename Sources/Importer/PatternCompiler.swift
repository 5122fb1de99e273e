/// Turns a `PatternNode` into the instructions `PatternMachine` runs.
struct PatternCompiler {
    private var program: [PatternInstruction] = []
    /// The sub-programs of lookaheads, indexed by `.lookahead` steps.
    private(set) var lookaheads: [[PatternInstruction]] = []

    mutating func compile(_ node: PatternNode) -> [PatternInstruction] {
        program = []
        emit(node, capturing: true)
        program.append(.match)
        return program
    }

    /// A placeholder to patch once the target is known.
    private mutating func placeholder() -> Int {
        program.append(.jump(-1))
        return program.count - 1
    }

    private mutating func emit(_ node: PatternNode, capturing: Bool) {
        switch node {
        case .empty: break
        case .scalar(let value): program.append(.scalar(value))
        case .set(let set): program.append(.set(set.withASCIIMembers()))
        case .any: program.append(.any)
        case .textStart: program.append(.textStart)
        case .textEnd: program.append(.textEnd)
        case .group(let body, let index):
            // Groups inside a lookahead do not capture (its sub-program has no slots).
            if let index, capturing { program.append(.save(2 * index)) }
            emit(body, capturing: capturing)
            if let index, capturing { program.append(.save(2 * index + 1)) }
        case .lookahead(let body, let negated):
            let outer = program
            program = []
            emit(body, capturing: false)
            program.append(.match)
            lookaheads.append(program)
            program = outer
            program.append(.lookahead(lookaheads.count - 1, negated: negated))
        case .sequence(let items):
            for item in items { emit(item, capturing: capturing) }
        case .alternation(let branches):
            var exits: [Int] = []
            for branch in branches.dropLast() {
                let split = placeholder()
                emit(branch, capturing: capturing)
                exits.append(placeholder())
                program[split] = .split(split + 1, program.count)
            }
            if let last = branches.last { emit(last, capturing: capturing) }
            for exit in exits { program[exit] = .jump(program.count) }
        case .repetition(let body, let min, let max, let lazy):
            for _ in 0..<min { emit(body, capturing: capturing) }
            if let max {
                // x{0,2} is (?:x(?:x)?)?: each optional copy may leave for the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(placeholder())
                    emit(body, capturing: capturing)
                }
                let end = program.count
                for split in splits { program[split] = lazy ? .split(end, split + 1) : .split(split + 1, end) }
            } else {
                let loop = placeholder()
                emit(body, capturing: capturing)
                program.append(.jump(loop))
                let end = program.count
                program[loop] = lazy ? .split(end, loop + 1) : .split(loop + 1, end)
            }
        }
    }
}
