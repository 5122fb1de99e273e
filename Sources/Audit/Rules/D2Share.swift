import Core

/// 占比 = 部分 / 整体：按两者印出精度求得的可达区间须与所印占比（± 末位半个单位）相交，
/// 否则为错误；相交但不等于精确比值的四舍五入值，为舍入提示；整体为 0 时任何占比都无意义。
/// 图表中的占比若正文已印（同一分子分母），由 D1 核对，这里不重复。
enum D2Share: AuditRule {
    static let id = "D2.share"
    static let family = "D"
    static let invariant = "占比 = 部分 / 整体（按印出精度的区间核算；整体为 0 时不得印占比）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        let shares = document.statements.filter { $0.kind == "share" && $0.rateScaled != nil }
        guard !shares.isEmpty else { return .notApplicable("没有印出的占比") }
        let textPairs = Set(shares.filter { $0.sourceKind != "chart" }.map { "\($0.partFactID ?? -1)|\($0.baseFactID ?? -1)" })
        var findings: [Finding] = []
        var checked = 0
        var unchecked = 0
        for statement in shares {
            if statement.sourceKind == "chart" && textPairs.contains("\(statement.partFactID ?? -1)|\(statement.baseFactID ?? -1)") { continue }
            guard let part = document.fact(id: statement.partFactID), let base = document.fact(id: statement.baseFactID),
                  let partFen = part.amountFen ?? part.quantity, let baseFen = base.amountFen ?? base.quantity,
                  let rate = statement.rateScaled, let decimals = statement.rateDecimals else { unchecked += 1; continue }
            checked += 1
            let partInterval = part.amountFen != nil ? RateArithmetic.interval(part, unit: unit) : .exact(partFen)
            let baseInterval = base.amountFen != nil ? RateArithmetic.interval(base, unit: unit) : .exact(baseFen)
            let corners = RateArithmetic.shareCorners(partInterval ?? .exact(partFen), baseInterval ?? .exact(baseFen))
            let verdict = RateArithmetic.judge(numerator: partFen, denominator: baseFen, corners: corners, rateScaled: rate, decimals: decimals)
            let label = "\(document.label(part))占\(document.label(base))的比重"
            let stated = RateArithmetic.formatRate(rate, decimals: decimals)
            let figures = [FindingFigure(label: label, printed: statement.printed, sourceKind: statement.sourceKind,
                                         lineFrom: statement.lineFrom, lineTo: statement.lineTo),
                           part.figure(document.label(part)), base.figure(document.label(base))]
            let chart = statement.sourceKind == "chart"
            let wording = RateFinding.Wording(
                zeroBase: "\(document.label(base))为0，\(label)无意义，却印为\(stated)（零基数上的比率）", zeroBaseExpected: "无（基数为0）",
                rounding: { "\(label)印为\(stated)，四舍五入应为\($0)（在印出精度内，舍入提示）" },
                outside: { "\(label)印为\(stated)，按\(RateArithmetic.value(part, unit))/\(RateArithmetic.value(base, unit))计算应为\($0)" })
            if let finding = RateFinding.make(self, verdict, rate: rate, decimals: decimals, figures: figures,
                                              severity: chart ? .warning : .error, document: document, wording: wording) {
                findings.append(finding)
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        if checked == 0 { return .couldNotEvaluate("\(unchecked)个占比的分子或分母未读到") }
        return .pass(checked: checked)
    }
}
