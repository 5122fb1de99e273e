import Core

/// 自评表预算执行情况各列：财政资金 + 财政专户管理资金 + 单位资金 + 其他资金 = 总额（空白单元格视为未知：
/// 已知部分之和超过总额为错误；其他资金空白而已知部分之和小于总额为警告）。
enum FundingRows: AuditRule {
    static let id = "G2.funding-rows"
    static let family = "G"
    static let invariant = "财政资金 + 财政专户管理资金 + 单位资金 + 其他资金 = 总额（年初预算、调整后预算数、预算执行数各列）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        let forms = document.projects.filter { $0.hasForm }
        guard !forms.isEmpty else { return .notApplicable("没有项目支出绩效自评表") }
        for project in forms {
            for field in ["initial", "adjusted", "executed"] {
                guard let total = Performance.cell(project, "total", field), let totalFen = total.amountFen,
                      let totalInterval = Performance.interval(total, unit) else { continue }
                let parts = Performance.partRows.compactMap { Performance.cell(project, $0, field) }.filter { $0.amountFen != nil }
                guard !parts.isEmpty else { continue }
                checked += 1
                let missing = Performance.partRows.filter { row in !parts.contains { $0.fundingRow == row } }
                let sumFen = parts.compactMap(\.amountFen).reduce(0, +)
                let sum = parts.compactMap { Performance.interval($0, unit) }.reduce(PrintedInterval.exact(0), +)
                if sumFen == totalFen { continue }
                let figures = [Performance.figure(project, total)] + parts.map { Performance.figure(project, $0) }
                let expected = Performance.money(sumFen, unit), difference = Performance.money(totalFen - sumFen, unit)
                let name = Performance.fieldNames[field] ?? field
                if missing.isEmpty {
                    let severity: Severity = sum.overlaps(totalInterval) ? .info : .error
                    findings.append(Finding(ruleID: id, family: family, severity: severity,
                                            message: "\(project.name)\(name)：各资金来源之和\(expected)不等于总额\(total.printed)"
                                                + (severity == .info ? "（舍入差异）" : ""),
                                            figures: figures, expected: expected, stated: total.printed, difference: difference,
                                            disclosureID: document.disclosureID))
                } else if sum.low > totalInterval.high {
                    findings.append(Finding(ruleID: id, family: family, severity: .error,
                                            message: "\(project.name)\(name)：已填资金来源之和\(expected)超过总额\(total.printed)",
                                            figures: figures, expected: expected, stated: total.printed, difference: difference,
                                            disclosureID: document.disclosureID))
                } else if sum.high < totalInterval.low {
                    let blanks = missing.compactMap { Performance.rowNames[$0] }.joined(separator: "、")
                    findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                            message: "\(project.name)\(name)：已填资金来源之和\(expected)小于总额\(total.printed)，差额\(difference)只能来自空白的\(blanks)",
                                            figures: figures, expected: expected, stated: total.printed, difference: difference,
                                            disclosureID: document.disclosureID))
                }
            }
        }
        if checked == 0 { return .couldNotEvaluate("自评表中没有资金来源行") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
