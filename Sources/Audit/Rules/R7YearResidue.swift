import Core

/// 标题和日期须写本年度：情况说明的标题（一、（一）1. 开头的行）所写年度只能是本年度或上年度，
/// “截至××年12月31日/年末”须为本年度；写成其他年度是套用往年文本的残留。警告级。
enum R7YearResidue: AuditRule {
    static let id = "R7.year-residue"
    static let family = "R"
    static let invariant = "标题和“截至”日期所写年度为本年度（标题可写上年度作比较）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        guard !text.isEmpty, document.year > 0 else { return .couldNotEvaluate("未读到正文段落或年度") }
        var findings: [Finding] = []
        var checked = 0
        for paragraph in text {
            let body = paragraph.body
            let heading = E6SangongReasons.isHeading(body) && body.count <= 40
            for (year, offset) in years(in: body) {
                let asOf = precededBy(body, offset, "截至") || precededBy(body, offset, "截止")
                guard heading || asOf else { continue }
                checked += 1
                let allowed = asOf ? [document.year] : [document.year, document.year - 1]
                if allowed.contains(year) { continue }
                let what = asOf ? "“截至”日期" : "标题"
                findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                        message: "\(what)写作\(year)年，本文件为\(document.year)年度（疑为套用其他年度的文本）",
                                        figures: [FindingFigure(label: what, printed: String(body.prefix(30)), sourceKind: "text",
                                                                lineFrom: paragraph.line)],
                                        expected: "\(document.year)年", stated: "\(year)年", difference: nil,
                                        disclosureID: document.disclosureID))
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("标题和日期中未写年度") : .pass(checked: checked)
    }

    /// Four-digit years 19xx/20xx followed by 年 (spaces allowed), with their byte offsets.
    static func years(in body: String) -> [(Int, Int)] {
        let bytes = Array(body.utf8)
        let nian: [UInt8] = Array("年".utf8)
        var result: [(Int, Int)] = []
        var i = 0
        func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i + 4 <= bytes.count {
            if digit(bytes[i]), (i == 0 || !digit(bytes[i - 1])), i + 4 <= bytes.count,
               bytes[i..<i + 4].allSatisfy(digit), i + 4 == bytes.count || !digit(bytes[i + 4]) {
                var j = i + 4
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j + 3 <= bytes.count, Array(bytes[j..<j + 3]) == nian {
                    let value = bytes[i..<i + 4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    if value >= 1900 && value < 2100 { result.append((value, i)) }
                }
                i += 4
                continue
            }
            i += 1
        }
        return result
    }

    /// Whether `word` ends within a few bytes (spaces) before `offset`.
    static func precededBy(_ body: String, _ offset: Int, _ word: String) -> Bool {
        let bytes = Array(body.utf8.prefix(offset))
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        let w = Array(word.utf8)
        return end >= w.count && Array(bytes[(end - w.count)..<end]) == w
    }
}
