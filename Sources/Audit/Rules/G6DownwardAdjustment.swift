import Core

/// 调整后预算比年初预算调减10%以上、而预算执行率为100%：执行率因年中大幅调减预算而达到100%（警告）。
enum DownwardAdjustment: AuditRule {
    static let id = "G6.downward-adjustment"
    static let family = "G"
    static let invariant = "预算执行率100%不应来自调整后预算比年初预算大幅（>10%）调减"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        for project in document.projects where project.hasForm {
            guard let initial = Performance.cell(project, "total", "initial"), let adjusted = Performance.cell(project, "total", "adjusted"),
                  let executed = Performance.cell(project, "total", "executed"),
                  let i = initial.amountFen, let a = adjusted.amountFen, let e = executed.amountFen, i > 0 else { continue }
            checked += 1
            let rate = Performance.cell(project, "total", "rate")
            let full = rate.map { ($0.rateScaled ?? 0) >= 100 * (ExactDecimal.powerOfTen($0.rateDecimals ?? 0) ?? 1) } ?? (e >= a)
            guard a * 10 < i * 9, full else { continue }
            var figures = [Performance.figure(project, initial), Performance.figure(project, adjusted), Performance.figure(project, executed)]
            if let rate { figures.append(Performance.figure(project, rate)) }
            let cut = Performance.money(i - a, unit)
            let share = Performance.rate(Performance.roundedRate(part: i - a, base: i, decimals: 2) ?? 0, 2)
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "执行率因年中大幅调减预算而达到100%：\(project.name)年初预算\(initial.printed)，调减\(cut)（\(share)）至\(adjusted.printed)，执行数为年初预算的\(Performance.rate(Performance.roundedRate(part: e, base: i, decimals: 2) ?? 0, 2))",
                                    figures: figures, expected: "执行数÷年初预算 \(Performance.rate(Performance.roundedRate(part: e, base: i, decimals: 2) ?? 0, 2))",
                                    stated: rate?.printed, difference: "-" + cut, disclosureID: document.disclosureID))
        }
        if checked == 0 { return .notApplicable("没有项目支出绩效自评表") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
