import Core

/// 正文中的每幅图须有图名（“图N：……”），写在图的同一段或紧随其后的段落中；缺少为提示。
enum R6FigureCaptions: AuditRule {
    static let id = "R6.figure-captions"
    static let family = "R"
    static let invariant = "每幅图都有图名（图N：……）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        var findings: [Finding] = []
        var checked = 0
        for (index, paragraph) in text.enumerated() where paragraph.body.contains("[image") {
            checked += 1
            let next = index + 1 < text.count ? text[index + 1].body : ""
            if paragraph.body.contains("图") && paragraph.body.contains("：") || next.contains("（图") || next.hasPrefix("图") { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .info, message: "图缺少图名",
                                    figures: [FindingFigure(label: "图", printed: paragraph.body, sourceKind: "text", lineFrom: paragraph.line)],
                                    expected: "图N：……", stated: "无图名", difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("正文中没有图") : .pass(checked: checked)
    }
}
