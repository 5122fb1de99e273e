import Core

/// 正文中不应出现重复标点（“。。”“，，”“；；”“、、”“，。”），为提示。
enum R5DoubledPunctuation: AuditRule {
    static let id = "R5.doubled-punctuation"
    static let family = "R"
    static let invariant = "正文无重复标点（。。 ，， 等）"
    static let kinds = bothKinds

    static let pairs = ["。。", "，，", "；；", "、、", "，。", "。，"]

    /// The first of `pairs` (in their order) that occurs in `body`: one pass over its
    /// scalars (the marks are single scalars; Foundation's substring search per pair made
    /// this rule the audit's slowest).
    static func firstPair(in body: String) -> String? {
        var found: Set<String> = []
        var previous: Unicode.Scalar?
        for scalar in body.unicodeScalars {
            if let previous, isMark(previous), isMark(scalar) {
                found.insert(String(Character(previous)) + String(Character(scalar)))
            }
            previous = scalar
        }
        return pairs.first(where: found.contains)
    }

    /// 。，；、
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3002, 0xFF0C, 0xFF1B, 0x3001: return true
        default: return false
        }
    }

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        var findings: [Finding] = []
        for paragraph in text {
            guard let hit = firstPair(in: paragraph.body) else { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .info, message: "正文出现重复标点“\(hit)”",
                                    figures: [FindingFigure(label: "标点", printed: hit, sourceKind: "text", lineFrom: paragraph.line(of: hit))],
                                    expected: String(hit.prefix(1)), stated: hit, difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return text.isEmpty ? .couldNotEvaluate("未读到正文段落") : .pass(checked: text.count)
    }
}
