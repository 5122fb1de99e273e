import Core

/// 指标方向：满意度指标应为“≥ x%”，用 ≤ 或 < 为警告；定性指标不应有数值指标值（提示）。
enum IndicatorDirection: AuditRule {
    static let id = "G4.indicator-direction"
    static let family = "G"
    static let invariant = "满意度指标的指标性质为 ≥ 或 ＞；定性指标没有数值指标值"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        let forms = document.projects.filter { !$0.indicators.isEmpty }
        guard !forms.isEmpty else { return .notApplicable("没有绩效指标表") }
        for project in forms {
            for row in project.indicators where !row.isTotal {
                checked += 1
                let op = row.normalizedOperator ?? ""
                if Performance.isSatisfaction(row), op == "<=" || op == "<" {
                    let printed = "\(row.operatorPrinted ?? op)\(row.target ?? "")\(row.unit ?? "")"
                    findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                            message: "\(project.name)满意度指标「\(row.level3 ?? "")」的指标性质为\(row.operatorPrinted ?? op)（\(printed)），满意度目标应为不低于",
                                            figures: [Performance.indicatorFigure(project, row, "指标性质", printed: printed)],
                                            expected: "≥", stated: row.operatorPrinted ?? op, disclosureID: document.disclosureID))
                }
                if op == "qualitative", let target = row.target?.trimmingCharacters(in: .whitespaces),
                   ExactDecimal(parsing: target.replacingOccurrences(of: "%", with: "")) != nil {
                    findings.append(Finding(ruleID: id, family: family, severity: .info,
                                            message: "\(project.name)定性指标「\(row.level3 ?? "")」填有数值指标值\(target)",
                                            figures: [Performance.indicatorFigure(project, row, "指标值", printed: target)],
                                            stated: target, disclosureID: document.disclosureID))
                }
            }
        }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
