import Core

/// 正文提到（已开展绩效自评）的项目都应附有项目支出绩效自评表。
enum ProjectsWithoutForm: AuditRule {
    static let id = "G7.project-without-form"
    static let family = "G"
    static let invariant = "正文所述开展绩效自评的项目均附有自评表"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard !document.projects.isEmpty else { return .notApplicable("没有项目") }
        let findings = document.projects.filter { !$0.hasForm }.map { project in
            Finding(ruleID: id, family: family, severity: .warning,
                    message: "正文提到的项目「\(project.name)」没有附项目支出绩效自评表",
                    figures: [FindingFigure(label: project.name, printed: project.name, sourceKind: "text",
                                            lineFrom: project.lineFrom, lineTo: project.lineTo)],
                    disclosureID: document.disclosureID)
        }
        return findings.isEmpty ? .pass(checked: document.projects.count) : .fail(findings)
    }
}
