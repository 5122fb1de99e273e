import Core

/// 预算执行率 = 预算执行数 ÷ 调整后预算数，按自评表每个资金来源行（及正文所述的项目执行率）重算，
/// 在印刷精度的区间内比较；调整后预算为0而印有非零执行率为错误。
enum ExecutionRate: AuditRule {
    static let id = "G1.execution-rate"
    static let family = "G"
    static let invariant = "预算执行率 = 预算执行数 ÷ 调整后预算数（每个资金来源行及正文所述执行率）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        var zeroRows: [FindingFigure] = []
        let forms = document.projects.filter { $0.hasForm }
        guard !forms.isEmpty else { return .notApplicable("没有项目支出绩效自评表") }
        for project in forms {
            for rate in project.figures where rate.field == "rate" {
                guard let scaled = rate.rateScaled, let decimals = rate.rateDecimals else { continue }
                // A text rate is about the project as a whole: the form's 总额 row.
                guard let adjusted = Performance.value(project, rate.fundingRow, "adjusted"),
                      let executed = Performance.value(project, rate.fundingRow, "executed"),
                      let a = Performance.interval(adjusted, unit), let e = Performance.interval(executed, unit),
                      let aFen = adjusted.amountFen, let eFen = executed.amountFen else { continue }
                checked += 1
                let figures = [Performance.figure(project, rate), Performance.figure(project, executed), Performance.figure(project, adjusted)]
                if aFen == 0 {
                    if scaled == 0 && eFen == 0 {
                        zeroRows.append(Performance.figure(project, rate))
                    } else {
                        findings.append(Finding(ruleID: id, family: family, severity: .error,
                                                message: "调整后预算数为0，预算执行率无定义，却印为\(rate.printed)",
                                                figures: figures, expected: "无定义", stated: rate.printed,
                                                disclosureID: document.disclosureID))
                    }
                    continue
                }
                guard let expected = Performance.roundedRate(part: eFen, base: aFen, decimals: decimals) else { continue }
                if expected == scaled { continue }
                let difference = Performance.rate(scaled - expected, decimals)
                if Performance.rateAttainable(scaled, decimals: decimals, part: e, base: a) {
                    findings.append(Finding(ruleID: id, family: family, severity: .info,
                                            message: "预算执行率\(rate.printed)与重算值\(Performance.rate(expected, decimals))相差在印刷精度之内（舍入差异）",
                                            figures: figures, expected: Performance.rate(expected, decimals), stated: rate.printed,
                                            difference: difference, disclosureID: document.disclosureID))
                } else {
                    findings.append(Finding(ruleID: id, family: family, severity: .error,
                                            message: "\(project.name)\(Performance.rowNames[rate.fundingRow] ?? "")预算执行率印为\(rate.printed)，按执行数\(executed.printed)÷调整后预算\(adjusted.printed)应为\(Performance.rate(expected, decimals))",
                                            figures: figures, expected: Performance.rate(expected, decimals), stated: rate.printed,
                                            difference: difference, disclosureID: document.disclosureID))
                }
            }
        }
        if !zeroRows.isEmpty {
            findings.append(Finding(ruleID: id, family: family, severity: .info,
                                    message: "\(zeroRows.count)个资金来源行调整后预算为0，预算执行率无定义，表中填为0%",
                                    figures: zeroRows, expected: "无定义", stated: "0%", disclosureID: document.disclosureID))
        }
        if checked == 0 { return .couldNotEvaluate("自评表中没有可重算的预算执行率") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
