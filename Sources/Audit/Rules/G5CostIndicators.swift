import Core

/// 成本指标（一级指标为成本指标、度量单位为金额）之和不应超过项目预算执行数而仍得满分：
/// 超出10%以上为警告，超出但在10%之内为提示。
enum CostIndicators: AuditRule {
    static let id = "G5.cost-indicators"
    static let family = "G"
    static let invariant = "满分的成本指标金额之和 ≤ 项目预算执行数"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        for project in document.projects where project.hasForm {
            let costs = project.indicators.filter { !$0.isTotal && ($0.level1?.contains("成本") ?? false) }
            let amounts = costs.compactMap { row in Performance.costAmount(row).map { (row, $0) } }
            guard !amounts.isEmpty, let executed = Performance.cell(project, "total", "executed"),
                  let executedFen = executed.amountFen, let executedInterval = Performance.interval(executed, unit) else { continue }
            checked += 1
            let full = amounts.allSatisfy { $0.0.scoreCenti != nil && $0.0.scoreCenti == $0.0.weightCenti }
            let sumFen = amounts.map(\.1.fen).reduce(0, +)
            let sum = amounts.map(\.1.interval).reduce(PrintedInterval.exact(0), +)
            guard full, sum.low > executedInterval.high else { continue }
            let severity: Severity = sum.low * 10 > executedInterval.high * 11 ? .warning : .info
            let parts = amounts.map { "\($0.0.target ?? "")" }.joined(separator: "+")
            let figures = [Performance.figure(project, executed)]
                + amounts.map { Performance.indicatorFigure(project, $0.0, "指标值", printed: "\($0.0.target ?? "")\($0.0.unit ?? "")") }
            findings.append(Finding(ruleID: id, family: family, severity: severity,
                                    message: "\(project.name)成本指标\(parts)=\(Performance.money(sumFen, unit))万元，超过预算执行数\(executed.printed)，成本指标却得满分",
                                    figures: figures, expected: "≤ \(executed.printed)", stated: Performance.money(sumFen, unit),
                                    difference: Performance.money(sumFen - executedFen, unit), disclosureID: document.disclosureID))
        }
        if checked == 0 { return .notApplicable("没有以金额计的成本指标") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
