import Core

/// What the 9-table template's reader keeps of its 情况说明: figures at their offset of the
/// joined text (each on the line that prints it), changes as `ShanghaiNarrative.change` reads
/// them after a figure. With `rates`, figures are anchored at their offset (a figure read
/// twice is one fact) for the shares and rates read after them.
struct ShanghaiNarrativeSink: NarrativeSink {
    var b: ShanghaiBuilder
    let j: ShanghaiNarrative.Joined
    var rates: ShanghaiRates.Context?
    var sentence: String { "" }

    mutating func fact(_ measure: String, fund: String?, column: String, printed: String, unit: String, offset: Int?) -> Int? {
        guard let offset else { return nil }
        if var c = rates {
            rates = nil   // `c` the only reference: anchoring mutates it in place
            defer { rates = c }
            return ShanghaiRates.fact(measure, fund: fund, column: column, (printed, offset), c: &c, b: &b)
        }
        let place = ShanghaiBuilder.Place(table: "", unit: MoneyUnit(rawValue: unit) ?? .tenThousandYuan)
        return b.money(measure, fund: fund, column: column, LayoutToken(text: printed, line: j.lines[offset], x: offset),
                       kind: "text", place: place)
    }

    mutating func code(_ code: String, fund: String, printed: String) -> Int? { nil }

    mutating func count(_ measure: String, fund: String?, printed: String, unit: String, offset: Int?) -> Int? {
        guard let offset, let value = Int64(printed) else { return nil }
        let line = j.lines[offset]
        b.facts.append(ImportedFact(measureID: measure, fund: fund ?? "all", column: "actual", year: b.year, quantity: value,
                                    printed: printed, printedUnit: unit, provenance: Provenance("text", line)))
        b.recognizedLines.insert(line)
        return b.facts.count - 1
    }

    mutating func points(_ measure: String, printed: String) -> Int? { nil }

    func latest(_ measure: String) -> Int? { nil }

    func classCode(_ label: String) -> String? { nil }

    mutating func share(printed: String, rate: String, part: Int?, base: Int?) {}

    mutating func change(of fact: Int?, after match: SlotMatch) {
        guard let fact else { return }
        ShanghaiNarrative.change(in: j, from: match.end, subject: fact, measure: b.facts[fact].measureID ?? "", into: &b)
    }

    mutating func completion(of fact: Int?) {}
    mutating func completionEqual(printed: String, part: Int?, base: Int?, basis: String) {}
    mutating func completionAgain(printed: String, comparison: String?) {}
    mutating func execution(printed: String, rate: String, of fact: Int?) {}
    mutating func adjustment(_ measure: String, verb: String, printed: String) {}

    func find(_ words: RuleWords, from offset: Int) -> SlotMatch? {
        switch words {
        case .pattern: return nil
        case let .label(label, within):
            guard let (token, end) = ShanghaiNarrative.amount(after: label, in: j, from: offset, gap: within) else { return nil }
            return SlotMatch(captures: [nil, token.text], slots: ["amount": 1], offsets: [nil, token.x], end: end)
        case let .countAfter(label, unit):
            guard let (printed, at, end) = ShanghaiNarrative.count(after: label, unit: unit, in: j) else { return nil }
            return SlotMatch(captures: [nil, printed], slots: ["count": 1], offsets: [nil, at], end: end)
        }
    }

    mutating func recognized(_ match: SlotMatch) {
        if let at = match.offsets.compactMap({ $0 }).first { b.recognizedLines.insert(j.lines[at]) }
    }

}
