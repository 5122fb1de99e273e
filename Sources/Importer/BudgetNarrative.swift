import Core

/// The statements a budget's prose makes: a figure after a phrase ("财政拨款收入37,151.47万元"),
/// and the comparison with last year's budget right after it ("，比2024年预算增加24,491.71万元",
/// "，与2024年预算持平", "，比2023年预算执行数减少1.39%"). Phrases are data; the longest
/// phrase wins where several match at one place.
struct BudgetNarrative {
    /// A phrase, the measure its figure states (empty: read, not stored), and whether the figure is a count (个).
    struct Rule: Sendable {
        var phrase: String
        var measure: String
        var isCount = false
    }

    static let shanghaiRules: [Rule] = [
        Rule(phrase: "收入预算", measure: "income_total"), Rule(phrase: "财政拨款收入", measure: "fiscal_income"),
        Rule(phrase: "事业单位经营收入", measure: "income_operating"), Rule(phrase: "事业收入", measure: "income_business"),
        Rule(phrase: "其他收入", measure: "income_other"), Rule(phrase: "支出预算", measure: "expenditure_total"),
        Rule(phrase: "财政拨款支出预算", measure: "fiscal_expenditure"),
        Rule(phrase: "一般公共预算拨款支出预算", measure: "general_expenditure"),
        Rule(phrase: "政府性基金拨款支出预算", measure: "gov_fund_expenditure"),
        Rule(phrase: "国有资本经营预算拨款支出预算", measure: "soe_expenditure"),
        Rule(phrase: "三公经费预算数", measure: "sangong"), Rule(phrase: "因公出国（境）费", measure: "sangong_abroad"),
        Rule(phrase: "公务用车购置及运行费", measure: "sangong_vehicle"), Rule(phrase: "公务用车购置费", measure: "vehicle_purchase"),
        Rule(phrase: "公务用车运行费", measure: "vehicle_operation"), Rule(phrase: "公务接待费", measure: "sangong_reception"),
        Rule(phrase: "机关运行经费预算", measure: "admin_operating"), Rule(phrase: "政府采购预算", measure: "procurement"),
        Rule(phrase: "政府采购货物预算", measure: "procurement_goods"), Rule(phrase: "政府采购工程预算", measure: "procurement_works"),
        Rule(phrase: "政府采购服务预算", measure: "procurement_services"),
        Rule(phrase: "编报绩效目标的项目共", measure: "perf_targets", isCount: true),
        Rule(phrase: "涉及项目预算资金", measure: "perf_targets_budget"),
    ]

    static let jiangsuRules: [Rule] = [
        Rule(phrase: "收入预算总计", measure: "income_total"), Rule(phrase: "支出预算总计", measure: "expenditure_total"),
        Rule(phrase: "财政拨款收入预算总计", measure: "fiscal_income"),
        Rule(phrase: "基本支出预算数", measure: "basic"), Rule(phrase: "项目支出预算数", measure: "project"),
        Rule(phrase: "单位预留机动经费预算数", measure: "reserve_funds"),
        Rule(phrase: "人员经费", measure: "personnel"), Rule(phrase: "公用经费", measure: "public_funds"),
        Rule(phrase: "因公出国（境）费预算支出", measure: "sangong_abroad"),
        Rule(phrase: "公务接待费预算支出", measure: "sangong_reception"),
        Rule(phrase: "公务用车购置费预算支出", measure: "vehicle_purchase"),
        Rule(phrase: "公务用车运行维护费预算支出", measure: "vehicle_operation"),
        Rule(phrase: "会议费预算支出", measure: "meeting_fees"), Rule(phrase: "培训费预算支出", measure: "training_fees"),
        // Totals of money outside the catalog: read so that their "收入预算总计" is not taken for the whole.
        Rule(phrase: "财政专户管理资金收入预算总计", measure: ""), Rule(phrase: "其他资金收入预算总计", measure: ""),
    ]

    /// Words allowed between a phrase and its figure.
    static let fillers = ["数为", "为", "预算数为", "预算为", "预算", "共"]

    /// Prose paragraphs of `lines` outside `tables` (a paragraph starts on an indented line),
    /// as (text without spaces and quotes, the 1-based line of each character).
    static func paragraphs(_ lines: [String], outside tables: [ClosedRange<Int>]) -> [(text: [Character], lines: [Int])] {
        var result: [(text: [Character], lines: [Int])] = []
        for (i, raw) in lines.enumerated() {
            let n = i + 1
            if tables.contains(where: { $0.contains(n) }) || raw.hasPrefix("#") || raw.hasPrefix("[PDF page") { continue }
            let text = raw.withoutSpaces
            if text.isEmpty { continue }
            let startsParagraph = raw.first == " " || raw.first == "\u{3000}" || result.isEmpty
            if startsParagraph { result.append(([], [])) }
            for ch in text where !"“”\"'‘’".contains(ch) {
                let normal: Character = ch == "(" ? "（" : ch == ")" ? "）" : ch
                result[result.count - 1].text.append(normal)
                result[result.count - 1].lines.append(n)
            }
        }
        return result
    }

    /// Where each source line after the first begins in `text` (offsets in Unicode scalars).
    static func lineStarts(_ text: [Character], _ lines: [Int]) -> [LineStart] {
        var result: [LineStart] = [], offset = 0
        for (index, character) in text.enumerated() {
            if index > 0, lines[index] != lines[index - 1] { result.append(LineStart(offset: offset, line: lines[index])) }
            offset += character.unicodeScalars.count
        }
        return result
    }

    /// Reads every rule's figures and comparisons from the prose into `b`.
    static func read(_ lines: [String], outside tables: [ClosedRange<Int>], rules: [Rule], into b: inout BudgetBuilder,
                     paragraphs out: inout [ImportedParagraph]) {
        let sorted = rules.sorted { $0.phrase.count > $1.phrase.count }
        for paragraph in paragraphs(lines, outside: tables) {
            let text = paragraph.text
            out.append(ImportedParagraph(section: "", body: String(text), kind: "text", line: paragraph.lines[0],
                                         lineStarts: lineStarts(text, paragraph.lines)))
            var taken = Set<Int>()
            for rule in sorted {
                let phrase = Array(rule.phrase)
                var start = 0
                while let at = find(phrase, in: text, from: start) {
                    start = at + 1
                    let span = at..<(at + phrase.count)
                    if span.contains(where: taken.contains) { continue }
                    // "增加人员经费1408.29万元" states a change, not the level.
                    if at >= 2, ["增加", "减少"].contains(String(text[(at - 2)..<at])) { continue }
                    guard let figure = figure(in: text, after: span.upperBound, count: rule.isCount) else { continue }
                    span.forEach { taken.insert($0) }
                    if rule.measure.isEmpty { continue }
                    let printed = String(text[figure.range])
                    let line = paragraph.lines[figure.range.lowerBound]
                    if rule.isCount {
                        guard let value = Int64(printed) else { continue }
                        b.count(rule.measure, value, printed: printed, unit: "个", line: line)
                        continue
                    }
                    guard let fen = BudgetAmount.fen(printed, unit: .tenThousandYuan) else { continue }
                    let fact = b.money(rule.measure, fen: fen, printed: printed, unit: .tenThousandYuan, provenance: Provenance("text", line))
                    // The comparison, and a rate in the clause after it ("增加4322.77万元，增长14.98%").
                    var after = figure.end
                    var comparisons: [Comparison] = []
                    if let first = comparison(in: text, after: after) {
                        comparisons.append(first)
                        after = first.range.upperBound
                        if first.kind == "change", let rate = comparison(in: text, after: after, rateOnly: true) { comparisons.append(rate) }
                    }
                    for comparison in comparisons {
                        let from = paragraph.lines[comparison.range.lowerBound], to = paragraph.lines[comparison.range.upperBound - 1]
                        b.statements.append(ImportedStatement(
                            kind: comparison.kind, printed: String(text[comparison.range]), direction: comparison.direction,
                            rateScaled: comparison.rate?.scaled, rateDecimals: comparison.rate?.decimals, amountFen: comparison.amount,
                            partFact: fact, provenance: Provenance("text", from, to)))
                        (from...to).forEach { b.recognizedLines.insert($0) }
                    }
                }
            }
        }
    }

    static func find(_ needle: [Character], in text: [Character], from: Int) -> Int? {
        guard !needle.isEmpty, text.count >= needle.count, from <= text.count - needle.count else { return nil }
        return (from...(text.count - needle.count)).first { i in text[i..<(i + needle.count)].elementsEqual(needle) }
    }

    /// A number right after `index` (past one filler word), followed by 万元 (or 个 for a count):
    /// its range and the index after the unit.
    static func figure(in text: [Character], after index: Int, count: Bool) -> (range: Range<Int>, end: Int)? {
        var i = index
        for filler in fillers.sorted(by: { $0.count > $1.count }) where text[i...].starts(with: Array(filler)) {
            i += filler.count
            break
        }
        let start = i
        while i < text.count, text[i].isASCIIDigitChar || text[i] == "," || text[i] == "." { i += 1 }
        guard i > start else { return nil }
        let unit = Array(count ? "个" : "万元")
        guard text[i...].starts(with: unit) else { return nil }
        return (start..<i, i + unit.count)
    }

    struct Comparison {
        var kind: String
        var direction: String?
        var amount: Int64?
        var rate: (scaled: Int64, decimals: Int)?
        var range: Range<Int>
    }

    /// "，比2024年预算增加24,491.71万元" / "，与2023年预算持平" / "，比2023年预算执行数减少1.39%" right after a figure.
    /// With `rateOnly`: a clause that is only a rate ("增长14.98%") right after a change.
    static func comparison(in text: [Character], after index: Int, rateOnly: Bool = false) -> Comparison? {
        var i = index
        if i < text.count, "，,。".contains(text[i]) { i += 1 }
        if rateOnly {
            guard i + 2 <= text.count, ["增长", "减少", "下降"].contains(String(text[i..<(i + 2)])) else { return nil }
        } else {
            guard i < text.count, "比与较".contains(text[i]) else { return nil }
        }
        let start = i
        var end = i
        // A clause ends at "，；。" (an ASCII comma only when no digit follows: 24,558.18 is one number).
        while end < text.count, !"，；。".contains(text[end]),
              !(text[end] == "," && !(end + 1 < text.count && text[end + 1].isASCIIDigitChar)) { end += 1 }
        let clause = Array(text[start..<end])
        if find(Array("持平"), in: clause, from: 0) != nil {
            return Comparison(kind: "change", direction: "持平", amount: 0, range: start..<end)
        }
        for word in ["增加", "减少", "增长", "下降"] {
            guard let at = find(Array(word), in: clause, from: 0) else { continue }
            var j = at + 2
            let numberStart = j
            while j < clause.count, clause[j].isASCIIDigitChar || clause[j] == "," || clause[j] == "." { j += 1 }
            let number = String(clause[numberStart..<j])
            let direction = word == "增加" || word == "增长" ? "增加" : "减少"
            if !rateOnly, clause[j...].starts(with: Array("万元")), let fen = BudgetAmount.fen(number, unit: .tenThousandYuan) {
                return Comparison(kind: "change", direction: direction, amount: direction == "减少" ? -fen : fen, range: start..<end)
            }
            if clause[j...].starts(with: ["%"]) || clause[j...].starts(with: ["％"]) {
                let parts = number.split(separator: ".")
                let decimals = parts.count == 2 ? parts[1].count : 0
                if let scaled = Int64(number.filter { $0 != "." && $0 != "," }) {
                    return Comparison(kind: "growth", direction: direction, rate: (scaled, decimals), range: start..<end)
                }
            }
        }
        return nil
    }
}
