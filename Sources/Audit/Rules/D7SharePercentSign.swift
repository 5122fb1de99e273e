import Core

/// 占比须带“%”：“占……的 99.86；”一类印出的比重缺少百分号时，读者无法确定其含义。警告级。
/// 只看“占”之后、同一分句内的第一个数字，且其后紧接标点或段落结束（排除“占地 12.5 亩”）。
enum D7SharePercentSign: AuditRule {
    static let id = "D7.share-percent-sign"
    static let family = "D"
    static let invariant = "印出的占比带“%”"

    static let clauseEnds: Set<Character> = ["，", "。", "；", "：", ",", ";", ":", "、"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        guard !text.isEmpty else { return .couldNotEvaluate("未读到正文段落") }
        var findings: [Finding] = []
        var checked = 0
        for (index, paragraph) in text.enumerated() where TextSearch.contains(paragraph.body, "占") {
            let next = index + 1 < text.count ? text[index + 1].body.first(where: { $0 != " " }) : nil
            for share in shares(in: paragraph.body, nextParagraphStart: next) {
                checked += 1
                guard !share.hasPercent else { continue }
                findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                        message: "占比“\(share.text)”缺少“%”",
                                        figures: [FindingFigure(label: "占比", printed: share.text, sourceKind: "text", lineFrom: paragraph.line(atCharacter: share.offset))],
                                        expected: share.number + "%", stated: share.number, difference: nil,
                                        disclosureID: document.disclosureID))
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("正文没有印出的占比") : .pass(checked: checked)
    }

    struct Share {
        var text: String
        var number: String
        var hasPercent: Bool
        /// The `Character` offset of its “占” in the paragraph.
        var offset: Int
    }

    /// Each “占” followed, within its clause, by a number that ends the clause or carries %.
    static func shares(in body: String, nextParagraphStart: Character?) -> [Share] {
        let chars = Array(body)
        var result: [Share] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "占" else { i += 1; continue }
            var j = i + 1
            while j < chars.count, j - i <= 24, !clauseEnds.contains(chars[j]), !(chars[j].isASCII && chars[j].isNumber) { j += 1 }
            guard j < chars.count, chars[j].isASCII, chars[j].isNumber else { i = j; continue }
            var k = j
            while k < chars.count, chars[k].isASCII, chars[k].isNumber || chars[k] == "." { k += 1 }
            let number = String(chars[j..<k])
            var after = k
            while after < chars.count, chars[after] == " " { after += 1 }
            let following: Character? = after < chars.count ? chars[after] : nextParagraphStart
            if following == "%" || following == "％" {
                result.append(Share(text: String(chars[i..<min(after + 1, chars.count)]), number: number, hasPercent: true, offset: i))
            } else if following.map({ clauseEnds.contains($0) }) ?? true {
                result.append(Share(text: String(chars[i..<k]), number: number, hasPercent: false, offset: i))
            }
            i = k
        }
        return result
    }
}
