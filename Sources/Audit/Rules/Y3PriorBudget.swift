import Core

/// 跨年度（预算）：预算正文“与上年相比（比上年预算）增加（减少）X 万元”推得的上年预算数（本年数 − X），须与
/// 同一单位上一年度（同一口径）预算文件所列数字一致（两份预算都已导入时；按两者印出精度的区间比较）。与“预算
/// 执行数”相比的变动不在此列。
enum Y3PriorBudget: AuditRule {
    static let id = "Y3.prior-budget"
    static let family = "Y"
    static let invariant = "本年预算数 − 比上年预算的变动额 = 上年预算文件所列数字"
    static let kinds = budgetOnly

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let changes = document.statements.filter { $0.kind == "change" && !$0.printed.contains("执行") && $0.partFactID != nil }
        guard !changes.isEmpty else { return .notApplicable("正文未写与上年预算相比的变动额") }
        guard let prior = document.previousYear.first, prior.isBudget, prior.year == document.year - 1 else {
            return .notApplicable("未载入同一单位\(document.year - 1)年度的\(document.scope)预算")
        }
        let own = Y2BudgetRestated.budgetFigures(prior)
        let unit = document.moneyUnit
        var findings: [Finding] = [], checked = 0
        for statement in changes {
            guard let current = document.fact(id: statement.partFactID), let currentFen = current.amountFen,
                  let change = RateArithmetic.signedChange(statement),
                  let original = own[Y2BudgetRestated.key(current)], let priorFen = original.amountFen,
                  let currentInterval = RateArithmetic.interval(current, unit: unit),
                  let changeInterval = RateArithmetic.changeInterval(statement, unit: unit),
                  let printed = RateArithmetic.interval(original, unit: prior.moneyUnit) else { continue }
            checked += 1
            let implied = currentFen - change
            if implied == priorFen || (currentInterval - changeInterval).overlaps(printed) { continue }
            let show = { RateArithmetic.money($0, unit) }
            let label = document.label(current)
            findings.append(Finding(
                ruleID: id, family: family, severity: .warning,
                message: "\(document.year)年预算\(label) \(show(currentFen))“\(statement.printed)”，推得上年预算 \(show(implied))，"
                    + "\(prior.year)年预算文件所列为 \(show(priorFen))（该文件第 \(original.lineFrom) 行），相差 \(show(implied - priorFen))",
                figures: [FindingFigure(label: "\(label)变动额", printed: statement.printed, sourceKind: statement.sourceKind,
                                        lineFrom: statement.lineFrom, lineTo: statement.lineTo),
                          current.figure(label)],
                expected: show(priorFen), stated: show(implied), difference: show(implied - priorFen),
                disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("两份预算没有可对应的数字") : .pass(checked: checked)
    }
}
