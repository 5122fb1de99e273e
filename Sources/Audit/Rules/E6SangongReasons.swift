import Core

/// “三公”经费（合计及各部分）决算与预算不一致、或与上年相比有增减时，须说明原因。原因在变动所在
/// 的整段及其后的几句中寻找（到下一个标题为止）：有“原因/主要是/由于/因为/主要用于”等字样，或有
/// 一句不含金额和比率的说明文字，即算已说明；一处原因可以涵盖多项变动。缺少为警告。
enum E6SangongReasons: AuditRule {
    static let id = "E6.sangong-reasons"
    static let family = "E"
    static let invariant = "三公经费有增减或未按预算执行时说明原因（在整段及其后几句中寻找）"

    static let measures: Set<String> = ["sangong", "sangong_abroad", "sangong_vehicle", "vehicle_purchase", "vehicle_operation",
                                        "sangong_reception"]
    static let markers = ["原因", "主要是", "由于", "因为", "主要用于"]
    /// Words of a sentence that states a figure or its change rather than explaining it.
    static let figureWords = ["万元", "%", "％", "持平", "增长", "增加", "减少", "下降", "完成", "占", "决算", "预算"]
    /// How many paragraphs after the change's line the reason may be in.
    static let window = 8

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        var reported = Set<Int>()
        let text = document.paragraphs.filter { $0.kind == "text" }
        for statement in document.statements where statement.sourceKind == "text" {
            guard let part = document.fact(id: statement.partFactID), let measure = part.measureID, measures.contains(measure) else { continue }
            guard changed(statement), !reported.contains(statement.lineFrom) else { continue }
            checked += 1
            guard let start = text.lastIndex(where: { $0.line <= statement.lineFrom }) else { continue }
            if explained(text, from: start, after: statement.printed) { continue }
            reported.insert(statement.lineFrom)
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "\(document.label(part))\(statement.printed)，未说明原因",
                                    figures: [FindingFigure(label: "\(document.label(part))变动", printed: statement.printed,
                                                            sourceKind: statement.sourceKind, lineFrom: statement.lineFrom, lineTo: statement.lineTo)],
                                    expected: "说明增减原因", stated: "未说明", difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("三公经费无增减变动或未与预算不一致") : .pass(checked: checked)
    }

    static func changed(_ statement: AuditStatement) -> Bool {
        switch statement.kind {
        case "change": return (statement.amountFen ?? 0) != 0 || (statement.direction != nil && statement.direction != "持平")
        case "growth": return (statement.rateScaled ?? 0) != 0
        case "completion":
            let hundred = statement.rateScaled.map { $0 == 100 * (ExactDecimal.powerOfTen(statement.rateDecimals ?? 0) ?? 1) }
            return (statement.direction != nil && statement.direction != "持平") || hundred == false
        default: return false
        }
    }

    /// Whether the paragraph at `start` and the ones after it, up to the next heading, give a
    /// reason: a marker word, or an explanatory sentence (no amount, rate or change in it).
    static func explained(_ paragraphs: [ImportedParagraph], from start: Int, after printed: String) -> Bool {
        var body = paragraphs[start].body
        var index = start + 1
        while index < paragraphs.count, index <= start + window, !isHeading(paragraphs[index].body) {
            body += paragraphs[index].body
            index += 1
        }
        if TextSearch.containsAny(body, markers) { return true }
        let tail = TextSearch.find(body, printed).map { String(decoding: body.utf8.dropFirst($0 + printed.utf8.count), as: UTF8.self) } ?? body
        return sentences(tail).contains { sentence in
            sentence.count >= 8 && !TextSearch.containsAny(String(sentence), figureWords)
        }
    }

    /// Sentences split at 。；！ (and line ends already removed).
    static func sentences(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == "。" || $0 == "；" || $0 == "！" || $0 == ";" })
    }

    /// A heading: （一）…, 一、…, 1. / 1、… at the start.
    static func isHeading(_ body: String) -> Bool {
        guard let first = body.first(where: { $0 != " " && $0 != "\u{3000}" }) else { return false }
        if first == "（" || first == "(" { return true }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let chars = Array(body.prefix(4))
        if numerals.contains(first), chars.count > 1, chars[1] == "、" || (chars.count > 2 && numerals.contains(chars[1]) && chars[2] == "、") { return true }
        if first.isASCII && first.isNumber, chars.count > 1, chars[1] == "、" || chars[1] == "." || chars[1] == "．" { return true }
        return false
    }
}
