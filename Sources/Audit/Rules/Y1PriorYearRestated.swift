import Core
import Store

/// 跨年度：第 N 年披露中所写的上年（N−1）数字，须与同一单位第 N−1 年自己的披露所印数字一致
/// （两份披露都已导入时；上一年度的披露由 AuditLoader 放在 `document.previousYear`）。
enum Y1PriorYearRestated: AuditRule {
    static let id = "Y1.prior-year"
    static let family = "Y"
    static let invariant = "本年披露中的上年数 = 上年披露中的同一数字"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let stated = document.facts.filter { $0.year == document.year - 1 && $0.sourceKind != "chart" }
        guard !stated.isEmpty else { return .notApplicable("本披露未写上年数") }
        guard let prior = document.previousYear.first else { return .notApplicable("未载入同一单位\(document.year - 1)年度的决算") }
        return compare(document, prior: prior)
    }

    /// Compares the prior-year figures `current` states with `prior`'s own current-year figures.
    static func compare(_ current: AuditDocument, prior: AuditDocument) -> RuleOutcome {
        guard prior.unitID == current.unitID, prior.year == current.year - 1 else {
            return .notApplicable("不是同一单位的上一年度披露")
        }
        let unit = current.moneyUnit
        var own: [String: AuditFact] = [:]
        for fact in prior.facts where fact.year == prior.year && fact.sourceKind != "chart" && !fact.derived {
            let key = "\(fact.measureID ?? "code:" + (fact.code ?? ""))|\(fact.fund)|\(fact.column)"
            if own[key] == nil || fact.sourceKind == "table" && own[key]?.sourceKind != "table" { own[key] = fact }
        }
        var findings: [Finding] = []
        var checked = 0
        for fact in current.facts where fact.year == prior.year && fact.sourceKind != "chart" {
            let key = "\(fact.measureID ?? "code:" + (fact.code ?? ""))|\(fact.fund)|\(fact.column)"
            guard let original = own[key], let a = fact.amountFen ?? fact.quantity, let b = original.amountFen ?? original.quantity else { continue }
            checked += 1
            guard a != b else { continue }
            let show: (Int64) -> String = { fact.amountFen != nil ? RateArithmetic.money($0, unit) : "\($0)" }
            let how = fact.derived ? "由变动额推算" : "写"
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "\(current.year)年披露\(how)\(prior.year)年\(current.label(fact))为\(show(a))，\(prior.year)年披露印为\(show(b))",
                                    figures: [fact.figure(current.label(fact)),
                                              FindingFigure(label: "\(prior.year)年披露：\(prior.label(original))", printed: original.printed,
                                                            sourceKind: original.sourceKind, lineFrom: original.lineFrom, lineTo: original.lineTo)],
                                    expected: show(b), stated: show(a), difference: show(a - b), disclosureID: current.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("两份披露没有共同的数字") : .pass(checked: checked)
    }
}
