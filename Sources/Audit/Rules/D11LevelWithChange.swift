import Core

/// “持平”不能与同一句中所述的变动并存：一句（以。；为界，跨行连读）写“持平”又写“减少为0”
/// “降为0”，或在同一逗号分句中“增加/减少/增长/下降”一个不为 0 的数，两者不可能同时成立，为错误。
/// “基本持平”允许小幅变动，不作核对。
enum D11LevelWithChange: AuditRule {
    static let id = "D11.level-with-change"
    static let family = "D"
    static let invariant = "“持平”与同一分句所述的增减变动不矛盾（如“减少为0”）"

    static let directions = ["增加", "减少", "增长", "下降", "降低"]
    static let toZero = ["减少为0", "减少至0", "降为0", "下降为0", "降至0", "下降至0", "减少到0"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = [], checked = 0
        for clause in clauses(document.paragraphs) where TextSearch.contains(clause.text, "持平") {
            guard !TextSearch.contains(clause.text, "基本持平") else { continue }
            checked += 1
            guard let change = statedChange(clause.text) else { continue }
            findings.append(Finding(
                ruleID: id, family: family, severity: .error,
                message: "第 \(clause.line) 行：同一句既写“持平”，又写“\(change)”，两者不能同时成立",
                figures: [FindingFigure(label: "持平与变动", printed: change, sourceKind: "text", lineFrom: clause.line, lineTo: clause.lineTo)],
                expected: "持平或写明变动，二者取一", stated: "持平；\(change)", disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("正文没有“持平”") : .pass(checked: checked)
    }

    struct Clause {
        var text: String
        var line: Int
        var lineTo: Int
    }

    /// The text's clauses (ended by 。；; or a heading), lines joined and spaces dropped.
    static func clauses(_ paragraphs: [ImportedParagraph]) -> [Clause] {
        var result: [Clause] = []
        var current = "", start = 0, last = 0
        func flush() {
            if !current.isEmpty { result.append(Clause(text: current, line: start, lineTo: last)) }
            current = ""
        }
        for paragraph in paragraphs where paragraph.kind == "text" {
            if startsSection(paragraph.body) { flush() }
            for (character, line) in paragraph.charactersWithLines where character != " " && character != "\u{3000}" {
                if current.isEmpty { start = line }
                last = line
                if character == "。" || character == "；" || character == ";" { flush() } else { current.append(character) }
            }
        }
        flush()
        return result
    }

    /// A heading (一、 （一） 1.), but not a wrapped line that starts with a parenthesis (“（境）费……”).
    static func startsSection(_ body: String) -> Bool {
        guard E6SangongReasons.isHeading(body) else { return false }
        let chars = Array(body.drop { $0 == " " || $0 == "\u{3000}" }.prefix(2))
        guard chars.first == "（" || chars.first == "(" else { return true }
        return chars.count > 1 && ("一二三四五六七八九十".contains(chars[1]) || (chars[1].isASCII && chars[1].isNumber))
    }

    /// A change the clause states: to zero, or by a non-zero amount or rate.
    static func statedChange(_ clause: String) -> String? {
        if let zero = toZero.first(where: { TextSearch.contains(clause, $0) }) { return zero }
        // Other changes only in the comma part that says 持平 (“A增加5万元，B持平” names two things).
        guard let part = clause.split(whereSeparator: { $0 == "，" || $0 == "," }).first(where: { TextSearch.contains(String($0), "持平") }) else {
            return nil
        }
        let chars = Array(part)
        for direction in directions {
            var search = 0
            let word = Array(direction)
            while search + word.count <= chars.count {
                guard Array(chars[search..<search + word.count]) == word else { search += 1; continue }
                var index = search + word.count
                var number = ""
                while index < chars.count, chars[index].isASCII, chars[index].isNumber || chars[index] == "." || chars[index] == "," {
                    number.append(chars[index]); index += 1
                }
                if number.contains(where: { $0.isNumber && $0 != "0" }) {
                    let unit = index < chars.count ? String(chars[index...].prefix(2)) : ""
                    return direction + number + (unit.hasPrefix("万元") ? "万元" : unit.hasPrefix("%") ? "%" : unit.hasPrefix("元") ? "元" : "")
                }
                search = index
            }
        }
        return nil
    }
}
