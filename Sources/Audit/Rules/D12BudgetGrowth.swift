import Core

/// 预算增幅：预算正文“比上年预算增加（减少）X 万元，增长（下降）y%”中，上年数未印出，
/// 增幅 = 变动额 ÷（本年数 − 变动额），按变动额和本年数印出精度的区间核算（D3 的算法）；
/// 上年数推得为 0 时不得印增幅。
enum D12BudgetGrowth: AuditRule {
    static let id = "D12.budget-growth"
    static let family = "D"
    static let invariant = "预算增幅 = 变动额 ÷（本年预算数 − 变动额）"
    static let kinds = budgetOnly

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        let rates = document.statements.filter { $0.kind == "growth" && $0.baseFactID == nil }
        guard !rates.isEmpty else { return .notApplicable("没有印出的预算增幅") }
        var findings: [Finding] = [], checked = 0, unchecked = 0
        for statement in rates {
            guard let current = document.fact(id: statement.partFactID), let currentFen = current.amountFen,
                  let change = document.statements.first(where: { $0.kind == "change" && $0.partFactID == statement.partFactID }),
                  let changeFen = RateArithmetic.signedChange(change),
                  let changeInterval = RateArithmetic.changeInterval(change, unit: unit),
                  let currentInterval = RateArithmetic.interval(current, unit: unit),
                  let rate = RateArithmetic.signedRate(statement), let decimals = statement.rateDecimals
            else { unchecked += 1; continue }
            checked += 1
            let label = document.label(current)
            let prior = currentFen - changeFen
            let stated = RateArithmetic.formatRate(rate, decimals: decimals)
            let corners = RateArithmetic.growthCornersFromChange(change: changeInterval, current: currentInterval)
            let verdict = RateArithmetic.judge(numerator: changeFen, denominator: prior, corners: corners, rateScaled: rate,
                                               decimals: decimals)
            let show = { RateArithmetic.money($0, unit) }
            let wording = RateFinding.Wording(
                zeroBase: "\(label)上年预算推得为0，增幅无意义，却印为\(stated)（零基数上的比率）", zeroBaseExpected: "无（上年为0）",
                rounding: { "\(label)增幅印为\(stated)，四舍五入应为\($0)（在印出精度内，舍入提示）" },
                outside: { "\(label)增幅印为\(stated)，按变动\(show(changeFen))/上年预算\(show(prior))（本年\(show(currentFen))减变动）计算应为\($0)" })
            let figures = [
                FindingFigure(label: "\(label)增幅", printed: statement.printed, sourceKind: statement.sourceKind,
                              lineFrom: statement.lineFrom, lineTo: statement.lineTo),
                FindingFigure(label: "\(label)变动额", printed: change.printed, sourceKind: change.sourceKind,
                              lineFrom: change.lineFrom, lineTo: change.lineTo),
                current.figure(label),
            ]
            if let finding = RateFinding.make(self, verdict, rate: rate, decimals: decimals, figures: figures, document: document,
                                              wording: wording) {
                findings.append(finding)
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        if checked == 0 { return .couldNotEvaluate("\(unchecked)处预算增幅没有同句的变动额或本年数") }
        return .pass(checked: checked)
    }
}
