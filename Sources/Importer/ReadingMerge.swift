import Core

/// Joins two readings of one text (the facts and statements each set of sentence rules
/// found). A figure both readings took the same way is kept once; a figure they took
/// differently — a number printed once on its line read as two keys, or one key read as two
/// amounts (unless both readings agree on one of them) — is uncertain and left out, with
/// every statement and derived figure resting on it. Only when the label printed right before
/// the number is a row label the 9-table template's description gives one measure, and one
/// reading took that measure, does that reading stand (the other took a fragment of the label:
/// “财政拨款收入” inside “一般公共预算财政拨款收入”); what rests on the other then rests on it.
struct ReadingMerge {
    struct Reading {
        var facts: [ImportedFact] = []
        var statements: [ImportedStatement] = []
    }

    /// The joined reading, and how many figures and statements were left out as uncertain.
    /// `lines` are the text's lines (a number printed more than once on a line may be two figures).
    static func merge(_ a: Reading, _ b: Reading, lines: [String]) -> (reading: Reading, uncertain: Int) {
        let offsetFacts = a.facts.count, offsetStatements = a.statements.count
        var facts = a.facts, statements = a.statements
        for var fact in b.facts {
            fact.inputs = fact.inputs.map { shifted($0, facts: offsetFacts, statements: offsetStatements) }
            facts.append(fact)
        }
        for var statement in b.statements {
            statement.partFact = statement.partFact.map { $0 + offsetFacts }
            statement.baseFact = statement.baseFact.map { $0 + offsetFacts }
            statements.append(statement)
        }
        let fromA = { (index: Int) in index < offsetFacts }
        var dropped = Set<Int>(), droppedStatements = Set<Int>()
        /// Each of b's facts and statements that repeats one of a's: its index in a.
        var same: [Int: Int] = [:], sameStatement: [Int: Int] = [:]

        // Printed figures: by where they are printed (line and number), then by key.
        var byOccurrence: [String: [Int]] = [:], byKey: [String: [Int]] = [:]
        for (i, fact) in facts.enumerated() where !fact.isDerived {
            byOccurrence["\(fact.provenance.lineFrom)|\(fact.printed ?? "")", default: []].append(i)
        }
        /// Figures read under a key their printed label does not name: the same figure as the one read under it.
        var superseded = Set<Int>()
        for group in byOccurrence.values {
            let (inA, inB) = (group.filter(fromA), group.filter { !fromA($0) })
            guard !inA.isEmpty, !inB.isEmpty else { continue }
            for i in inB { same[i] = inA.first { key(facts[$0]) == key(facts[i]) } }
            // A number printed once on its line that the readings took as different keys: the
            // label printed before it settles which, when it names one of them; else neither stands.
            let fact = facts[group[0]]
            let line = lines.indices.contains(fact.provenance.lineFrom - 1) ? lines[fact.provenance.lineFrom - 1] : ""
            if Set(inA.map { key(facts[$0]) }) != Set(inB.map { key(facts[$0]) }), occurrences(of: fact.printed ?? "", in: line) == 1 {
                let named = label(before: fact.printed ?? "", in: line).flatMap { labelMeasures[$0] }
                if let named, let winner = group.first(where: { facts[$0].measureID == named && facts[$0].code == nil }) {
                    for i in group where facts[i].measureID != named || facts[i].code != nil {
                        same[i] = same[winner] ?? winner
                        superseded.insert(i)
                    }
                } else {
                    dropped.formUnion(group)
                }
            }
        }
        // A table's figure is one reading, checked by the table's own sums: only the text is read twice.
        for (i, fact) in facts.enumerated() where !fact.isDerived && !superseded.contains(i) && fact.provenance.kind != "table" {
            byKey[key(fact), default: []].append(i)
        }
        func value(_ i: Int) -> Int64 { facts[i].amountFen ?? facts[i].quantity ?? 0 }
        for group in byKey.values where Set(group.map(value)).count > 1 {
            // One key, several amounts: the one both readings read stands, if only one is.
            let agreed = Set(group.map(value)).filter { v in
                group.contains { fromA($0) && value($0) == v } && group.contains { !fromA($0) && value($0) == v }
            }
            dropped.formUnion(group.filter { agreed.count != 1 || !agreed.contains(value($0)) })
        }
        // A part listed after 其中 read under a measure of all funds while its whole is of one fund.
        for i in facts.indices where same[i] == nil && widerThanItsWhole(i, facts: facts, lines: lines) { dropped.insert(i) }
        func resolved(_ index: Int?) -> Int? { index.map { same[$0] ?? $0 } }

        // Statements: the same kind, line and figures about the same fact are one statement.
        var statementKeys: [String: Int] = [:]
        for (i, s) in statements.enumerated() where i < offsetStatements {
            statementKeys[statementKey(s, part: resolved(s.partFact))] = i
        }
        for (i, s) in statements.enumerated().dropFirst(offsetStatements) {
            let k = statementKey(s, part: resolved(s.partFact))
            if let twin = statementKeys[k] {
                sameStatement[i] = twin
                // The base one reading found and the other did not.
                if statements[twin].baseFact == nil { statements[twin].baseFact = resolved(s.baseFact) }
                continue
            }
            // The same figures on the same line about another fact: read two ways.
            let loose = looseKey(s)
            if let twin = statements.indices.prefix(offsetStatements).first(where: { looseKey(statements[$0]) == loose }) {
                droppedStatements.formUnion([i, twin])
            }
        }
        // Derived figures of one statement read twice are one.
        var derivedKeys: [String: Int] = [:]
        func derivedKey(_ fact: ImportedFact) -> String {
            let inputs = fact.inputs.map { input -> String in
                switch input.source {
                case .fact(let i): return "f\(input.sign)\(resolved(i)!)"
                case .statement(let i): return "s\(input.sign)\(sameStatement[i] ?? i)"
                }
            }
            return key(fact) + "|\(fact.amountFen ?? 0)|" + inputs.joined(separator: ",")
        }
        for (i, fact) in facts.enumerated() where fact.isDerived {
            let k = derivedKey(fact)
            if fromA(i) { derivedKeys[k] = i } else if let twin = derivedKeys[k] { same[i] = twin }
        }

        // What rests on a left-out figure is left out too, until nothing changes.
        var changed = true
        while changed {
            changed = false
            for (i, s) in statements.enumerated() where !droppedStatements.contains(i) {
                if [s.partFact, s.baseFact].contains(where: { $0.map { dropped.contains($0) } ?? false }) {
                    droppedStatements.insert(i); changed = true
                }
            }
            for (i, fact) in facts.enumerated() where !dropped.contains(i) {
                let rests = fact.inputs.contains { input in
                    switch input.source {
                    case .fact(let k): return dropped.contains(k)
                    case .statement(let k): return droppedStatements.contains(k)
                    }
                }
                if rests { dropped.insert(i); changed = true }
            }
        }

        // The kept figures and statements, renumbered.
        var factIndex: [Int: Int] = [:], statementIndex: [Int: Int] = [:]
        var out = Reading()
        for i in facts.indices where !dropped.contains(i) && same[i] == nil {
            factIndex[i] = factIndex.count
        }
        for i in statements.indices where !droppedStatements.contains(i) && sameStatement[i] == nil {
            statementIndex[i] = statementIndex.count
        }
        func newFact(_ i: Int?) -> Int? { i.flatMap { factIndex[same[$0] ?? $0] } }
        for i in facts.indices where factIndex[i] != nil {
            var fact = facts[i]
            fact.inputs = fact.inputs.compactMap { input in
                switch input.source {
                case .fact(let k): return newFact(k).map { DerivationInput(sign: input.sign, .fact($0)) }
                case .statement(let k): return statementIndex[sameStatement[k] ?? k].map { DerivationInput(sign: input.sign, .statement($0)) }
                }
            }
            out.facts.append(fact)
        }
        for i in statements.indices where statementIndex[i] != nil {
            var s = statements[i]
            s.partFact = newFact(s.partFact)
            s.baseFact = newFact(s.baseFact)
            out.statements.append(s)
        }
        let uncertain = dropped.subtracting(same.keys).count + droppedStatements.subtracting(sameStatement.keys).count
        return (out, uncertain)
    }

    /// Each row label of the 9-table template's two-sided tables (收入支出决算总表, 财政拨款收入支出
    /// 决算总表) that names one measure only (本年收入合计, 总计 name two and are left out).
    static let labelMeasures: [String: String] = {
        var measures: [String: Set<String>] = [:]
        for spec in TableTemplate.finalAccounts.tables {
            guard case .twoSided(let left, let right) = spec.shape else { continue }
            for row in left + right { if let measure = row.measure { measures[row.label, default: []].insert(measure) } }
        }
        return measures.compactMapValues { $0.count == 1 ? $0.first : nil }
    }()

    /// The label printed just before `number` in `line`: back to the previous clause mark, without
    /// spaces and a leading 其中.
    static func label(before number: String, in line: String) -> String? {
        guard let at = wholeNumber(number, in: line) else { return nil }
        var label = ""
        for c in line[..<at.lowerBound].reversed() {
            if "，,；;：:。、（(".contains(c) { break }
            if c != " " && c != "\u{3000}" { label.insert(c, at: label.startIndex) }
        }
        if label.hasPrefix("其中") { label.removeFirst(2) }
        return label.isEmpty ? nil : label
    }

    /// Whether a figure printed after “其中” in a sentence is read under a measure of all funds
    /// while the whole the 其中 lists the parts of (the number printed last before it) is of one
    /// fund — its label names a fund column of the 9-table description's 财政拨款收入支出决算总表:
    /// “一般公共预算财政拨款支出307.82万元，其中：基本支出105.58万元” lists 一般公共预算 基本支出, not the
    /// 基本支出 of all funds.
    static func widerThanItsWhole(_ i: Int, facts: [ImportedFact], lines: [String]) -> Bool {
        let fact = facts[i]
        let n = fact.provenance.lineFrom
        guard fact.provenance.kind == "text", !fact.isDerived, fact.fund == "all", let printed = fact.printed,
              lines.indices.contains(n - 1) else { return false }
        let line = lines[n - 1]
        guard occurrences(of: printed, in: line) == 1, let at = wholeNumber(printed, in: line),
              let qizhong = line[..<at.lowerBound].range(of: "其中", options: .backwards),
              !line[qizhong.upperBound..<at.lowerBound].contains("。") else { return false }
        let head = line[..<qizhong.lowerBound]
        let sentence = String(head[(head.lastIndex(of: "。").map { head.index(after: $0) } ?? head.startIndex)...])
        // The whole: the number printed last in the sentence before 其中, and the label before it.
        let chars = Array(sentence)
        guard let last = chars.lastIndex(where: \.isASCIIDigitChar) else { return false }
        var first = last
        while first > 0, chars[first - 1].isASCIIDigitChar || chars[first - 1] == "." || chars[first - 1] == "," { first -= 1 }
        guard let label = label(before: String(chars[first...last]), in: String(chars[..<(last + 1)])) else { return false }
        return fundColumns.contains { label.containsBytes($0) }
    }

    /// The headings of the fund columns of the 9-table description's 财政拨款收入支出决算总表
    /// (一般公共预算财政拨款, 政府性基金预算财政拨款, 国有资本经营预算财政拨款).
    static let fundColumns: [String] = TableTemplate.finalAccounts.tables.flatMap { spec in
        spec.columns.filter { $0.fund != nil && $0.fund != spec.fund }.flatMap(\.headings)
    }

    /// Where `number` is first printed in `line` as a whole number (not inside a longer one).
    static func wholeNumber(_ number: String, in line: String) -> Range<String.Index>? {
        guard !number.isEmpty else { return nil }
        func isNumeric(_ c: Character) -> Bool { c.isASCIIDigitChar || c == "." || c == "," }
        var from = line.startIndex
        while let r = line.range(of: number, range: from..<line.endIndex) {
            let before = r.lowerBound > line.startIndex ? line[line.index(before: r.lowerBound)] : " "
            let after = r.upperBound < line.endIndex ? line[r.upperBound] : " "
            if !isNumeric(before) && !isNumeric(after) { return r }
            from = line.index(after: r.lowerBound)
        }
        return nil
    }

    /// How many times `number` is printed in `line` as a whole number (not inside a longer one).
    static func occurrences(of number: String, in line: String) -> Int {
        guard !number.isEmpty else { return 0 }
        let chars = Array(line), target = Array(number)
        func isNumeric(_ c: Character) -> Bool { c.isASCIIDigitChar || c == "." || c == "," }
        var count = 0
        for i in chars.indices where i + target.count <= chars.count && chars[i..<(i + target.count)].elementsEqual(target) {
            let before = i > 0 ? chars[i - 1] : " ", after = i + target.count < chars.count ? chars[i + target.count] : " "
            if !isNumeric(before) && !isNumeric(after) { count += 1 }
        }
        return count
    }

    private static func shifted(_ input: DerivationInput, facts: Int, statements: Int) -> DerivationInput {
        switch input.source {
        case .fact(let i): return DerivationInput(sign: input.sign, .fact(i + facts))
        case .statement(let i): return DerivationInput(sign: input.sign, .statement(i + statements))
        }
    }

    /// The key a figure is stored under (measure or code, fund, column, year).
    static func key(_ fact: ImportedFact) -> String {
        "\(fact.measureID ?? "")|\(fact.code ?? "")|\(fact.fund)|\(fact.column)|\(fact.year)"
    }

    private static func looseKey(_ s: ImportedStatement) -> String {
        "\(s.kind)|\(s.provenance.lineFrom)|\(s.rateScaled ?? -1)/\(s.rateDecimals ?? -1)|\(s.amountFen ?? -1)"
    }

    private static func statementKey(_ s: ImportedStatement, part: Int?) -> String {
        looseKey(s) + "|\(part ?? -1)"
    }
}
