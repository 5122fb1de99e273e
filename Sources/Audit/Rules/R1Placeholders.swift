import Core

/// 正文中不得残留模板占位符：“XX”、“××”、“【单位名称】”一类待填空位、“增加（减少）”、“（增长）”、
/// “下降（增长）”、缺位的年度（如“202 年度”）。
enum R1Placeholders: AuditRule {
    static let id = "R1.placeholders"
    static let family = "R"
    static let invariant = "正文无模板占位符（XX、增加（减少）、（增长）、202 年度）"
    static let kinds = bothKinds

    static let literals = ["XX", "ＸＸ", "××", "xx年", "【】", "增加（减少）", "增加(减少)", "增长（减少）", "增长(减少)", "减少（增加）",
                           "下降（增长）", "下降(增长)", "（增长）", "(增长)", "（下降）", "增长（下降）"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        let text = document.paragraphs.filter { $0.kind == "text" }
        for paragraph in text {
            var found = literals.filter { TextSearch.contains(paragraph.body, $0) }
            if let bracket = fillInBracket(paragraph.body) { found.append(bracket) }
            var hits = found.filter { hit in !found.contains { $0 != hit && $0.contains(hit) } }
            if let year = truncatedYear(paragraph.body) { hits.append(year) }
            for hit in hits {
                findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                        message: "正文残留模板占位符“\(hit)”",
                                        figures: [FindingFigure(label: "模板占位符", printed: hit, sourceKind: "text", lineFrom: paragraph.line(of: hit))],
                                        expected: "填写实际内容", stated: hit, difference: nil, disclosureID: document.disclosureID))
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return text.isEmpty ? .couldNotEvaluate("未读到正文段落") : .pass(checked: text.count)
    }

    /// Words inside 【…】 that mark a blank of the template (【单位名称】, 【填写…】).
    static let blankWords = ["单位", "名称", "填", "写", "年", "X", "×", "金额", "数"]

    /// A template blank in 【…】 (at most 12 characters, naming what to fill in).
    static func fillInBracket(_ body: String) -> String? {
        var search = body[...]
        while let open = search.firstIndex(of: "【") {
            let rest = search[search.index(after: open)...]
            guard let close = rest.firstIndex(of: "】") else { return nil }
            let inside = String(rest[..<close])
            if inside.count <= 12, blankWords.contains(where: { TextSearch.contains(inside, $0) }) { return "【\(inside)】" }
            search = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// "202 年度" / "202年": a year missing its last digit.
    static func truncatedYear(_ body: String) -> String? {
        let chars = Array(body)
        var i = 0
        while i + 3 < chars.count {
            if chars[i] == "2", chars[i + 1] == "0", chars[i + 2].isASCII, chars[i + 2].isNumber,
               i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) {
                var j = i + 3
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, chars[j] == "年", !(chars[i + 3].isASCII && chars[i + 3].isNumber) {
                    return String(chars[i..<min(j + 1, chars.count)]) + (j + 1 < chars.count && chars[j + 1] == "度" ? "度" : "")
                }
            }
            i += 1
        }
        return nil
    }
}
