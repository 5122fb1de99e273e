import Core

/// 同一数字两处印出必须一致：同一口径（主题或科目、资金、列、年度）的金额或数量，以及同一
/// 分子分母的占比、增幅，在正文中两处印出时数值必须相同（不设舍入容差；涉及表格的由 C1–C3
/// 核对）；由变动额推算的上年数须与所印上年数一致；图表中的
/// 数字以正文和表格为准核对（发现记在图表上，警告级），反之不核。
enum D1PrintedTwice: AuditRule {
    static let id = "D1.printed-twice"
    static let family = "D"
    static let invariant = "同一数字在两处印出时数值一致（图表以正文、表格为准）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        // Facts, grouped by key.
        var groups: [String: [AuditFact]] = [:]
        var order: [String] = []
        for fact in document.facts where fact.amountFen != nil || fact.quantity != nil {
            let key = "\(fact.measureID ?? "code:" + (fact.code ?? ""))|\(fact.fund)|\(fact.column)|\(fact.year)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(fact)
        }
        for key in order {
            let occurrences = groups[key] ?? []
            guard occurrences.count > 1 else { continue }
            let statements = occurrences.filter { $0.sourceKind != "chart" }
            let printed = statements.filter { !$0.derived }
            guard let reference = printed.first ?? statements.first else { continue }
            let value: (AuditFact) -> Int64 = { $0.amountFen ?? $0.quantity ?? 0 }
            let show: (Int64) -> String = { reference.amountFen != nil ? RateArithmetic.money($0, unit) : "\($0)" }
            for other in occurrences where other.id != reference.id {
                let chart = other.sourceKind == "chart"
                let derived = other.derived || reference.derived
                // Two printed figures one of which is a table cell are the cross-table rules' (C1–C3).
                if !chart && !derived && (other.sourceKind == "table" || reference.sourceKind == "table") { continue }
                checked += 1
                guard value(other) != value(reference) else { continue }
                let what = "\(other.year)年\(document.label(other))\(RateArithmetic.columnName(other.column))"
                let message = chart
                    ? "图表中\(what)为\(show(value(other)))，与第\(reference.lineFrom)行所印\(show(value(reference)))不一致"
                    : derived
                        ? "\(what)由变动额推算为\(show(value(other)))，与第\(reference.lineFrom)行所印\(show(value(reference)))不一致"
                        : "\(what)两处印出不一致：第\(reference.lineFrom)行\(show(value(reference)))，第\(other.lineFrom)行\(show(value(other)))"
                findings.append(Finding(
                    ruleID: id, family: family, severity: chart ? .warning : .error, message: message,
                    figures: chart ? [other.figure(document.label(other)), reference.figure(document.label(reference))]
                                   : [reference.figure(document.label(reference)), other.figure(document.label(other))],
                    expected: show(value(reference)), stated: show(value(other)),
                    difference: show(value(other) - value(reference)), disclosureID: document.disclosureID))
            }
        }
        // Rates of the same part and base, of the same kind.
        var rateGroups: [String: [AuditStatement]] = [:]
        var rateOrder: [String] = []
        for statement in document.statements where (statement.kind == "share" || statement.kind == "growth")
            && statement.rateScaled != nil && statement.partFactID != nil && statement.baseFactID != nil {
            let key = "\(statement.kind)|\(statement.partFactID!)|\(statement.baseFactID!)"
            if rateGroups[key] == nil { rateOrder.append(key) }
            rateGroups[key, default: []].append(statement)
        }
        for key in rateOrder {
            let occurrences = rateGroups[key] ?? []
            guard occurrences.count > 1, let reference = occurrences.first(where: { $0.sourceKind != "chart" }) else { continue }
            for other in occurrences where other.id != reference.id {
                checked += 1
                guard let a = RateArithmetic.signedRate(reference), let b = RateArithmetic.signedRate(other),
                      let da = reference.rateDecimals, let db = other.rateDecimals,
                      let pa = ExactDecimal.powerOfTen(db), let pb = ExactDecimal.powerOfTen(da) else { continue }
                guard Int128(a) * Int128(pa) != Int128(b) * Int128(pb) else { continue }
                let chart = other.sourceKind == "chart"
                let what = reference.kind == "share" ? "占比" : "增幅"
                let base = document.fact(id: reference.partFactID).map { document.label($0) } ?? ""
                let message = chart
                    ? "图表中\(base)\(what)为\(RateArithmetic.formatRate(b, decimals: db))，与第\(reference.lineFrom)行所印\(RateArithmetic.formatRate(a, decimals: da))不一致"
                    : "\(base)\(what)两处印出不一致：第\(reference.lineFrom)行\(RateArithmetic.formatRate(a, decimals: da))，第\(other.lineFrom)行\(RateArithmetic.formatRate(b, decimals: db))"
                findings.append(Finding(
                    ruleID: id, family: family, severity: chart ? .warning : .error, message: message,
                    figures: [FindingFigure(label: "\(base)\(what)", printed: other.printed, sourceKind: other.sourceKind,
                                            lineFrom: other.lineFrom, lineTo: other.lineTo),
                              FindingFigure(label: "\(base)\(what)", printed: reference.printed, sourceKind: reference.sourceKind,
                                            lineFrom: reference.lineFrom, lineTo: reference.lineTo)],
                    expected: RateArithmetic.formatRate(a, decimals: da), stated: RateArithmetic.formatRate(b, decimals: db),
                    difference: nil, disclosureID: document.disclosureID))
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("没有两处印出的同一数字") : .pass(checked: checked)
    }
}
