import Core

/// “三公”经费的实物量须公开：因公出国（境）团组数和人次，公务用车购置数和保有量，国内公务
/// 接待批次和人次；缺少为警告。金额为 0（或未单列而三公合计为 0）的部分不要求实物量。
/// 导入时未读成数字的实物量，若正文以文字写出（“一辆”“1次”“团组0次”）也算已公开。
enum E4SangongCounts: AuditRule {
    static let id = "E4.sangong-counts"
    static let family = "E"
    static let invariant = "三公实物量（团组/人次、购置数/保有量、接待批次/人次）均已公开"

    /// Each count with the amount it accompanies: a count is demanded only where that
    /// amount is printed and not zero (a zero 购置费 asks no 购置数, a unit with no 三公
    /// spending asks none; the template wants them where money was spent).
    static let required: [(part: String, counts: [String])] = [
        ("sangong_abroad", ["abroad_groups", "abroad_people"]),
        ("vehicle_purchase", ["vehicles_purchased"]),
        ("sangong_vehicle", ["vehicles_held"]),
        ("sangong_reception", ["reception_domestic_batches", "reception_domestic_people"]),
    ]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard let total = RateArithmetic.primary(document, measure: "sangong") else {
            return .notApplicable("未读到“三公”经费决算数")
        }
        var findings: [Finding] = []
        var checked = 0
        var sentences: [String]?
        for (part, counts) in required {
            let anchor = RateArithmetic.primary(document, measure: part) ?? total
            guard anchor.amountFen ?? 0 != 0 else { continue }
            for count in counts {
                checked += 1
                let present = document.facts.contains { $0.measureID == count && $0.year == document.year && $0.sourceKind != "chart" }
                if present { continue }
                if sentences == nil { sentences = Self.sentences(document) }
                if statedInWords(count, sentences ?? []) { continue }
                let name = document.measures[count]?.nameZh ?? count
                findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                        message: "未公开\(name)（为0也须写明）",
                                        figures: [anchor.figure(document.label(anchor))], expected: "公开\(name)", stated: "未公开",
                                        difference: nil, disclosureID: document.disclosureID))
            }
        }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }

    /// How a count the importer did not read may still be written (“一辆”, “1次”, “团组0次”):
    /// a sentence naming the part, with a numeral (digits or 一二两三…) followed by the count's unit.
    static let wording: [String: (context: [String], units: [Character])] = [
        "abroad_groups": (["团"], ["个", "批", "次"]),
        "abroad_people": (["出国", "出境", "团"], ["人"]),
        "vehicles_purchased": (["购置", "更新", "购买"], ["辆"]),
        "vehicles_held": (["保有", "共有", "实有", "现有"], ["辆"]),
        "reception_domestic_batches": (["接待"], ["批", "次"]),
        "reception_domestic_people": (["接待"], ["人"]),
    ]
    static let numerals: Set<Character> = ["〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百"]

    /// The document's text in sentences (split at 。；, across line breaks).
    static func sentences(_ document: AuditDocument) -> [String] {
        let text = document.paragraphs.filter { $0.kind == "text" }.map(\.body).joined()
        return text.split(whereSeparator: { $0 == "。" || $0 == "；" }).map(String.init)
    }

    static func statedInWords(_ count: String, _ sentences: [String]) -> Bool {
        guard let (context, units) = wording[count] else { return false }
        return sentences.contains { sentence in
            guard TextSearch.containsAny(sentence, context) else { return false }
            let chars = Array(sentence)
            for index in chars.indices.dropFirst() where units.contains(chars[index]) {
                var previous = index - 1
                while previous > 0, chars[previous] == " " { previous -= 1 }
                let numeral = chars[previous]
                if numeral.isASCII && numeral.isNumber || numerals.contains(numeral) {
                    return true
                }
            }
            return false
        }
    }
}
