import Core

/// 比较用语须与数字相符：“决算数大于/小于/等于/高于/低于/超过预算数”“决算数与预算数持平”在
/// 它所说明的完成情况之后（同段及其后几句，到下一个标题为止）出现时，至少要有一处所述的决算数
/// 与预算数符合该比较；没有一处相符为错误（无论如何舍入都不能成立）。句中另有全年预算或调整后
/// 预算而所读到的只有年初预算时，“预算数”所指不定，不作核对。
enum D8ComparativeWords: AuditRule {
    static let id = "D8.comparative-words"
    static let family = "D"
    static let invariant = "“决算数大于/小于/等于预算数”等比较用语与所述决算数、预算数相符"

    /// A phrase and the comparison it states: +1 actual > budget, −1 actual < budget, 0 equal.
    static let phrases: [(String, Int)] = [
        ("决算数大于预算数", 1), ("决算数高于预算数", 1), ("决算数超过预算数", 1),
        ("决算数小于预算数", -1), ("决算数低于预算数", -1),
        ("决算数等于预算数", 0), ("决算数与预算数持平", 0), ("决算数同预算数持平", 0), ("决算数与预算数相等", 0),
    ]
    static let window = 8

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        let completions = document.statements.filter { $0.kind == "completion" && $0.sourceKind == "text" }
        var findings: [Finding] = []
        var checked = 0
        var seen = Set<Int>()
        for (index, paragraph) in text.enumerated() {
            guard TextSearch.contains(paragraph.body, "预算") else { continue }
            let body = String(paragraph.body.unicodeScalars.filter { $0 != " " })
            for (phrase, sign) in phrases where TextSearch.contains(body, phrase) {
                let line = paragraph.line(of: phrase)
                guard !seen.contains(line) else { continue }
                // The completion statements this sentence may refer to: from the last heading up to here.
                var start = index
                while start > 0, index - start < window, !E6SangongReasons.isHeading(text[start].body) { start -= 1 }
                let from = text[start].line, to = line
                let pairs = completions.filter { $0.lineFrom >= from && $0.lineFrom <= to }.compactMap { statement -> (AuditFact, AuditFact)? in
                    guard let actual = document.fact(id: statement.partFactID), let budget = document.fact(id: statement.baseFactID),
                          actual.amountFen != nil, budget.amountFen != nil else { return nil }
                    return (actual, budget)
                }
                guard !pairs.isEmpty else { continue }
                // “预算数” may mean a 全年/调整后 budget the sentences print but the figures do not
                // hold: then the comparison cannot be decided.
                let span = String(text[start...index].map(\.body).joined().unicodeScalars.filter { $0 != " " })
                if pairs.allSatisfy({ $0.1.column == "budget_initial" }),
                   TextSearch.containsAny(span, ["全年预算", "调整后预算", "调整预算"]) { continue }
                checked += 1
                let agrees = pairs.contains { actual, budget in
                    let a = actual.amountFen ?? 0, b = budget.amountFen ?? 0
                    return (a > b ? 1 : a < b ? -1 : 0) == sign
                }
                if agrees { continue }
                seen.insert(line)
                let (actual, budget) = pairs[0]
                let money = { RateArithmetic.money($0, document.moneyUnit) }
                let relation = { (a: Int64, b: Int64) in a > b ? "大于" : a < b ? "小于" : "等于" }
                findings.append(Finding(
                    ruleID: id, family: family, severity: .error,
                    message: "正文写“\(phrase)”，但所述\(document.label(actual))决算 \(money(actual.amountFen ?? 0))"
                        + "\(relation(actual.amountFen ?? 0, budget.amountFen ?? 0))预算 \(money(budget.amountFen ?? 0))",
                    figures: [FindingFigure(label: "比较用语", printed: phrase, sourceKind: "text", lineFrom: line),
                              actual.figure(document.label(actual)), budget.figure(document.label(budget) + "预算")],
                    expected: "决算数" + relation(actual.amountFen ?? 0, budget.amountFen ?? 0) + "预算数", stated: phrase,
                    difference: nil, disclosureID: document.disclosureID))
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("正文没有决算数与预算数的比较用语") : .pass(checked: checked)
    }
}
