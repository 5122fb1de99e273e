import Core

/// 正文中不得残留编写说明或指示（“此处需要……”“按模版……”“仍保留该表格式”“请填写”
/// “若涉及……的，应在……”等）。
enum R2Instructions: AuditRule {
    static let id = "R2.instructions"
    static let family = "R"
    static let invariant = "正文无残留的编写说明（此处需要、按模版、仍保留该表格式、请填写）"
    static let kinds = bothKinds

    static let phrases = ["此处需要", "此处需", "按模版", "按模板", "仍保留该表格式", "保留该表格式", "请填写", "请根据实际",
                          "请补充", "待补充", "需补充", "填报说明", "（此处", "在此加", "若涉及", "如涉及"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        var findings: [Finding] = []
        for paragraph in text {
            guard let hit = phrases.first(where: { TextSearch.contains(paragraph.body, $0) }) else { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "正文残留编写说明：“\(String(paragraph.body.prefix(40)))”",
                                    figures: [FindingFigure(label: "编写说明", printed: hit, sourceKind: "text", lineFrom: paragraph.line(of: hit))],
                                    expected: "删除说明", stated: String(paragraph.body.prefix(40)), difference: nil,
                                    disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return text.isEmpty ? .couldNotEvaluate("未读到正文段落") : .pass(checked: text.count)
    }
}
