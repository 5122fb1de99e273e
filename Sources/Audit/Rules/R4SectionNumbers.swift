import Core

/// 情况说明的一级标题须按模板连续编号（一、二、三……）：同一部分下若有标题带编号，
/// 其余标题缺编号或编号不连续为警告。
enum R4SectionNumbers: AuditRule {
    static let id = "R4.section-numbers"
    static let family = "R"
    static let invariant = "情况说明一级标题连续编号（一、二、三……）"

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let sections = Set(document.paragraphs.map(\.section))
        // A heading is a paragraph whose body names a section that other paragraphs sit under.
        let headings = document.paragraphs.filter { p in
            p.kind == "text" && p.section != "（文首）" && !p.section.contains(" / ") && sections.contains(p.section + " / " + p.body)
        }
        var byPart: [String: [ImportedParagraph]] = [:]
        var order: [String] = []
        for h in headings {
            if byPart[h.section] == nil { order.append(h.section) }
            byPart[h.section, default: []].append(h)
        }
        var findings: [Finding] = []
        var checked = 0
        for part in order {
            let list = byPart[part] ?? []
            let numbered = list.filter { number(of: $0.body) != nil }
            guard numbered.count >= 2, numbered.count * 2 >= list.count || numbered.count >= 3 else { continue }
            for (index, heading) in list.enumerated() where index < numerals.count {
                checked += 1
                let expected = numerals[index] + "、"
                if let n = number(of: heading.body) {
                    if n == numerals[index] { continue }
                    findings.append(finding(document, heading, "一级标题“\(heading.body)”编号为“\(n)、”，按顺序应为“\(expected)”", expected, n + "、"))
                } else {
                    findings.append(finding(document, heading, "一级标题“\(heading.body)”缺少编号“\(expected)”", expected, "无编号"))
                }
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("未识别到编号的一级标题") : .pass(checked: checked)
    }

    static func number(of body: String) -> String? {
        guard let range = body.range(of: "、") else { return nil }
        let head = String(body[..<range.lowerBound])
        return numerals.contains(head) ? head : nil
    }

    static func finding(_ document: AuditDocument, _ p: ImportedParagraph, _ message: String, _ expected: String, _ stated: String) -> Finding {
        Finding(ruleID: id, family: family, severity: .warning, message: message,
                figures: [FindingFigure(label: "一级标题", printed: p.body, sourceKind: "text", lineFrom: p.line)],
                expected: expected, stated: stated, difference: nil, disclosureID: document.disclosureID)
    }
}
