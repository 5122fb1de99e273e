import Core

/// What the Sichuan reader keeps of a sentence: every figure on the paragraph's line (the
/// reader then puts each on the line that prints it), changes and completions as the
/// template words them (`StatementWords`).
extension SichuanNarrative: NarrativeSink {
    mutating func fact(_ measure: String, fund: String?, column: String, printed: String, unit: String, offset: Int?) -> Int? {
        builder.money(measure, fund: fund, column: column, printed, unit: unit, line: line)
    }

    mutating func code(_ code: String, fund: String, printed: String) -> Int? {
        builder.code(code, fund: fund, printed, line: line)
    }

    mutating func count(_ measure: String, fund: String?, printed: String, unit: String, offset: Int?) -> Int? {
        builder.count(measure, fund: fund, printed, unit: unit, line: line)
    }

    mutating func points(_ measure: String, printed: String) -> Int? {
        builder.points(measure, printed, line: line)
    }

    func latest(_ measure: String) -> Int? { builder.latest[measure] }

    func classCode(_ label: String) -> String? { SichuanRules.classCode(label) }

    mutating func share(printed: String, rate: String, part: Int?, base: Int?) {
        builder.share(printed, rate: rate, part: part, base: base, line: line)
    }

    mutating func change(of fact: Int?, after match: SlotMatch) { builder.change(in: sentence, current: fact, line: line) }

    mutating func completion(of fact: Int?) { builder.completion(in: sentence, part: fact, line: line) }

    mutating func completionEqual(printed: String, part: Int?, base: Int?, basis: String) {
        builder.statement(ImportedStatement(kind: "completion", printed: printed, direction: "持平", partFact: part,
                                            baseFact: base, basis: basis, provenance: Provenance("text", line)))
    }

    mutating func completionAgain(printed: String, comparison: String?) {
        guard let part = builder.statements.last(where: { $0.kind == "completion" })?.partFact else { return }
        builder.statement(ImportedStatement(kind: "completion", printed: printed, direction: comparison.flatMap { builder.words.comparisons[$0] },
                                            partFact: part, basis: "未说明", provenance: Provenance("text", line)))
    }

    mutating func execution(printed: String, rate: String, of fact: Int?) {
        guard let (scaled, decimals) = SichuanNumbers.rate(rate) else { return }
        builder.statement(ImportedStatement(kind: "execution", printed: printed, rateScaled: scaled, rateDecimals: decimals,
                                            partFact: fact, provenance: Provenance("text", line)))
    }

    mutating func adjustment(_ measure: String, verb: String, printed: String) {
        guard let fen = SichuanNumbers.fen(printed) else { return }
        _ = builder.add(ImportedFact(measureID: measure, fund: "all", column: "adjustment", year: builder.year,
                                     amountFen: verb == "调减" ? -fen : fen, printed: printed, printedUnit: "万元",
                                     provenance: Provenance("text", line)), key: measure)
    }

    /// A paragraph is read by patterns only.
    func find(_ words: RuleWords, from offset: Int) -> SlotMatch? { nil }

    mutating func recognized(_ match: SlotMatch) { builder.recognizedLines.insert(line) }

    mutating func opensSubunitList() {
        inSubunitList = true
        builder.recognizedLines.insert(line)
    }

    mutating func project(name: String, budget: String) {
        guard let fen = SichuanNumbers.fen(budget) else { return }
        reportProject = name.sichuanTrimmed
        add(.init(fundingRow: "total", field: "initial", amountFen: fen, printed: budget, provenance: Provenance("text", line)))
    }

    mutating func projectFigure(field: String, printed: String) {
        guard let fen = SichuanNumbers.fen(printed) else { return }
        add(.init(fundingRow: "total", field: field, amountFen: fen, printed: printed, provenance: Provenance("text", line)))
    }

    mutating func projectAdjustment(verb: String, printed: String) {
        guard let fen = SichuanNumbers.fen(printed) else { return }
        add(.init(fundingRow: "total", field: "adjustment", amountFen: verb == "调减" ? -fen : fen, printed: printed,
                  provenance: Provenance("text", line)))
    }

    mutating func projectRate(printed: String) {
        guard let (scaled, decimals) = SichuanNumbers.rate(printed) else { return }
        add(.init(fundingRow: "total", field: "rate", rateScaled: scaled, rateDecimals: decimals, printed: printed + "%",
                  provenance: Provenance("text", line)))
    }

    mutating func projectScore(name: String, points: String) {
        guard let centi = SichuanNumbers.centi(points) else { return }
        projectFigures.append((name.sichuanTrimmed, ImportedProjectFigure(
            fundingRow: "total", field: "score", pointsCenti: centi, printed: points, provenance: Provenance("text", line))))
    }

    mutating func namedProject(_ name: String) { namedProjects.append((name.sichuanTrimmed, line)) }

    mutating func projectLine() { projectLines.insert(line) }
}
