import Core

/// 跨文件：同一单位同一年度的决算所列年初预算数（总额、一般公共预算各科目，及三公经费预算数），须与该年度
/// 预算文件（同一口径：部门或单位）所列预算数一致（两份文件都已导入时；预算文件由 AuditLoader 放在
/// `document.sameYearBudget`）。两者印出单位不同（元与万元）时，按印出精度的区间比较。
enum Y2BudgetRestated: AuditRule {
    static let id = "Y2.budget-restated"
    static let family = "Y"
    static let invariant = "决算所列年初预算数 = 同年度预算文件所列预算数"

    /// 三公 measures, whose 预算数 the final account's 三公 table prints in its `budget` column.
    static let sangong: Set<String> = ["sangong", "sangong_abroad", "sangong_vehicle", "vehicle_purchase", "vehicle_operation",
                                       "sangong_reception"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let restated = document.facts.filter { fact in
            fact.year == document.year && !fact.derived && fact.amountFen != nil && fact.sourceKind != "chart"
                && (fact.column == "budget_initial" || fact.column == "budget" && fact.measureID.map(sangong.contains) == true)
        }
        guard !restated.isEmpty else { return .notApplicable("本决算未列年初预算数") }
        guard let budget = document.sameYearBudget.first else {
            return .notApplicable("未载入同一单位\(document.year)年度的\(document.scope)预算")
        }
        return compare(document, budget: budget, restated: restated)
    }

    /// The budget's own figure of a key: its first printing in a table, else in the text.
    static func budgetFigures(_ budget: AuditDocument) -> [String: AuditFact] {
        var own: [String: AuditFact] = [:]
        for fact in budget.facts where fact.year == budget.year && fact.column == budget.ownColumn && !fact.derived
            && fact.amountFen != nil && fact.sourceKind != "chart" {
            let key = self.key(fact)
            if own[key] == nil || fact.sourceKind == "table" && own[key]?.sourceKind != "table" { own[key] = fact }
        }
        return own
    }

    static func key(_ fact: AuditFact) -> String { "\(fact.measureID ?? "code:" + (fact.code ?? ""))|\(fact.fund)" }

    static func compare(_ final: AuditDocument, budget: AuditDocument, restated: [AuditFact]) -> RuleOutcome {
        let own = budgetFigures(budget)
        let kind = "\(budget.year)年\(budget.scope)预算"
        var findings: [Finding] = [], checked = 0, seen: Set<String> = []
        for fact in restated {
            // One comparison per figure: its first printing in the final account.
            guard let original = own[key(fact)], seen.insert(key(fact) + "|" + fact.column).inserted,
                  let a = fact.amountFen, let b = original.amountFen,
                  let stated = PrintedInterval.of(fact, unit: final.moneyUnit),
                  let printed = PrintedInterval.of(original, unit: budget.moneyUnit) else { continue }
            checked += 1
            if a == b || stated.overlaps(printed) { continue }
            let show = { (fen: Int64, unit: MoneyUnit) in Amount(fen: fen).formatted(in: unit) }
            let label = final.label(fact)
            let column = fact.column == "budget_initial" ? "年初预算" : "预算数"
            let severity: Severity = fact.column == "budget_initial" ? .error : .warning
            var finding = Finding(
                ruleID: id, family: family, severity: severity,
                message: "\(final.year)年决算所列\(label)\(column) \(show(a, final.moneyUnit))（决算第 \(fact.lineFrom) 行）"
                    + "与\(kind)所列 \(original.printed ?? show(b, budget.moneyUnit))\(original.printedUnit ?? "")"
                    + "（预算文件第 \(original.lineFrom) 行\(original.sourceKind == "table" ? "表" : "正文")）不同，"
                    + "相差 \(show(a - b, final.moneyUnit))",
                // The budget's figure is named in the message: its line is of the other document.
                figures: [fact.figure("\(label)（决算，\(column)）")],
                expected: show(b, final.moneyUnit), stated: show(a, final.moneyUnit), difference: show(a - b, final.moneyUnit),
                disclosureID: final.disclosureID)
            finding.expectedFen = b
            finding.statedFen = a
            findings.append(finding)
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("决算与\(kind)没有共同的预算数字") : .pass(checked: checked)
    }
}
