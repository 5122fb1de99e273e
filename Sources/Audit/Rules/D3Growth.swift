import Core

/// 增减变动：增幅 = 变动额 / 上年数（上年数未印时 = 本年数 − 变动额），按印出精度的区间核算；
/// 上年数为 0 时不得印增幅；变动额 = 本年数 − 上年数（两者都印出时，不设容差）；
/// “增加/减少/持平”须与变动的符号一致（持平 ⇔ 变动为 0）。
enum D3Growth: AuditRule {
    static let id = "D3.growth"
    static let family = "D"
    static let invariant = "增幅 = 变动额 / 上年数；增加/减少/持平与变动符号一致；上年为 0 不印增幅"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        let statements = document.statements.filter { $0.kind == "growth" || $0.kind == "change" }
        guard !statements.isEmpty else { return .notApplicable("没有印出的增减变动") }
        var findings: [Finding] = []
        var checked = 0
        var unchecked = 0
        for statement in statements {
            guard let current = document.fact(id: statement.partFactID), let prior = document.fact(id: statement.baseFactID),
                  let currentFen = current.amountFen ?? current.quantity, let priorFen = prior.amountFen ?? prior.quantity
            else { unchecked += 1; continue }
            checked += 1
            let label = document.label(current)
            let here = FindingFigure(label: "\(label)增减变动", printed: statement.printed, sourceKind: statement.sourceKind,
                                     lineFrom: statement.lineFrom, lineTo: statement.lineTo)
            let change = currentFen - priorFen
            let isMoney = current.amountFen != nil
            let show: (Int64) -> String = { isMoney ? RateArithmetic.money($0, unit) : "\($0)" }
            // Direction wording against the sign of the change.
            if let direction = statement.direction {
                let actual = change > 0 ? "增加" : change < 0 ? "减少" : "持平"
                if direction != actual {
                    findings.append(Finding(ruleID: id, family: family, severity: .error,
                                            message: "\(label)写作“\(direction)”，但本年\(show(currentFen))较上年\(show(priorFen))为\(actual)",
                                            figures: [here, current.figure(label), prior.figure(label)],
                                            expected: actual, stated: direction, difference: show(change),
                                            disclosureID: document.disclosureID))
                    continue
                }
            }
            if statement.kind == "change" {
                // A printed prior: the change is the difference of two printed figures, exactly.
                guard !prior.derived, let stated = RateArithmetic.signedChange(statement), stated != change else { continue }
                findings.append(Finding(ruleID: id, family: family, severity: .error,
                                        message: "\(label)变动额印为\(show(stated))，本年\(show(currentFen))减上年\(show(priorFen))应为\(show(change))",
                                        figures: [here, current.figure(label), prior.figure(label)],
                                        expected: show(change), stated: show(stated), difference: show(stated - change),
                                        disclosureID: document.disclosureID))
                continue
            }
            guard let rate = RateArithmetic.signedRate(statement), let decimals = statement.rateDecimals else { continue }
            let stated = RateArithmetic.formatRate(rate, decimals: decimals)
            let corners: [RateArithmetic.Corner]
            if prior.derived, let changeStatement = document.statements.first(where: {
                $0.kind == "change" && $0.partFactID == statement.partFactID && $0.baseFactID == statement.baseFactID }),
               let changeInterval = RateArithmetic.changeInterval(changeStatement, unit: unit),
               let currentInterval = isMoney ? RateArithmetic.interval(current, unit: unit) : .exact(currentFen) {
                corners = RateArithmetic.growthCornersFromChange(change: changeInterval, current: currentInterval)
            } else {
                let c = (isMoney ? RateArithmetic.interval(current, unit: unit) : nil) ?? .exact(currentFen)
                let p = (isMoney ? RateArithmetic.interval(prior, unit: unit) : nil) ?? .exact(priorFen)
                corners = RateArithmetic.growthCornersFromPrior(current: c, prior: p)
            }
            let verdict = RateArithmetic.judge(numerator: change, denominator: priorFen, corners: corners, rateScaled: rate, decimals: decimals)
            let wording = RateFinding.Wording(
                zeroBase: "\(label)上年为0，增幅无意义，却印为\(stated)（零基数上的比率）", zeroBaseExpected: "无（上年为0）",
                rounding: { "\(label)增幅印为\(stated)，四舍五入应为\($0)（在印出精度内，舍入提示）" },
                outside: { "\(label)增幅印为\(stated)，按变动\(show(change))/上年\(show(priorFen))计算应为\($0)" })
            if let finding = RateFinding.make(self, verdict, rate: rate, decimals: decimals,
                                              figures: [here, current.figure(label), prior.figure(label)], document: document,
                                              wording: wording) {
                findings.append(finding)
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        if checked == 0 { return .couldNotEvaluate("\(unchecked)处增减变动的本年数或上年数未读到") }
        return .pass(checked: checked)
    }
}
