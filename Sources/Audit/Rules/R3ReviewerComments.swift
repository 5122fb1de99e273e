import Core

/// 公开文本中不得留有审阅批注（导入时识别为 residue 的段落），每条批注为一项警告。
enum R3ReviewerComments: AuditRule {
    static let id = "R3.reviewer-comments"
    static let family = "R"
    static let invariant = "公开文本无残留的审阅批注"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard !document.paragraphs.isEmpty else { return .couldNotEvaluate("未读到正文段落") }
        let residue = document.paragraphs.filter { $0.kind == "residue" }
        guard !residue.isEmpty else { return .pass(checked: document.paragraphs.count) }
        return .fail(residue.map { p in
            Finding(ruleID: id, family: family, severity: .warning, message: "文中残留审阅批注：“\(String(p.body.prefix(40)))”",
                    figures: [FindingFigure(label: "审阅批注", printed: p.body, sourceKind: "residue", lineFrom: p.line)],
                    expected: "删除批注", stated: String(p.body.prefix(40)), difference: nil, disclosureID: document.disclosureID)
        })
    }
}
