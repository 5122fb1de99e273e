import Core

/// 标题和日期须写本年度：情况说明的标题（一、（一）1. 开头的行）所写年度只能是本年度或上年度，
/// 文件标题和部分标题（“……年度部门决算……”）只能是本年度，“截至××年12月31日/年末”须为本年度，
/// “与××年度相比”“较××年”“比××年”须为上年度；写成其他年度是套用往年文本的残留。标题中残缺的
/// 年度（“20224年度”“202 4年度”“2O24年度”）同样是残留。封面和目录的每一条都按标题核对。警告级。
/// 段落跨行时，发现指向年度所在的那一行。预算文件的标题为“……年部门预算”等，其“截至”日期（资产
/// 占有情况）为上年度或本年度。
enum R7YearResidue: AuditRule {
    static let id = "R7.year-residue"
    static let family = "R"
    static let invariant = "标题、“截至”日期和比较年度所写年度为本年度（比较为上年度），标题中年度完整"
    static let kinds = bothKinds

    /// Words of a document or part title, whose year is the document's own.
    static let titleWords = ["部门决算", "决算表", "决算情况"]
    /// The same, of a budget.
    static let budgetTitleWords = ["部门预算", "单位预算", "预算表", "预算编制说明"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let text = document.paragraphs.filter { $0.kind == "text" }
        guard !text.isEmpty, document.year > 0 else { return .couldNotEvaluate("未读到正文段落或年度") }
        var findings: [Finding] = []
        var checked = 0
        for paragraph in text {
            let body = paragraph.body
            // The cover and the contents are titles whatever their length.
            let short = body.count <= 40 || paragraph.section == "封面" || paragraph.section == "目录"
            let title = short && TextSearch.containsAny(body, document.isBudget ? budgetTitleWords : titleWords)
            let heading = short && (E6SangongReasons.isHeading(body) || title)
            if heading, let broken = brokenYear(body) {
                checked += 1
                findings.append(finding(document, paragraph, line: paragraph.line(of: broken), what: "标题中的年度", stated: broken, expected: "\(document.year)年",
                                        message: "标题中的年度“\(broken)”残缺或有误（本文件为\(document.year)年度）"))
            }
            for (year, offset) in years(in: body) {
                let asOf = precededBy(body, offset, "截至") || precededBy(body, offset, "截止")
                let comparison = isComparison(body, offset)
                // A date in a heading or on the cover (“2025年9月”) is when it was written, not its year.
                guard (heading && !isDate(body, offset)) || asOf || comparison else { continue }
                checked += 1
                let allowed = asOf && document.isBudget ? [document.year - 1, document.year]
                    : asOf || title ? [document.year] : comparison ? [document.year - 1] : [document.year, document.year - 1]
                if allowed.contains(year) { continue }
                let what = asOf ? "“截至”日期" : comparison ? "比较年度" : "标题"
                let expected = comparison && !asOf || asOf && document.isBudget ? document.year - 1 : document.year
                let message = comparison && !asOf
                    ? "比较年度写作\(year)年，本文件为\(document.year)年度，应与上年度（\(expected)年）比较（疑为套用其他年度的文本）"
                    : "\(what)写作\(year)年，本文件为\(document.year)年度（疑为套用其他年度的文本）"
                findings.append(finding(document, paragraph, line: paragraph.line(atUTF8: offset), what: what, stated: "\(year)年", expected: "\(expected)年", message: message))
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("标题和日期中未写年度") : .pass(checked: checked)
    }

    static func finding(_ document: AuditDocument, _ paragraph: ImportedParagraph, line: Int, what: String, stated: String, expected: String,
                        message: String) -> Finding {
        Finding(ruleID: id, family: family, severity: .warning, message: message,
                figures: [FindingFigure(label: what, printed: String(paragraph.body.prefix(30)), sourceKind: "text", lineFrom: line)],
                expected: expected, stated: stated, difference: nil, disclosureID: document.disclosureID)
    }

    /// “2025年9月”: the year at byte `offset` is followed by a month.
    static func isDate(_ body: String, _ offset: Int) -> Bool {
        let after = body.utf8.dropFirst(offset + 4).drop { $0 == 0x20 }
        guard after.starts(with: "年".utf8) else { return false }
        let month = after.dropFirst(3).drop { $0 == 0x20 }
        return month.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
    }

    /// “与2023年度相比”, “较2023年”, “比2023年”: the year a change is measured against.
    static func isComparison(_ body: String, _ offset: Int) -> Bool {
        if precededBy(body, offset, "较") || precededBy(body, offset, "比") { return true }
        guard precededBy(body, offset, "与") || precededBy(body, offset, "同") else { return false }
        let after = String(decoding: body.utf8.dropFirst(offset).prefix(24), as: UTF8.self)
        return TextSearch.contains(after, "相比") || TextSearch.contains(after, "比较")
    }

    /// A year printed wrongly before 年: five digits (20224年), a space inside (202 4年, 20 24年)
    /// or a letter O for a zero (2O24年).
    static func brokenYear(_ body: String) -> String? {
        let chars = Array(body)
        func digit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        func zeroLike(_ c: Character) -> Bool { c == "O" || c == "o" || c == "〇" }
        var i = 0
        while i < chars.count {
            guard chars[i] == "2", i == 0 || !digit(chars[i - 1]) else { i += 1; continue }
            // Collect digits, zero-like letters and single inner spaces up to 年.
            var j = i, digits = 0, oddities = 0
            while j < chars.count, digit(chars[j]) || zeroLike(chars[j]) || (chars[j] == " " && j + 1 < chars.count && (digit(chars[j + 1]) || zeroLike(chars[j + 1]))) {
                if digit(chars[j]) { digits += 1 } else { oddities += 1; if zeroLike(chars[j]) { digits += 1 } }
                j += 1
            }
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            if k < chars.count, chars[k] == "年", oddities > 0 ? digits == 4 : digits == 5 {
                return String(chars[i...k])
            }
            i = max(j, i + 1)
        }
        return nil
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
