import Core

/// The statements a budget's prose makes: a figure after a phrase ("财政拨款收入37,151.47万元"),
/// and the comparison with last year's budget right after it ("，比2024年预算增加24,491.71万元",
/// "，与2024年预算持平", "，比2023年预算执行数减少1.39%"), and a share after it ("，占55.98%",
/// "，占“三公”经费的27.39%": of a named whole, or of the total that a "其中" list follows).
/// Phrases are data; the longest phrase wins where several match at one place.
struct BudgetNarrative {
    /// A phrase, the measure its figure states (empty: read, not stored), and whether the figure is a count (个).
    /// `countBefore`: the count is printed right before the phrase ("共6个项目实行绩效目标管理").
    /// `withShare`: the figure is stored only when a share follows it (an item of a "其中" list,
    /// whose words alone are too common to name a measure).
    struct Rule: Sendable {
        var phrase: String
        var measure: String
        var isCount = false
        var countBefore = false
        var withShare = false
    }

    /// Wholes a share names ("占本年支出合计的100%", "占“三公”经费的27.39%"), quotes removed.
    static let shareBases: [(words: String, measure: String)] = [
        ("本年支出合计", "expenditure_total"), ("本年收入合计", "income_total"), ("三公经费", "sangong"),
    ]

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
        Rule(phrase: "面向中小企业预留政府采购项目预算金额", measure: "procurement_sme_reserved"),
        Rule(phrase: "预留给小型和微型企业的政府采购项目预算", measure: "procurement_micro_reserved"),
        Rule(phrase: "编报绩效目标的项目", measure: "perf_targets", isCount: true),
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
        Rule(phrase: "公务用车购置费预算支出", measure: "vehicle_purchase"), Rule(phrase: "公务用车购置预算支出", measure: "vehicle_purchase"),
        Rule(phrase: "机关运行经费预算支出", measure: "admin_operating"),
        Rule(phrase: "公务用车运行维护费预算支出", measure: "vehicle_operation"),
        Rule(phrase: "会议费预算支出", measure: "meeting_fees"), Rule(phrase: "培训费预算支出", measure: "training_fees"),
        Rule(phrase: "财政专户管理资金收入预算总计", measure: "income_fiscal_account"),
        Rule(phrase: "其他资金收入预算总计", measure: "income_other_funds"),
        // The wholes of the 收入/支出预算 lists, and their items with shares.
        Rule(phrase: "本年收入预算合计", measure: "income_total"), Rule(phrase: "本年支出预算合计", measure: "expenditure_total"),
        Rule(phrase: "一般公共预算收入", measure: "income_general", withShare: true),
        Rule(phrase: "政府性基金预算收入", measure: "income_gov_fund", withShare: true),
        Rule(phrase: "财政专户管理资金", measure: "income_fiscal_account", withShare: true),
        Rule(phrase: "其他资金", measure: "income_other_funds", withShare: true),
        Rule(phrase: "基本支出", measure: "basic", withShare: true), Rule(phrase: "项目支出", measure: "project", withShare: true),
        Rule(phrase: "单位预留机动经费", measure: "reserve_funds", withShare: true),
        Rule(phrase: "财政拨款预算支出", measure: "fiscal_expenditure", withShare: true),
        Rule(phrase: "因公出国（境）费支出", measure: "sangong_abroad", withShare: true),
        Rule(phrase: "公务用车购置及运行费支出", measure: "sangong_vehicle", withShare: true),
        Rule(phrase: "公务用车运行维护费支出", measure: "vehicle_operation", withShare: true),
        Rule(phrase: "公务接待费支出", measure: "sangong_reception", withShare: true),
        // 政府采购 by 品目大类, and the projects under 绩效目标 management.
        Rule(phrase: "政府采购预算总金额", measure: "procurement"),
        Rule(phrase: "拟购买货物", measure: "procurement_goods"), Rule(phrase: "拟采购货物", measure: "procurement_goods"),
        Rule(phrase: "拟购买工程", measure: "procurement_works"), Rule(phrase: "拟采购工程", measure: "procurement_works"),
        Rule(phrase: "拟购买服务", measure: "procurement_services"), Rule(phrase: "拟采购服务", measure: "procurement_services"),
        Rule(phrase: "个项目实行绩效目标管理", measure: "perf_targets", isCount: true, countBefore: true),
        Rule(phrase: "涉及财政性资金合计", measure: "perf_targets_budget"),
    ]

    /// Words allowed between a phrase and its figure.
    static let fillers = ["数为", "为", "预算数为", "预算为", "预算", "共", "支出"]

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
        // The whole of the current "其中" list: a figure followed by "其中", kept while the
        // paragraphs after it state shares of it.
        var lead: Int?
        for paragraph in paragraphs(lines, outside: tables) {
            var leadUsed = false, leadSet = false
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
                    if rule.countBefore {
                        var first = at
                        while first > 0, text[first - 1].isASCIIDigitChar { first -= 1 }
                        guard first < at, let value = Int64(String(text[first..<at])) else { continue }
                        span.forEach { taken.insert($0) }
                        b.count(rule.measure, value, printed: String(text[first..<at]), unit: "个", line: paragraph.lines[first])
                        continue
                    }
                    guard let figure = figure(in: text, after: span.upperBound, count: rule.isCount) else { continue }
                    let share = rule.withShare || !rule.isCount ? share(in: text, after: figure.end) : nil
                    if rule.withShare, share == nil { continue }
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
                    var after = share?.range.upperBound ?? figure.end
                    var comparisons: [Comparison] = []
                    if let first = comparison(in: text, after: after) {
                        comparisons.append(first)
                        after = first.range.upperBound
                        if first.kind == "change", let rate = comparison(in: text, after: after, rateOnly: true) { comparisons.append(rate) }
                    }
                    if text[figure.end...].starts(with: Array("，其中")) || text[figure.end...].starts(with: Array("。其中")) {
                        lead = fact
                        leadSet = true
                    }
                    if let share {
                        let base: Int?
                        if let words = share.base {
                            base = shareBases.first { words.hasPrefix($0.words) }.flatMap { named in
                                b.facts.firstIndex { $0.measureID == named.measure }
                            }
                        } else {
                            base = lead
                            leadUsed = true
                        }
                        let from = paragraph.lines[share.range.lowerBound], to = paragraph.lines[share.range.upperBound - 1]
                        b.statements.append(ImportedStatement(
                            kind: "share", printed: String(text[share.range]), rateScaled: share.rate.scaled,
                            rateDecimals: share.rate.decimals, partFact: fact, baseFact: base, provenance: Provenance("text", from, to)))
                        (from...to).forEach { b.recognizedLines.insert($0) }
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
            if !leadSet && !leadUsed { lead = nil }
        }
    }

    /// "，占55.98%" / "，占本年支出合计的100%" / "，占“三公”经费的27.39%" right after a figure:
    /// the words naming the whole (nil: the whole of the current list), the rate and its range.
    static func share(in text: [Character], after index: Int) -> (base: String?, rate: (scaled: Int64, decimals: Int), range: Range<Int>)? {
        var i = index
        if i < text.count, "，,".contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == "占" else { return nil }
        let start = i
        i += 1
        let wordsStart = i
        while i < text.count, !text[i].isASCIIDigitChar, !"，；。%％".contains(text[i]), i - wordsStart <= 12 { i += 1 }
        guard i < text.count, text[i].isASCIIDigitChar else { return nil }
        var words = String(text[wordsStart..<i])
        if words.hasSuffix("的") { words.removeLast() }
        let numberStart = i
        while i < text.count, text[i].isASCIIDigitChar || text[i] == "." { i += 1 }
        guard i < text.count, "%％".contains(text[i]) else { return nil }
        let number = String(text[numberStart..<i])
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let scaled = Int64(number.filter { $0 != "." }) else { return nil }
        return (words.isEmpty ? nil : words, (scaled, parts.count == 2 ? parts[1].count : 0), start..<(i + 1))
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
