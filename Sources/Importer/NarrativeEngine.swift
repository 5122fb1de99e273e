/// What a reader keeps of the statements a narrative's sentences make: facts of its document
/// (by index), the statements about them, and the names the text gives its unit and projects.
/// Each template's reader is one; `NarrativeEngine` calls it as the rules say.
protocol NarrativeSink {
    /// The sentence being read (the words change and completion statements are looked for in).
    var sentence: String { get }
    /// A figure printed at `offset` of joined text (nil in a paragraph's words).
    mutating func fact(_ measure: String, fund: String?, column: String, printed: String, unit: String, offset: Int?) -> Int?
    mutating func code(_ code: String, fund: String, printed: String) -> Int?
    mutating func count(_ measure: String, fund: String?, printed: String, unit: String, offset: Int?) -> Int?
    mutating func points(_ measure: String, printed: String) -> Int?
    /// The latest fact of a measure read so far.
    func latest(_ measure: String) -> Int?
    /// The code of the 类 a label names.
    func classCode(_ label: String) -> String?
    mutating func share(printed: String, rate: String, part: Int?, base: Int?)
    /// The change stated about `fact` (in joined text: after `match`, the words that stated it).
    mutating func change(of fact: Int?, after match: SlotMatch)
    mutating func completion(of fact: Int?)
    mutating func completionEqual(printed: String, part: Int?, base: Int?, basis: String)
    mutating func completionAgain(printed: String, comparison: String?)
    mutating func execution(printed: String, rate: String, of fact: Int?)
    mutating func adjustment(_ measure: String, verb: String, printed: String)
    /// The rule found in joined text from `offset` on (nil in a paragraph's words).
    func find(_ words: RuleWords, from offset: Int) -> SlotMatch?
    mutating func recognized(_ match: SlotMatch)
    mutating func alias(_ name: String?)
    mutating func opensSubunitList()
    mutating func project(name: String, budget: String)
    mutating func projectFigure(field: String, printed: String)
    mutating func projectAdjustment(verb: String, printed: String)
    mutating func projectRate(printed: String)
    mutating func projectScore(name: String, points: String)
    mutating func namedProject(_ name: String)
    mutating func projectLine()
}

extension NarrativeSink {
    // A reader of a template without names of its unit, subunits or projects ignores them.
    mutating func alias(_ name: String?) {}
    mutating func opensSubunitList() {}
    mutating func project(name: String, budget: String) {}
    mutating func projectFigure(field: String, printed: String) {}
    mutating func projectAdjustment(verb: String, printed: String) {}
    mutating func projectRate(printed: String) {}
    mutating func projectScore(name: String, points: String) {}
    mutating func namedProject(_ name: String) {}
    mutating func projectLine() {}
}

/// Reads sentences with a `NarrativeTemplate`: the first rule whose words match states what
/// its emissions say, with the words of its slots.
enum NarrativeEngine {
    /// Reads `text` with the first rule of `template` that matches it; false when none does.
    @discardableResult
    static func read<Sink: NarrativeSink>(_ text: String, with template: NarrativeTemplate, into sink: inout Sink) -> Bool {
        for rule in template.rules {
            guard case .pattern(let words) = rule.words, let match = words.first(in: text) else { continue }
            var names: [String: Int] = [:]
            emit(rule.emits, scope: text, matches: [match], names: &names, into: &sink)
            return true
        }
        return false
    }

    /// Reads `text` with every rule of `rules` that matches it, in order.
    static func readEach<Sink: NarrativeSink>(_ text: String, with rules: [SentenceRule], into sink: inout Sink) {
        for rule in rules {
            guard case .pattern(let words) = rule.words, let match = words.first(in: text) else { continue }
            var names: [String: Int] = [:]
            emit(rule.emits, scope: text, matches: [match], names: &names, into: &sink)
        }
    }

    /// The emissions of one match (`matches`: the match, then the matches it is part of).
    static func emit<Sink: NarrativeSink>(_ emissions: [Emission], scope: String, matches: [SlotMatch],
                                          names: inout [String: Int], into sink: inout Sink) {
        /// A slot's words: the innermost match that has the slot says.
        func words(_ slot: String) -> String? {
            for match in matches where match.slots[slot] != nil { return match[slot] }
            return nil
        }
        func offset(_ slot: String) -> Int? {
            for match in matches where match.slots[slot] != nil { return match.offset(slot) }
            return nil
        }
        func fact(_ ref: FactRef) -> Int? {
            switch ref {
            case .named(let name): names[name]
            case .latest(let measure): sink.latest(measure)
            }
        }
        for emission in emissions {
            switch emission {
            case let .fact(measure, amount, fund, column, unit, name):
                guard let id = measure.resolve(words), let printed = words(amount), let unit = unit.resolve(words) else { continue }
                let index = sink.fact(id, fund: fund, column: column, printed: printed, unit: unit, offset: offset(amount))
                if let name { names[name] = index }
            case let .code(code, fund, amount, name):
                let id: String?
                switch code {
                case .className(let slot): id = words(slot).flatMap { sink.classCode($0) }
                case .joined(let slots): id = slots.map { words($0) ?? "" }.joined()
                }
                guard let id, let printed = words(amount) else { continue }
                let index = sink.code(id, fund: fund, printed: printed)
                if let name { names[name] = index }
            case let .count(measure, count, unit, fund):
                guard let id = measure.resolve(words), let printed = words(count), let unit = unit.resolve(words) else { continue }
                _ = sink.count(id, fund: fund, printed: printed, unit: unit, offset: offset(count))
            case let .points(measure, points):
                guard let id = measure.resolve(words), let printed = words(points) else { continue }
                _ = sink.points(id, printed: printed)
            case let .share(printed, rate, part, base):
                guard let printed = words(printed), let rate = words(rate) else { continue }
                sink.share(printed: printed, rate: rate, part: fact(part), base: fact(base))
            case .change(let of):
                sink.change(of: fact(of), after: matches[0])
            case .completion(let of):
                sink.completion(of: fact(of))
            case let .completionEqual(printed, part, base, basis):
                guard let printed = words(printed) else { continue }
                sink.completionEqual(printed: printed, part: fact(part), base: fact(base), basis: basis)
            case .completionAgain(let comparison):
                sink.completionAgain(printed: matches[0].words, comparison: words(comparison))
            case let .execution(printed, rate, of):
                guard let printed = words(printed), let rate = words(rate) else { continue }
                sink.execution(printed: printed, rate: rate, of: fact(of))
            case let .adjustment(measure, verb, amount):
                guard let id = measure.resolve(words), let verb = words(verb), let printed = words(amount) else { continue }
                sink.adjustment(id, verb: verb, printed: printed)
            case let .each(pattern, within, inner):
                // Parts of a paragraph's words (a joined-text rule has none: its scope is empty).
                guard let text = within.words(of: scope) else { continue }
                for match in pattern.all(in: text) {
                    var local = names
                    emit(inner, scope: text, matches: [match] + matches, names: &local, into: &sink)
                }
            case let .first(pattern, within, inner):
                guard let text = within.words(of: scope), let match = pattern.first(in: text) else { continue }
                var local = names
                emit(inner, scope: text, matches: [match] + matches, names: &local, into: &sink)
            case let .then(rule, from):
                guard let start = offset(from), let match = sink.find(rule.words, from: start) else { continue }
                var local = names
                emit(rule.emits, scope: scope, matches: [match] + matches, names: &local, into: &sink)
            case .recognized:
                sink.recognized(matches[0])
            case .alias(let slot):
                sink.alias(words(slot))
            case .opensSubunitList:
                sink.opensSubunitList()
            case let .project(name, budget):
                guard let name = words(name), let budget = words(budget) else { continue }
                sink.project(name: name, budget: budget)
            case let .projectFigure(field, amount):
                guard let printed = words(amount) else { continue }
                sink.projectFigure(field: field, printed: printed)
            case let .projectAdjustment(verb, amount):
                guard let verb = words(verb), let printed = words(amount) else { continue }
                sink.projectAdjustment(verb: verb, printed: printed)
            case .projectRate(let rate):
                guard let printed = words(rate) else { continue }
                sink.projectRate(printed: printed)
            case let .projectScore(name, points):
                guard let name = words(name), let printed = words(points) else { continue }
                sink.projectScore(name: name, points: printed)
            case .namedProject(let slot):
                guard let name = words(slot) else { continue }
                sink.namedProject(name)
            case .projectLine:
                sink.projectLine()
            }
        }
    }
}

extension NarrativeEngine {
    /// Reads a document's joined text with `rules`, each on its own and in order: a label rule
    /// at the first occurrence of its label followed by its figure, a pattern rule at every
    /// match. (`scalars`, `characterOffsets`: the text's scalars and the character offset of
    /// each, needed by pattern rules only.)
    static func readText<Sink: NarrativeSink>(_ rules: [SentenceRule], scalars: [Unicode.Scalar] = [], characterOffsets: [Int] = [],
                                              into sink: inout Sink) {
        for rule in rules {
            let found: [SlotMatch]
            if case .pattern(let words) = rule.words {
                found = words.all(in: scalars, characterOffsets: characterOffsets)
            } else {
                found = sink.find(rule.words, from: 0).map { [$0] } ?? []
            }
            for match in found {
                var names: [String: Int] = [:]
                emit(rule.emits, scope: "", matches: [match], names: &names, into: &sink)
            }
        }
    }
}
