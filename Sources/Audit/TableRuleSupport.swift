import Core

/// Shared arithmetic and wording for the table rules (families A, B, C): which source a
/// document's identities are read from, how printed code facts group into tables, and how a
/// stated total is judged against the sum of its printed parts (SPEC §8).
enum TableRuleSupport {
    // MARK: Sources

    /// The source kind identities are read from: the tables where the document has them,
    /// else its text.
    static func primarySource(_ document: AuditDocument) -> String {
        document.facts.contains { $0.sourceKind == "table" && !$0.derived } ? "table" : "text"
    }

    /// The printed money facts of the document's own year in one source kind.
    static func printed(_ document: AuditDocument, source: String) -> [AuditFact] {
        document.facts.filter {
            $0.sourceKind == source && !$0.derived && $0.amountFen != nil && $0.year == document.year
        }
    }

    /// The first printed occurrence of a measure in a source kind, in `column` (the document's
    /// own column, AuditDocument.ownColumn, when nil).
    static func first(_ document: AuditDocument, measure: String, column: String? = nil, source: String) -> AuditFact? {
        let column = column ?? document.ownColumn
        return document.facts.first {
            $0.measureID == measure && $0.column == column && $0.year == document.year && $0.sourceKind == source
                && !$0.derived && $0.amountFen != nil
        }
    }

    // MARK: Sums

    enum Verdict: Equatable {
        /// The stated value is the 四舍五入 value of the exact sum.
        case equal
        /// Inside the attainable interval, but not the 四舍五入 value: a rounding note.
        case rounding
        /// Outside the attainable interval.
        case error
    }

    struct SumJudgement {
        var verdict: Verdict
        /// The exact sum of the printed parts, rounded half-up to the stated precision.
        var expectedFen: Int64
        var statedFen: Int64
    }

    /// Judges a stated total against printed parts (each may be off by half its last digit).
    static func judge(stated: AuditFact, parts: [AuditFact], unit: MoneyUnit) -> SumJudgement? {
        judge(stated: stated, parts: parts, signs: Array(repeating: 1, count: parts.count), unit: unit)
    }

    /// Same, with a sign per part (+1 or −1).
    static func judge(stated: AuditFact, parts: [AuditFact], signs: [Int], unit: MoneyUnit) -> SumJudgement? {
        guard let statedFen = stated.amountFen, let statedInterval = PrintedInterval.of(stated, unit: unit) else { return nil }
        var interval = PrintedInterval.exact(0)
        var exact: Int64 = 0
        for (part, sign) in zip(parts, signs) {
            guard let fen = part.amountFen, let partInterval = PrintedInterval.of(part, unit: unit) else { return nil }
            if sign >= 0 { interval = interval + partInterval; exact += fen } else { interval = interval - partInterval; exact -= fen }
        }
        let step = (statedInterval.high - statedInterval.low) / 2   // 分 per unit of the stated last digit
        let expected = roundHalfUp(exact, step: step)
        if !statedInterval.overlaps(interval) { return SumJudgement(verdict: .error, expectedFen: expected, statedFen: statedFen) }
        return SumJudgement(verdict: expected == statedFen ? .equal : .rounding, expectedFen: expected, statedFen: statedFen)
    }

    static func roundHalfUp(_ fen: Int64, step: Int64) -> Int64 {
        guard step > 1 else { return fen }
        let magnitude = (fen.magnitude + UInt64(step / 2)) / UInt64(step) * UInt64(step)
        return fen < 0 ? -Int64(magnitude) : Int64(magnitude)
    }

    // MARK: Wording

    static let columnNames: [String: String] = [
        "actual": "决算数", "basic": "基本支出", "project": "项目支出", "remit_superior": "上缴上级支出",
        "operating": "经营支出", "affiliated_subsidy": "对附属单位补助支出", "income_total": "本年收入合计",
        "income_fiscal": "财政拨款收入", "income_superior": "上级补助收入", "income_business": "事业收入",
        "income_operating": "经营收入", "income_affiliated": "附属单位上缴收入", "income_other": "其他收入",
        "opening_balance": "年初结转和结余", "closing_balance": "年末结转和结余", "budget": "预算数",
        "budget_initial": "年初预算数", "adjustment": "预算调整数",
    ]

    static let fundNames: [String: String] = [
        "all": "全部资金", "fiscal": "财政拨款", "general": "一般公共预算财政拨款",
        "gov_fund": "政府性基金预算财政拨款", "soe": "国有资本经营预算财政拨款",
    ]

    static let sourceNames: [String: String] = ["table": "表", "text": "正文", "chart": "图表"]

    /// What a fact is, with its fund and column where the measure alone does not say it.
    static func label(_ fact: AuditFact, in document: AuditDocument) -> String {
        var text = document.label(fact)
        var qualifiers: [String] = []
        if fact.code != nil, let fund = fundNames[fact.fund] { qualifiers.append(fund) }
        if fact.code != nil || fact.column != "actual", let column = columnNames[fact.column] { qualifiers.append(column) }
        if fact.year != document.year { qualifiers.append("\(fact.year)年") }
        if !qualifiers.isEmpty { text += "（" + qualifiers.joined(separator: "，") + "）" }
        return text
    }

    static func figure(_ fact: AuditFact, in document: AuditDocument) -> FindingFigure {
        fact.figure(label(fact, in: document))
    }

    static func money(_ fen: Int64, _ document: AuditDocument) -> String {
        Amount(fen: fen).formatted(in: document.moneyUnit)
    }

    /// A finding on a stated total against the sum of its parts.
    static func sumFinding(_ rule: AuditRule.Type, _ document: AuditDocument, stated: AuditFact, parts: [AuditFact],
                           partsWording: String, judgement: SumJudgement) -> Finding {
        let name = label(stated, in: document)
        let expected = money(judgement.expectedFen, document), shown = money(judgement.statedFen, document)
        let difference = money(judgement.statedFen - judgement.expectedFen, document)
        let where_ = "第 \(stated.lineFrom) 行\(sourceNames[stated.sourceKind] ?? stated.sourceKind)"
        let message: String
        let severity: Severity
        if judgement.verdict == .error {
            severity = .error
            message = "\(name) \(shown)（\(where_)）不等于\(partsWording) \(expected)，相差 \(difference)"
        } else {
            severity = .info
            message = "\(name) \(shown)（\(where_)）与\(partsWording) \(expected) 相差 \(difference)，在各数四舍五入的范围内（尾差）"
        }
        var finding = Finding(ruleID: rule.id, family: rule.family, severity: severity, message: message,
                              figures: [figure(stated, in: document)] + parts.map { figure($0, in: document) },
                              expected: expected, stated: shown, difference: difference, disclosureID: document.disclosureID)
        finding.expectedFen = judgement.expectedFen
        finding.statedFen = judgement.statedFen
        return finding
    }

    /// Rounding notes of one table grouped into one info finding (ISSUE: repeated 0.01 gaps
    /// in one table are one note); errors stay one finding each.
    static func grouped(_ rule: AuditRule.Type, _ document: AuditDocument, table: String,
                        notes: [(stated: AuditFact, parts: [AuditFact], judgement: SumJudgement, wording: String)]) -> [Finding] {
        guard notes.count > 1 else {
            return notes.map { sumFinding(rule, document, stated: $0.stated, parts: $0.parts, partsWording: $0.wording, judgement: $0.judgement) }
        }
        let rows = notes.map { note -> String in
            "\(label(note.stated, in: document)) \(money(note.judgement.statedFen, document))"
                + "（计算 \(money(note.judgement.expectedFen, document))，第 \(note.stated.lineFrom) 行）"
        }
        let differences = notes.map { money($0.judgement.statedFen - $0.judgement.expectedFen, document) }
        return [Finding(ruleID: rule.id, family: rule.family, severity: .info,
                        message: "\(table)有 \(notes.count) 处尾差（各数四舍五入所致）：" + rows.joined(separator: "；"),
                        figures: notes.map { figure($0.stated, in: document) },
                        expected: notes.map { money($0.judgement.expectedFen, document) }.joined(separator: "；"),
                        stated: notes.map { money($0.judgement.statedFen, document) }.joined(separator: "；"),
                        difference: differences.joined(separator: "；"), disclosureID: document.disclosureID)]
    }

    // MARK: Tables

    /// Printed code facts of one table (or, for a document without tables, of its text).
    struct CodeTable {
        var name: String
        var facts: [AuditFact]
        var firstLine: Int { facts.map(\.lineFrom).min() ?? 0 }
        var lastLine: Int { facts.map(\.lineTo).max() ?? 0 }

        /// The first printed fact of a code in a fund and column.
        func fact(_ code: String, fund: String, column: String) -> AuditFact? {
            facts.first { $0.code == code && $0.fund == fund && $0.column == column }
        }

        /// The (fund, column) pairs the table prints, in first-seen order.
        var keys: [(fund: String, column: String)] {
            var seen: Set<String> = [], result: [(String, String)] = []
            for fact in facts where seen.insert(fact.fund + "|" + fact.column).inserted { result.append((fact.fund, fact.column)) }
            return result
        }

        /// Codes printed in the table (any column; in one fund when given), in first-seen order.
        func codes(fund: String? = nil) -> [String] {
            var seen: Set<String> = [], result: [String] = []
            for fact in facts where fund == nil || fact.fund == fund {
                if let code = fact.code, seen.insert(code).inserted { result.append(code) }
            }
            return result
        }
        var codes: [String] { codes() }

        var isEconomic: Bool { facts.first?.code?.hasPrefix("3") ?? false }
    }

    static func isIncomeColumn(_ column: String) -> Bool { column.hasPrefix("income_") }

    /// Splits the printed code facts of the document's year into tables. A budget's facts carry
    /// their table's title, which groups them. Otherwise a new table starts
    /// where the kind of code (functional 2xx or economic 3xx) or of column (income or
    /// expenditure) changes, where a row brings a fund the table has not printed yet, or where a printed measure (a table's 合计 or 总计 row) lies
    /// between two code rows. Text code facts form one group per fund.
    static func codeTables(_ document: AuditDocument) -> [CodeTable] {
        let source = primarySource(document)
        let codes = printed(document, source: source).filter { $0.code != nil }
        if source == "text" {
            var byFund: [String: [AuditFact]] = [:], order: [String] = []
            for fact in codes {
                if byFund[fact.fund] == nil { order.append(fact.fund) }
                byFund[fact.fund, default: []].append(fact)
            }
            return order.map { CodeTable(name: "情况说明（\(fundNames[$0] ?? $0)）", facts: byFund[$0] ?? []) }
        }
        if document.isBudget && codes.allSatisfy({ $0.table != nil }) {
            var byTable: [String: [AuditFact]] = [:], order: [String] = []
            for fact in codes {
                let title = fact.table ?? ""
                if byTable[title] == nil { order.append(title) }
                byTable[title, default: []].append(fact)
            }
            return order.map { CodeTable(name: $0, facts: byTable[$0] ?? []) }
        }
        let measureLines = printed(document, source: "table").filter { $0.measureID != nil }.map(\.lineFrom)
        var tables: [[AuditFact]] = []
        for fact in codes.sorted(by: { ($0.lineFrom, $0.id) < ($1.lineFrom, $1.id) }) {
            // A row is never split (the 政府性基金 table's rows hold 本年收入 beside 本年支出).
            if let previous = tables.last?.last,
               previous.code?.hasPrefix("3") == fact.code?.hasPrefix("3"),
               fact.lineFrom == previous.lineFrom && fact.code == previous.code
                || isIncomeColumn(previous.column) == isIncomeColumn(fact.column)
                && (fact.lineFrom == previous.lineFrom || tables[tables.count - 1].contains(where: { $0.fund == fact.fund })),
               !measureLines.contains(where: { $0 > previous.lineFrom && $0 < fact.lineFrom }) {
                tables[tables.count - 1].append(fact)
            } else {
                tables.append([fact])
            }
        }
        return tables.map { CodeTable(name: tableName($0), facts: $0) }
    }

    static func tableName(_ facts: [AuditFact]) -> String {
        let funds = Set(facts.map(\.fund)), columns = Set(facts.map(\.column))
        if facts.first?.code?.hasPrefix("3") == true { return "一般公共预算财政拨款基本支出决算表" }
        if funds == ["gov_fund"] { return "政府性基金预算财政拨款收入支出决算表" }
        if funds == ["soe"] { return "国有资本经营预算财政拨款支出决算表" }
        if columns.contains(where: isIncomeColumn) { return "收入决算表" }
        if funds.contains("fiscal") { return "财政拨款收入支出决算总表" }
        if funds == ["general"] { return "一般公共预算财政拨款支出决算表" }
        if columns == ["actual"] && facts.allSatisfy({ $0.code?.count == 3 }) { return "收入支出决算总表" }
        return "支出决算表"
    }

    /// The printed children of a code among `codes`: the next level where printed, else the
    /// level below (a text that lists 类 and 项 but no 款).
    static func children(of code: String, among codes: Set<String>) -> [String] {
        for length in stride(from: code.count + 2, through: 7, by: 2) {
            let found = codes.filter { $0.count == length && $0.hasPrefix(code) }
            if !found.isEmpty { return found.sorted() }
        }
        return []
    }
}

// MARK: Balance identities (family A)

extension TableRuleSupport {
    /// How one identity of a rule ended.
    enum Check {
        case ok
        case findings([Finding])
        case unknown(String)
    }

    /// A rule's outcome from its checks: any finding fails it; otherwise anything that
    /// could not be computed makes it could-not-evaluate (never a silent pass).
    static func outcome(_ checks: [Check], none: String = "没有可核对的数据") -> RuleOutcome {
        var findings: [Finding] = [], unknown: [String] = [], passed = 0
        for check in checks {
            switch check {
            case .ok: passed += 1
            case .findings(let list): if list.isEmpty { passed += 1 } else { findings += list }
            case .unknown(let why): unknown.append(why)
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        if !unknown.isEmpty {
            return .couldNotEvaluate(unknown.joined(separator: "；") + (passed > 0 ? "（其余 \(passed) 项相符）" : ""))
        }
        if passed == 0 { return .couldNotEvaluate(none) }
        return .pass(checked: passed)
    }

    static func name(_ measure: String, _ document: AuditDocument) -> String {
        document.measures[measure]?.nameZh ?? measure
    }

    /// total = Σ parts (signed), read from the document's primary source. In a table, a part
    /// that is not printed is a blank cell of a printed template row, read as none; in the
    /// text it is unknown: the identity is then decided only when the printed parts already
    /// reach the total (every part is a non-negative amount, so the others must be none) or
    /// exceed it (an error whatever the others are).
    static func identity(_ rule: AuditRule.Type, _ document: AuditDocument, total: String,
                         parts: [(measure: String, sign: Int)]) -> Check {
        let source = primarySource(document)
        let totalName = name(total, document)
        // The tables first, then the text: a budget states some figures only in its text (Jiangsu's
        // 人员经费 and 公用经费), and a table cell the reader could not place (its row's sums fail
        // in a layout without column positions) is not stored, while the text still states it.
        // The first printed fact of each named measure in each source, found in one pass.
        let named = Set([total] + parts.map(\.measure)), column = document.ownColumn
        var firsts: [String: AuditFact] = [:]
        for fact in document.facts where fact.column == column && fact.year == document.year && !fact.derived && fact.amountFen != nil {
            guard let measure = fact.measureID, named.contains(measure) else { continue }
            let key = fact.sourceKind + "|" + measure
            if firsts[key] == nil { firsts[key] = fact }
        }
        func first(_ document: AuditDocument, measure: String, source: String) -> AuditFact? {
            firsts[source + "|" + measure] ?? (source == "table" ? firsts["text|" + measure] : nil)
        }
        guard let stated = first(document, measure: total, source: source) else {
            return .unknown("\(sourceNames[source] ?? source)中未列\(totalName)")
        }
        var known: [AuditFact] = [], signs: [Int] = [], missing: [String] = []
        for part in parts {
            if let fact = first(document, measure: part.measure, source: source) {
                known.append(fact); signs.append(part.sign)
            } else {
                missing.append(name(part.measure, document))
            }
        }
        let wording = parts.enumerated().map { index, part in
            (index == 0 ? (part.sign < 0 ? "−" : "") : (part.sign < 0 ? " − " : " + ")) + name(part.measure, document)
        }.joined()
        guard !known.isEmpty else { return .unknown("\(totalName)的组成部分（\(wording)）均未列出") }
        guard let judgement = judge(stated: stated, parts: known, signs: signs, unit: document.moneyUnit) else {
            return .unknown("\(totalName)无法读出金额")
        }
        // A budget's tables print only some of the rows its identities name (a blank 财政专户管理资金
        // or 其他资金 row is not stored): a part not stored is unknown there too.
        let textGap = (source == "text" || document.isBudget) && !missing.isEmpty
        let negativeUnknown = textGap && parts.contains { $0.sign < 0 && missing.contains(name($0.measure, document)) }
        switch judgement.verdict {
        case .equal:
            return .ok
        case .rounding:
            return .findings([sumFinding(rule, document, stated: stated, parts: known, partsWording: wording, judgement: judgement)])
        case .error:
            if textGap && (negativeUnknown || judgement.expectedFen < judgement.statedFen) {
                return .unknown("\(missing.joined(separator: "、"))未披露，\(totalName)无法核对")
            }
            return .findings([sumFinding(rule, document, stated: stated, parts: known, partsWording: wording, judgement: judgement)])
        }
    }
}

// MARK: The same figure printed twice (family C)

extension TableRuleSupport {
    /// Whether two printings in different units can be one figure: the coarser one's printed
    /// interval holds the finer one's value (false when both are in one unit).
    static func sameWithinPrinting(_ a: AuditFact, _ b: AuditFact, unit: MoneyUnit) -> Bool {
        let unitA = a.printedUnit ?? unit.rawValue, unitB = b.printedUnit ?? unit.rawValue
        guard unitA != unitB, let ia = PrintedInterval.of(a, unit: unit), let ib = PrintedInterval.of(b, unit: unit) else { return false }
        return ia.overlaps(ib)
    }

    /// Where a fact is printed, for messages: its table's name, or 正文.
    static func placeNames(_ document: AuditDocument) -> [Int64: String] {
        var names: [Int64: String] = [:]
        for table in codeTables(document) where table.facts.first?.sourceKind == "table" {
            for fact in table.facts { names[fact.id] = table.name }
        }
        return names
    }

    static func place(_ fact: AuditFact, _ names: [Int64: String]) -> String {
        let kind = fact.sourceKind == "table" ? (names[fact.id] ?? "表") : (sourceNames[fact.sourceKind] ?? fact.sourceKind)
        return "\(kind)第 \(fact.lineFrom) 行"
    }

    /// Printed facts with the same key (measure or code, fund, column, year) on different
    /// lines whose amounts differ: each later occurrence that `include`s against the first
    /// (tables before text), with no rounding allowance when both are printed in one unit; a
    /// figure printed in a larger unit (a budget's 万元 text of its 元 table) differs when its
    /// printed interval excludes the other. Returns the pairs checked and the findings.
    static func sameFigure(_ rule: AuditRule.Type, _ document: AuditDocument, severity: Severity = .error,
                           include: (AuditFact, AuditFact) -> Bool) -> (checked: Int, findings: [Finding]) {
        let facts = document.facts.filter { !$0.derived && $0.amountFen != nil && $0.sourceKind != "chart" }
        var groups: [String: [AuditFact]] = [:], order: [String] = []
        for fact in facts {
            let key = "\(fact.measureID ?? "#" + (fact.code ?? ""))|\(fact.fund)|\(fact.column)|\(fact.year)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(fact)
        }
        let names = placeNames(document)
        var checked = 0, findings: [Finding] = []
        for key in order {
            let occurrences = (groups[key] ?? []).sorted {
                ($0.sourceKind == "table" ? 0 : 1, $0.lineFrom, $0.id) < ($1.sourceKind == "table" ? 0 : 1, $1.lineFrom, $1.id)
            }
            guard let reference = occurrences.first else { continue }
            for other in occurrences.dropFirst() where other.lineFrom != reference.lineFrom && include(reference, other) {
                checked += 1
                guard let a = reference.amountFen, let b = other.amountFen, a != b,
                      !sameWithinPrinting(reference, other, unit: document.moneyUnit) else { continue }
                let name = label(other, in: document)
                var finding = Finding(
                    ruleID: rule.id, family: rule.family, severity: severity,
                    message: "\(name)在\(place(reference, names))为 \(money(a, document))，在\(place(other, names))为 \(money(b, document))，"
                        + "同一数字两处不一致，相差 \(money(b - a, document))",
                    figures: [figure(other, in: document), figure(reference, in: document)],
                    expected: money(a, document), stated: money(b, document), difference: money(b - a, document),
                    disclosureID: document.disclosureID)
                finding.expectedFen = a
                finding.statedFen = b
                findings.append(finding)
            }
        }
        return (checked, findings)
    }
}
