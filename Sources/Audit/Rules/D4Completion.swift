import Core

/// 完成预算% = 决算数 / 预算数（预算口径以句中所写为准）：有预算数时按印出精度的区间核算；
/// 预算数为 0 或决算数为 0 时印完成率即为零基数上的比率（决算为 0 而“完成100%”意味着预算为 0，
/// 0/0 无意义）；未印预算数时完成率无法核算，但“完成预算100%”与“决算数与预算数持平”须一致。
enum D4Completion: AuditRule {
    static let id = "D4.completion"
    static let family = "D"
    static let invariant = "完成预算% = 决算 / 预算；100% ⇔ 持平；零基数不印完成率"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        let statements = document.statements.filter { $0.kind == "completion" }
        guard !statements.isEmpty else { return .notApplicable("没有印出的预算完成情况") }
        var findings: [Finding] = []
        var checked = 0
        var unchecked = 0
        // Rates and directions stated for one actual figure, to check 100% ⇔ 持平.
        var ratesByPart: [Int64: [AuditStatement]] = [:]
        for statement in statements {
            guard let actual = document.fact(id: statement.partFactID), let actualFen = actual.amountFen else { unchecked += 1; continue }
            ratesByPart[actual.id, default: []].append(statement)
            let label = document.label(actual)
            let here = FindingFigure(label: "\(label)预算完成率", printed: statement.printed, sourceKind: statement.sourceKind,
                                     lineFrom: statement.lineFrom, lineTo: statement.lineTo)
            let rate = statement.rateScaled, decimals = statement.rateDecimals ?? 0
            let stated = rate.map { RateArithmetic.formatRate($0, decimals: decimals) }
            if let budget = document.fact(id: statement.baseFactID), let budgetFen = budget.amountFen {
                checked += 1
                let basis = statement.basis == "调整后" ? "调整后预算" : statement.basis == "年初" ? "年初预算" : "预算"
                if let direction = statement.direction {
                    let actualDirection = actualFen > budgetFen ? "增加" : actualFen < budgetFen ? "减少" : "持平"
                    if direction != actualDirection {
                        findings.append(Finding(ruleID: id, family: family, severity: .error,
                                                message: "\(label)写作决算与\(basis)“\(direction)”，但决算\(RateArithmetic.money(actualFen, unit))、\(basis)\(RateArithmetic.money(budgetFen, unit))",
                                                figures: [here, actual.figure(label), budget.figure(label)], expected: actualDirection,
                                                stated: direction, difference: RateArithmetic.money(actualFen - budgetFen, unit),
                                                disclosureID: document.disclosureID))
                    }
                }
                guard let rate, let stated else { continue }
                let corners = RateArithmetic.shareCorners(RateArithmetic.interval(actual, unit: unit) ?? .exact(actualFen),
                                                          RateArithmetic.interval(budget, unit: unit) ?? .exact(budgetFen))
                let verdict = RateArithmetic.judge(numerator: actualFen, denominator: budgetFen, corners: corners,
                                                   rateScaled: rate, decimals: decimals)
                let wording = RateFinding.Wording(
                    zeroBase: "\(label)\(basis)为0，完成率无意义，却印为\(stated)（零基数上的比率）", zeroBaseExpected: "无（预算为0）",
                    rounding: { "\(label)完成\(basis)印为\(stated)，四舍五入应为\($0)（在印出精度内，舍入提示）" },
                    outside: {
                        "\(label)完成\(basis)印为\(stated)，按决算\(RateArithmetic.money(actualFen, unit))/\(basis)\(RateArithmetic.money(budgetFen, unit))应为\($0)"
                    })
                if let finding = RateFinding.make(self, verdict, rate: rate, decimals: decimals,
                                                  figures: [here, actual.figure(label), budget.figure(label)], document: document,
                                                  wording: wording) {
                    findings.append(finding)
                }
                continue
            }
            // No budget figure: only a rate on a zero actual can be judged here. 0% fits any
            // budget above zero; any other rate on a zero actual needs a zero budget (0/0).
            if actualFen == 0, let stated {
                checked += 1
                if rate == 0 { continue }
                findings.append(Finding(ruleID: id, family: family, severity: .error,
                                        message: "\(label)决算为0却印“完成预算\(stated)”：预算须为0，0/0 的完成率无意义（零基数上的比率）",
                                        figures: [here, actual.figure(label)], expected: "无（零基数）", stated: stated, difference: nil,
                                        disclosureID: document.disclosureID))
            }
        }
        // 100% ⇔ 持平 across the statements about one figure (a rate and a wording may be printed apart).
        for (partID, group) in ratesByPart.sorted(by: { $0.key < $1.key }) {
            let directions = group.compactMap { $0.direction }
            let rates = group.filter { $0.rateScaled != nil }
            guard !directions.isEmpty, !rates.isEmpty, let actual = document.fact(id: partID) else { continue }
            checked += 1
            for statement in rates {
                let decimals = statement.rateDecimals ?? 0
                let isHundred = statement.rateScaled! == 100 * (ExactDecimal.powerOfTen(decimals) ?? 1)
                for direction in Set(directions).sorted() where (direction == "持平") != isHundred {
                    let other = group.first { $0.direction == direction }!
                    let label = document.label(actual)
                    findings.append(Finding(ruleID: id, family: family, severity: .error,
                                            message: "\(label)“完成预算\(RateArithmetic.formatRate(statement.rateScaled!, decimals: decimals))”与“决算数与预算数\(direction)”矛盾",
                                            figures: [FindingFigure(label: "\(label)预算完成率", printed: statement.printed, sourceKind: statement.sourceKind,
                                                                    lineFrom: statement.lineFrom, lineTo: statement.lineTo),
                                                      FindingFigure(label: "\(label)与预算比较", printed: other.printed, sourceKind: other.sourceKind,
                                                                    lineFrom: other.lineFrom, lineTo: other.lineTo)],
                                            expected: isHundred ? "持平" : "增加或减少", stated: direction, difference: nil,
                                            disclosureID: document.disclosureID))
                }
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        if checked == 0 {
            return .couldNotEvaluate("\(statements.count)处预算完成率未印预算数（口径未说明），无法核算")
        }
        return .pass(checked: checked)
    }
}
