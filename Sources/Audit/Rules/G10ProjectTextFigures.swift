import Core

/// 正文（绩效自评报告）所述项目的年初预算、到位（调整后）、执行数、执行率与自评表一致，
/// 同一数字两次印刷不留舍入余地（仅按较粗的印刷位数取舍）；年中调整额 = 调整后预算 − 年初预算。
enum ProjectTextFigures: AuditRule {
    static let id = "G10.project-text-figures"
    static let family = "G"
    static let invariant = "正文所述项目金额与自评表一致；调整额 = 调整后预算 − 年初预算"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        for project in document.projects where project.hasForm {
            for text in project.figures where text.provenance.kind == "text" {
                if text.field == "adjustment" {
                    guard let i = Performance.cell(project, "total", "initial"), let a = Performance.cell(project, "total", "adjusted"),
                          let iFen = i.amountFen, let aFen = a.amountFen, let stated = text.amountFen else { continue }
                    checked += 1
                    let expected = aFen - iFen
                    if !agrees(stated, text.printed, expected, unit) {
                        findings.append(Finding(ruleID: id, family: family, severity: .error,
                                                message: "正文所述\(project.name)调整预算\(text.printed)万元与自评表（年初\(i.printed)、调整后\(a.printed)）不符",
                                                figures: [Performance.figure(project, text), Performance.figure(project, i), Performance.figure(project, a)],
                                                expected: Performance.money(expected, unit), stated: Performance.money(stated, unit),
                                                difference: Performance.money(stated - expected, unit), disclosureID: document.disclosureID))
                    }
                    continue
                }
                guard ["initial", "adjusted", "executed"].contains(text.field), let stated = text.amountFen,
                      let cell = Performance.cell(project, "total", text.field), let expected = cell.amountFen else { continue }
                checked += 1
                if !agrees(stated, text.printed, expected, unit) {
                    findings.append(Finding(ruleID: id, family: family, severity: .error,
                                            message: "正文所述\(project.name)\(Performance.fieldNames[text.field] ?? "")\(text.printed)万元与自评表\(cell.printed)不符",
                                            figures: [Performance.figure(project, text), Performance.figure(project, cell)],
                                            expected: cell.printed, stated: text.printed,
                                            difference: Performance.money(stated - expected, unit), disclosureID: document.disclosureID))
                }
            }
        }
        if checked == 0 { return .notApplicable("正文没有述及自评表中的项目金额") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }

    /// Whether `expected` (分), rounded half up to the decimals printed in `printed`, equals `stated`.
    static func agrees(_ stated: Int64, _ printed: String, _ expected: Int64, _ unit: MoneyUnit) -> Bool {
        let decimals = printed.split(separator: ".").dropFirst().first?.count ?? 0
        let unitDigits = String(unit.fenPerUnit).count - 1
        guard decimals <= unitDigits, let power = ExactDecimal.powerOfTen(unitDigits - decimals) else { return stated == expected }
        let sign: Int64 = expected < 0 ? -1 : 1
        let rounded = sign * ((abs(expected) * 2 + power) / (2 * power)) * power
        return stated == rounded
    }
}
