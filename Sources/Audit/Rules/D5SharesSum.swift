import Core

/// 同一整体的一组占比，若各部分金额之和就是整体（完整划分，非“其中”项），占比之和应为
/// 100%；偏差不超过各占比末位半个单位之和时为舍入提示，超出时为警告。
enum D5SharesSum: AuditRule {
    static let id = "D5.shares-sum"
    static let family = "D"
    static let invariant = "一组完整划分的占比之和为100%（舍入偏差为提示）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var groups: [String: [AuditStatement]] = [:]
        var order: [String] = []
        for s in document.statements where s.kind == "share" && s.sourceKind != "chart" && s.rateScaled != nil && s.baseFactID != nil {
            let key = "\(s.baseFactID!)|\(s.lineFrom)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(s)
        }
        var findings: [Finding] = []
        var checked = 0
        for key in order {
            let list = groups[key] ?? []
            guard list.count >= 2, let base = document.fact(id: list[0].baseFactID), let baseFen = base.amountFen, baseFen != 0 else { continue }
            let parts = list.compactMap { document.fact(id: $0.partFactID) }
            guard parts.count == list.count, parts.allSatisfy({ $0.amountFen != nil }),
                  !parts.contains(where: { $0.measureID.flatMap { document.measures[$0]?.relation } == "of_which" }) else { continue }
            // A complete partition: Σ parts attainable as the base.
            var sum = PrintedInterval.exact(0)
            for p in parts { sum = sum + (RateArithmetic.interval(p, unit: unit) ?? .exact(p.amountFen!)) }
            guard sum.overlaps(RateArithmetic.interval(base, unit: unit) ?? .exact(baseFen)) else { continue }
            checked += 1
            let decimals = list.compactMap(\.rateDecimals).max() ?? 0
            guard let power = ExactDecimal.powerOfTen(decimals) else { continue }
            let total = list.reduce(Int64(0)) { acc, s in
                acc + s.rateScaled! * (ExactDecimal.powerOfTen(decimals - (s.rateDecimals ?? 0)) ?? 1)
            }
            let hundred = 100 * power
            guard total != hundred else { continue }
            // Each share may be off by half its last digit: in units of 10^-decimals, n/2.
            let withinRounding = 2 * abs(total - hundred) <= Int64(list.count)
            let figures = list.map { FindingFigure(label: "占比", printed: $0.printed, sourceKind: $0.sourceKind, lineFrom: $0.lineFrom, lineTo: $0.lineTo) }
            findings.append(Finding(ruleID: id, family: family, severity: withinRounding ? .info : .warning,
                                    message: "\(document.label(base))的\(list.count)项占比之和为\(RateArithmetic.formatRate(total, decimals: decimals))，不等于100%" + (withinRounding ? "（各自四舍五入所致，舍入提示）" : ""),
                                    figures: figures, expected: "100%", stated: RateArithmetic.formatRate(total, decimals: decimals),
                                    difference: RateArithmetic.formatRate(total - hundred, decimals: decimals), disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("没有覆盖整体的一组占比") : .pass(checked: checked)
    }
}
