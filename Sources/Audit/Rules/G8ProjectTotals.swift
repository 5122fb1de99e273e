import Core

/// 自评项目的预算执行数之和 ≤ 项目支出；“常年项目涉及预算总金额” ≤ 项目支出。
enum ProjectTotals: AuditRule {
    static let id = "G8.project-totals"
    static let family = "G"
    static let invariant = "Σ自评项目预算执行数 ≤ 项目支出；常年项目预算总金额 ≤ 项目支出"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = document.moneyUnit
        let projectFacts = document.facts(measure: "project").filter { $0.fund == "all" && $0.amountFen != nil }
        guard let project = projectFacts.first(where: { $0.sourceKind == "table" }) ?? projectFacts.first,
              let projectFen = project.amountFen, let projectInterval = PrintedInterval.of(project, unit: unit) else {
            return document.projects.isEmpty && document.facts(measure: "recurring_budget").isEmpty
                ? .notApplicable("没有项目支出与项目金额") : .couldNotEvaluate("没有读到项目支出")
        }
        var findings: [Finding] = []
        var checked = 0
        let executed = document.projects.compactMap { p in Performance.cell(p, "total", "executed").map { (p, $0) } }
        if !executed.isEmpty {
            checked += 1
            let sumFen = executed.compactMap(\.1.amountFen).reduce(0, +)
            let sum = executed.compactMap { Performance.interval($0.1, unit) }.reduce(PrintedInterval.exact(0), +)
            if sum.low > projectInterval.high {
                findings.append(Finding(ruleID: id, family: family, severity: .error,
                                        message: "自评项目预算执行数之和\(Performance.money(sumFen, unit))超过项目支出\(project.printed ?? "")",
                                        figures: [project.figure(document.label(project))] + executed.map { Performance.figure($0.0, $0.1) },
                                        expected: "≤ \(project.printed ?? "")", stated: Performance.money(sumFen, unit),
                                        difference: Performance.money(sumFen - projectFen, unit), disclosureID: document.disclosureID))
            }
        }
        for recurring in document.facts(measure: "recurring_budget") {
            guard let fen = recurring.amountFen, let interval = PrintedInterval.of(recurring, unit: unit) else { continue }
            checked += 1
            if interval.low > projectInterval.high {
                findings.append(Finding(ruleID: id, family: family, severity: .error,
                                        message: "常年项目涉及预算总金额\(recurring.printed ?? "")万元超过项目支出\(project.printed ?? "")万元",
                                        figures: [recurring.figure(document.label(recurring)), project.figure(document.label(project))],
                                        expected: "≤ \(project.printed ?? "")", stated: recurring.printed,
                                        difference: Performance.money(fen - projectFen, unit), disclosureID: document.disclosureID))
            }
        }
        if checked == 0 { return .notApplicable("没有自评项目或常年项目金额") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
