import Core

/// The 情况说明 (第三部分) of a Shanghai document: paragraphs with their heading path, and the
/// figures its sentences state.
enum ShanghaiNarrative {
    static let numerals = Set("一二三四五六七八九十")

    static func isHeading(_ s: String) -> Int? {
        if s.hasPrefix("第") && s.containsBytes("部分") { return 0 }
        if let mark = s.firstIndex(of: "、"), !s[..<mark].isEmpty, s[..<mark].allSatisfy({ numerals.contains($0) }),
           s.count <= 30, !s.contains("：") { return 1 }
        if s.hasPrefix("（"), let close = s.firstIndex(of: "）"), s[s.index(after: s.startIndex)..<close].allSatisfy({ numerals.contains($0) }),
           s.count <= 30 { return 2 }
        return nil
    }

    /// Joined text (spaces and line breaks removed) with the line of each character.
    struct Joined {
        private(set) var chars: [Character] = []
        /// `CharacterKey` of each character (label searches compare these).
        private(set) var keys: [UInt32] = []
        private(set) var lines: [Int] = []
        var text: String { String(chars) }

        mutating func append(_ character: Character, line: Int) {
            chars.append(character)
            keys.append(CharacterKey.of(character))
            lines.append(line)
        }

        /// The offset of the first `label` in [from, to), or nil.
        func find(_ label: String, from: Int = 0, to: Int? = nil) -> Int? {
            let l = Array(label), lk = CharacterKey.keys(l)
            let end = min(to ?? chars.count, chars.count)
            guard !l.isEmpty else { return nil }
            var i = max(from, 0)
            while i + l.count <= end {
                if keys[i] == lk[0] || keys[i] == 0 || lk[0] == 0, CharacterKey.matches(l, lk, at: i, in: chars, keys) { return i }
                i += 1
            }
            return nil
        }
    }

    static func read(_ lines: [String], from start: Int, into b: inout ShanghaiBuilder, paragraphs: inout [ImportedParagraph],
                     unrecognized: inout [Int]) {
        var path: [String] = []
        var joined = Joined()
        var narrativeLines: [Int] = []
        var glossary = false
        var joiner = ParagraphJoiner()
        var sections: [Int: String] = [:]
        for n in start...max(start, lines.count) where n <= lines.count {
            let raw = lines[n - 1]
            if raw.hasPrefix("[PDF page") || raw.hasPrefix("#") { continue }
            let s = raw.trimmingSpaces
            if s.isEmpty { continue }
            if let level = isHeading(s) {
                if level == 0 { path = [s]; glossary = s.contains("名词解释") }
                else { path = Array(path.prefix(level)) + [s] }
                sections[n] = path.dropLast().joined(separator: " > ")
                joiner.add(s, line: n, heading: true)
            } else {
                sections[n] = path.joined(separator: " > ")
                joiner.add(s, line: n)
            }
            if !glossary {
                narrativeLines.append(n)
                for ch in s where ch != " " { joined.append(ch, line: n) }
            }
        }
        // Paragraphs as written: wrapped lines re-joined, each under the section of its first line.
        for p in joiner.paragraphs {
            paragraphs.append(ImportedParagraph(section: sections[p.lineFrom] ?? "", body: p.body, kind: "text",
                                                line: p.lineFrom, lineTo: p.lineTo, lineStarts: p.lineStarts))
        }
        let before = b.facts.count
        extract(joined, into: &b)
        ShanghaiRates.read(joined, textFactsFrom: before, into: &b)
        for n in narrativeLines where !b.recognizedLines.contains(n) && holdsFigure(lines[n - 1]) {
            unrecognized.append(n)
        }
    }

    /// The front matter before the first table: the cover (one paragraph, its lines joined)
    /// under section 封面, the contents (one paragraph per entry, a wrapped entry joined) under
    /// 目录, then the 第一部分 (概况) as paragraphs under its headings. The contents run from
    /// the line 目录 (or the first part it lists) to where its first part comes again.
    static func frontMatter(_ lines: [String], before end: Int) -> [ImportedParagraph] {
        var kept: [(number: Int, text: String, compact: String)] = []
        for n in 1..<max(1, end) where n <= lines.count {
            let raw = lines[n - 1]
            if raw.hasPrefix("[PDF page") || raw.hasPrefix("#") { continue }
            let s = raw.trimmingSpaces
            if !s.isEmpty { kept.append((n, s, s.withoutSpaces)) }
        }
        func part(_ i: Int) -> String? {
            let c = kept[i].compact
            guard c.hasPrefix("第"), let mark = c.range(of: "部分") else { return nil }
            return String(c[..<mark.upperBound])
        }
        let firstPart = kept.indices.first { part($0) != nil }
        let bodyStart = firstPart.flatMap { f in kept.indices.first { $0 > f && part($0) == part(f) } } ?? firstPart ?? kept.count
        // 目录, also printed as 目 and 录 on two lines.
        let contentsHeading = kept.indices.first { i in
            i < (firstPart ?? kept.count) && (kept[i].compact == "目录" || (kept[i].compact == "目" && i + 1 < kept.count && kept[i + 1].compact == "录"))
        }
        let contentsStart = bodyStart == firstPart ? bodyStart : contentsHeading ?? firstPart ?? bodyStart
        var result: [ImportedParagraph] = []
        func add(_ run: ArraySlice<(number: Int, text: String, compact: String)>, section: String) {
            guard let first = run.first else { return }
            var body = first.text, starts: [LineStart] = []
            for line in run.dropFirst() {
                starts.append(LineStart(offset: body.unicodeScalars.count, line: line.number))
                body += line.text
            }
            result.append(ImportedParagraph(section: section, body: body, kind: "text", line: first.number, lineStarts: starts))
        }
        add(kept[..<contentsStart], section: "封面")
        var entry = contentsStart
        if let heading = contentsHeading, heading == contentsStart {
            entry = min(bodyStart, heading + (kept[heading].compact == "目录" ? 1 : 2))
            add(kept[heading..<entry], section: "目录")
        }
        // A contents entry starts with a part or a list number; other lines continue the one before.
        for i in entry..<bodyStart where i > entry && (part(i) != nil || ParagraphJoiner.opensWithMarker(kept[i].text)) {
            add(kept[entry..<i], section: "目录")
            entry = i
        }
        if entry < bodyStart { add(kept[entry..<bodyStart], section: "目录") }
        var path: [String] = []
        var joiner = ParagraphJoiner()
        var sections: [Int: String] = [:]
        for line in kept[bodyStart...] {
            if let level = isHeading(line.text) {
                path = level == 0 ? [line.text] : Array(path.prefix(level)) + [line.text]
                sections[line.number] = path.dropLast().joined(separator: " > ")
                joiner.add(line.text, line: line.number, heading: true)
            } else {
                sections[line.number] = path.joined(separator: " > ")
                joiner.add(line.text, line: line.number)
            }
        }
        for p in joiner.paragraphs {
            result.append(ImportedParagraph(section: sections[p.lineFrom] ?? "", body: p.body, kind: "text",
                                            line: p.lineFrom, lineTo: p.lineTo, lineStarts: p.lineStarts))
        }
        return result
    }

    /// The totals the 情况说明 states that settle a table's open columns (基本支出, 项目支出,
    /// 一般公共预算财政拨款基本支出), read with the same rules as `extract`, without the rest.
    static func statedTotals(_ lines: [String], from start: Int) -> [String: Int64] {
        var joined = Joined()
        for n in start...max(start, lines.count) where n <= lines.count {
            let raw = lines[n - 1]
            if raw.hasPrefix("[PDF page") || raw.hasPrefix("#") { continue }
            for ch in raw where ch != " " { joined.append(ch, line: n) }
        }
        var stated: [String: Int64] = [:]
        for (label, measure, gap) in [("其中：基本支出", "basic", 12), ("项目支出", "project", 2),
                                      ("一般公共预算财政拨款基本支出", "general_basic", 12)] {
            if let (token, _) = amount(after: label, in: joined, gap: gap), let fen = LayoutScanner.amount(token) {
                stated[measure] = fen
            }
        }
        return stated
    }

    /// A line holds a figure when it prints an amount in 万元/元 or a percentage (counts such as
    /// 500余篇, 4个 and years are not figures).
    static func holdsFigure(_ line: String) -> Bool {
        guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }   // no ASCII digit
        let s = line.withoutSpaces
        let chars = Array(s)
        for (i, c) in chars.enumerated() where c.isASCIIDigitChar {
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if next == "%" || next == "万" || (next == "元" ) { return true }
        }
        return false
    }

    // MARK: sentence rules

    static func number(_ chars: [Character], at i: Int) -> (String, Int)? {
        var j = i
        while j < chars.count, chars[j].isASCIIDigitChar || chars[j] == "." || chars[j] == "," { j += 1 }
        guard j > i, chars[i].isASCIIDigitChar else { return nil }
        return (String(chars[i..<j]), j)
    }

    /// Finds `label` followed (within `gap` characters) by an amount in 万元; returns the token.
    static func amount(after label: String, in j: Joined, from: Int = 0, gap: Int = 12) -> (LayoutToken, Int)? {
        let chars = j.chars
        let length = label.count
        var next = j.find(label, from: from)
        while let i = next {
            var k = i + length
            let limit = min(chars.count, k + gap)
            while k < limit {
                if let (text, end) = number(chars, at: k), end + 1 < chars.count || end < chars.count {
                    if end < chars.count, chars[end] == "万" || (end + 1 < chars.count && chars[end] == "元") {
                        return (LayoutToken(text: text, line: j.lines[k], x: k), end)
                    }
                    break
                }
                if chars[k] == "，" || chars[k] == "。" || chars[k] == "；" { break }
                k += 1
            }
            next = j.find(label, from: i + 1)
        }
        return nil
    }

    static func count(after label: String, unit: Character, in j: Joined) -> (Int64, String, Int)? {
        let chars = j.chars
        let length = label.count
        var next = j.find(label)
        while let i = next {
            let k = i + length
            var e = k
            while e < chars.count, chars[e].isASCIIDigitChar { e += 1 }
            if e > k, e < chars.count, chars[e] == unit, let v = Int64(String(chars[k..<e])) {
                return (v, String(chars[k..<e]), j.lines[k])
            }
            next = j.find(label, from: i + 1)
        }
        return nil
    }

    /// "比2023年度增加2.55万元" / "与2023年度相比，…减少56.95万元" / "…持平" right after `end`.
    static func change(in j: Joined, from end: Int, subject: Int, measure: String, into b: inout ShanghaiBuilder) {
        let chars = j.chars
        let window = min(chars.count, end + 70)
        guard end < window else { return }
        let text = String(chars[end..<window])
        // The comparison's year as the sentence writes it, else the document's prior year for 上年.
        let stated = DocumentIdentity.firstYear(in: text, before: b.year)
        guard stated != nil || text.contains("上年") else { return }
        let priorYear = stated ?? b.priorYear
        var k = end
        while k < window {
            let rest = String(chars[k..<min(chars.count, k + 2)])
            if rest == "增加" || rest == "减少" {
                if let (num, numEnd) = number(chars, at: k + 2), numEnd < chars.count, chars[numEnd] == "万",
                   let fen = Amount(printed: num, unit: .tenThousandYuan)?.fen {
                    let (printed, line) = ShanghaiRates.printed(ShanghaiRates.Context(j: j, text: ""), from: k,
                                                                  to: min(chars.count, numEnd + 2), key: k + 2)
                    addChange(printed: printed, direction: rest, fen: rest == "增加" ? fen : -fen, line: line,
                              subject: subject, measure: measure, priorYear: priorYear, into: &b)
                }
                return
            }
            if rest == "持平" {
                addChange(printed: "持平", direction: "持平", fen: 0, line: j.lines[k], subject: subject, measure: measure,
                          priorYear: priorYear, into: &b)
                return
            }
            if chars[k] == "。", !(k + 1 < chars.count && chars[k + 1] == "与") { return }
            k += 1
        }
    }

    static func addChange(printed: String, direction: String, fen: Int64, line: Int, subject: Int, measure: String,
                          priorYear: Int? = nil, into b: inout ShanghaiBuilder) {
        let current = b.facts[subject]
        let statementIndex = b.statements.count
        let priorIndex = b.facts.count
        b.statements.append(ImportedStatement(kind: "change", printed: printed, direction: direction,
                                              amountFen: fen, partFact: subject,
                                              baseFact: priorIndex, provenance: Provenance("text", line)))
        b.facts.append(ImportedFact(measureID: current.measureID, code: current.code, fund: current.fund, column: current.column,
                                    year: priorYear ?? b.priorYear, amountFen: (current.amountFen ?? 0) - fen, printed: nil, printedUnit: nil,
                                    provenance: Provenance("text", min(current.provenance.lineFrom, line),
                                                           max(current.provenance.lineTo, line)),
                                    inputs: [DerivationInput(sign: 1, .fact(subject)),
                                             DerivationInput(sign: -1, .statement(statementIndex))]))
        b.recognizedLines.insert(line)
    }

    static func extract(_ j: Joined, into b: inout ShanghaiBuilder) {
        // Totals restated in the text.
        let rules: [(String, String, String, Bool)] = [
            // label, measure, column, followed by a prior-year change
            ("年度收入支出总计", "grand_total", "actual", true),
            ("年度财政拨款收入支出总计", "fiscal_grand_total", "actual", true),
            ("本年收入合计", "income_total", "actual", false),
            ("本年支出合计", "expenditure_total", "actual", false),
            ("其中：基本支出", "basic", "actual", false),
            ("项目支出", "project", "actual", false),
            ("一般公共预算财政拨款基本支出", "general_basic", "actual", false),
            ("人员经费", "personnel", "actual", false),
            ("公用经费", "public_funds", "actual", false),
            ("机关运行经费支出", "admin_operating", "actual", true),
            ("“三公”经费财政拨款支出年初预算为", "sangong", "budget", false),
        ]
        for (label, measure, column, withChange) in rules {
            guard let (token, end) = amount(after: label, in: j, gap: label == "项目支出" ? 2 : 12) else { continue }
            guard let index = b.money(measure, column: column, token, kind: "text") else { continue }
            if withChange { change(in: j, from: end, subject: index, measure: measure, into: &b) }
        }
        if let (start, _) = amount(after: "“三公”经费财政拨款支出年初预算为", in: j),
           let (token, _) = amount(after: "支出决算为", in: j, from: start.x) {
            b.money("sangong", column: "actual", token, kind: "text")
        }
        // 一般公共预算财政拨款支出 X万元，… 与2023年度相比 … 增加/减少 Y万元
        if let (token, end) = amount(after: "（一）一般公共预算财政拨款支出决算总体情况一般公共预算财政拨款支出", in: j, gap: 4),
           let index = b.money("general_expenditure", token, kind: "text") {
            change(in: j, from: end, subject: index, measure: "general_expenditure", into: &b)
        }
        // 政府采购
        if let (token, _) = amount(after: "政府采购金额（以合同签订为准）为", in: j) { b.money("procurement", token, kind: "text") }
        for (label, measure) in [("货物采购金额", "procurement_goods"), ("工程采购金额", "procurement_works"),
                                 ("服务采购金额", "procurement_services")] {
            if let (token, _) = amount(after: label, in: j) { b.money(measure, token, kind: "text") }
        }
        if let (token, _) = amount(after: "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额", in: j) {
            b.money("procurement_sme", token, kind: "text")
        }
        if let (token, _) = amount(after: "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额", in: j) {
            b.money("procurement_micro", token, kind: "text")
        }
        for label in ["面向中小企业预留政府采购项目预算金额", "面向小微企业预留政府采购项目预算金额", "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额"] {
            // Reserved budgets and other SME awards: no catalog measure; the lines count as read.
            if let (token, _) = amount(after: label, in: j) { b.recognizedLines.insert(token.line) }
        }
        // Vehicles and equipment.
        let vehicles: [(String, String)] = [
            ("共有车辆", "vehicles_total"), ("部级领导干部用车", "vehicles_minister"), ("主要领导干部用车", "vehicles_leader"),
            ("机要通信用车", "vehicles_confidential"), ("应急保障用车", "vehicles_emergency"), ("执法执勤用车", "vehicles_enforcement"),
            ("特种专业技术用车", "vehicles_special"), ("离退休干部用车", "vehicles_retired"), ("其他用车", "vehicles_other"),
        ]
        for (label, measure) in vehicles {
            if let (v, printed, line) = count(after: label, unit: "辆", in: j) {
                b.count(measure, v, printed: printed, unit: "辆", line: line)
            }
        }
        if let (v, printed, line) = count(after: "单价100万元（含）以上设备（不含车辆）", unit: "台", in: j) {
            b.count("equipment_over_1m", v, printed: printed, unit: "台套", line: line)
        }
    }
}

extension String {
    /// The string without ASCII and ideographic (U+3000 = E3 80 80) spaces at either end.
    var trimmingSpaces: String {
        // Most lines have nothing to trim: their end bytes cannot be a space's, no copy for them.
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if head != 0x20 && head != 0xE3 && tail != 0x20 && tail != 0x80 { return self }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}

/// Rates (占/增长/完成预算), 三公 details and counts stated in the 情况说明, linked to the facts
/// they are rates of so that the audit can recompute them.
enum ShanghaiRates {
    struct Context {
        var j: ShanghaiNarrative.Joined
        var text: String
        /// The text's scalars, and the character offset of each (the offsets matches report).
        let scalars: [Unicode.Scalar]
        let characterOffsets: [Int]
        /// Joined offset of a fact's first digit → fact index.
        private(set) var anchors: [Int: Int] = [:]
        /// The offsets of `anchors`, ascending, and per measure (so that look-ups stay
        /// logarithmic however long the text).
        private(set) var anchorOffsets: [Int] = []
        private(set) var anchorsByMeasure: [String: [Int]] = [:]
        /// Table facts per measure, in reading order (the fallback of `latest`).
        var tableFacts: [String: [Int]] = [:]
        /// Joined offset of a change statement's verb → statement index.
        var changes: [(Int, Int)] = []

        /// Anchors fact `index` at `offset`.
        mutating func anchor(_ offset: Int, _ index: Int, measure: String?) {
            anchors[offset] = index
            anchorOffsets.insert(offset, at: Self.insertionPoint(offset, in: anchorOffsets))
            if let measure {
                anchorsByMeasure[measure, default: []].insert(offset, at: Self.insertionPoint(offset, in: anchorsByMeasure[measure] ?? []))
            }
        }

        /// The index of the first element ≥ `value` in ascending `sorted`.
        static func insertionPoint(_ value: Int, in sorted: [Int]) -> Int {
            var lo = 0, hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        init(j: ShanghaiNarrative.Joined, text: String) {
            self.j = j
            self.text = text
            scalars = Array(text.unicodeScalars)
            var offsets: [Int] = []
            offsets.reserveCapacity(scalars.count)
            for (offset, character) in text.enumerated() {
                offsets.append(contentsOf: repeatElement(offset, count: character.unicodeScalars.count))
            }
            offsets.append(offsets.last.map { $0 + 1 } ?? 0)   // the end, where an empty match may start
            characterOffsets = offsets
        }
    }

    /// Matches of `pattern`: each capture as (text, character offset) or nil; element 0 is the whole match.
    static func matches(_ pattern: String, in c: Context) -> [[(String, Int)?]] {
        guard let compiled = try? TextPattern(pattern) else { return [] }
        return compiled.allMatches(in: c.scalars).map { match in
            match.map { range in
                range.map { (String(String.UnicodeScalarView(c.scalars[$0])), c.characterOffsets[$0.lowerBound]) }
            }
        }
    }

    /// The part of chars [from, to) printed on the line of `key` (starting at `key` when the
    /// words before it were broken onto an earlier line).
    static func printed(_ c: Context, from: Int, to: Int, key: Int) -> (String, Int) {
        let line = c.j.lines[key]
        var lo = from
        while lo < key, c.j.lines[lo] != line { lo += 1 }
        if lo > from { lo = key }
        var hi = to
        while hi > key + 1, c.j.lines[hi - 1] != line { hi -= 1 }
        return (String(c.j.chars[lo..<hi]), line)
    }

    static func fact(_ measure: String?, code: String? = nil, fund: String? = nil, column: String = "actual",
                     _ number: (String, Int), c: inout Context, b: inout ShanghaiBuilder) -> Int? {
        if let existing = c.anchors[number.1] { return existing }
        guard let index = b.money(measure, code: code, fund: fund, column: column,
                                  LayoutToken(text: number.0, line: c.j.lines[number.1], x: number.1), kind: "text")
        else { return nil }
        c.anchor(number.1, index, measure: measure)
        return index
    }

    /// The latest fact of `measure`/`column` printed in the text before `offset`, else a table fact.
    static func latest(_ measure: String, column: String = "actual", before offset: Int, c: Context, b: ShanghaiBuilder) -> Int? {
        let offsets = c.anchorsByMeasure[measure] ?? []
        var k = Context.insertionPoint(offset, in: offsets)
        while k > 0 {
            k -= 1
            if let index = c.anchors[offsets[k]], b.facts[index].measureID == measure, b.facts[index].column == column,
               b.facts[index].year == b.year { return index }
        }
        return c.tableFacts[measure]?.first { b.facts[$0].column == column && b.facts[$0].year == b.year }
    }

    static func rate(_ printed: String) -> (Int64, Int)? { SichuanNumbers.rate(printed) }

    static func statement(_ s: ImportedStatement, b: inout ShanghaiBuilder) -> Int {
        b.statements.append(s)
        b.recognizedLines.insert(s.provenance.lineFrom)
        return b.statements.count - 1
    }

    static let sangongParts: [(String, String)] = [
        ("因公出国（境）费", "sangong_abroad"), ("公务用车购置及运行维护费", "sangong_vehicle"), ("公务用车购置费?", "vehicle_purchase"),
        ("公务用车运行维护费?", "vehicle_operation"), ("公务接待费", "sangong_reception"), ("国内公务接待费?", "reception_domestic"),
        ("外宾接待费?", "reception_foreign"),
    ]

    static func read(_ j: ShanghaiNarrative.Joined, textFactsFrom first: Int, into b: inout ShanghaiBuilder) {
        var c = Context(j: j, text: j.text)
        for (index, fact) in b.facts.enumerated() where fact.provenance.kind == "table" {
            if let measure = fact.measureID { c.tableFacts[measure, default: []].append(index) }
        }
        // Anchor the text facts already read at the offset of their number: each (printed, line)
        // takes the earliest unused fact that printed it there.
        var unanchored: [String: [Int]] = [:]
        for index in first..<b.facts.count where b.facts[index].provenance.kind == "text" && b.facts[index].quantity == nil {
            if let printed = b.facts[index].printed {
                unanchored["\(printed)|\(b.facts[index].provenance.lineFrom)", default: []].append(index)
            }
        }
        for m in matches(#"\d[\d.,]*(?=万)"#, in: c) {
            guard let (num, at) = m[0] else { continue }
            let key = "\(num)|\(j.lines[at])"
            if var waiting = unanchored[key], !waiting.isEmpty {
                let index = waiting.removeFirst()
                unanchored[key] = waiting
                c.anchor(at, index, measure: b.facts[index].measureID)
            }
        }
        // Each change statement's verb (or, when the verb was broken onto an earlier line, its
        // printed start): the first occurrence on the statement's line not taken yet.
        var lineStarts: [Int: Int] = [:]
        for (offset, line) in j.lines.enumerated().reversed() { lineStarts[line] = offset }
        var taken = Set<Int>()
        for (index, s) in b.statements.enumerated() where s.kind == "change" {
            let word = Array(s.printed == "持平" ? "持平" : String(s.printed.prefix(2)))
            guard !word.isEmpty, var at = lineStarts[s.provenance.lineFrom] else { continue }
            while at + word.count <= j.chars.count, j.lines[at] == s.provenance.lineFrom {
                if !taken.contains(at), j.chars[at..<(at + word.count)].elementsEqual(word) {
                    taken.insert(at)
                    c.changes.append((at, index))
                    break
                }
                at += 1
            }
        }
        sangong(&c, &b)
        // "一般公共预算财政拨款支出X万元，主要用于以下方面" (the base of the 类 shares).
        for m in matches(#"一般公共预算财政拨款支出(\d[\d.,]*)万元，主要用于"#, in: c) {
            if let number = m[1] { _ = fact("general_expenditure", number, c: &c, b: &b) }
        }
        shares(&c, &b)
        completions(&c, &b)
        growth(&c, &b)
    }

    // MARK: 三公 amounts, counts and changes

    static func sangong(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        for (label, measure) in sangongParts {
            for m in matches(label + #"(?:支出)?(?:决算)?(?:数)?为?(\d[\d.,]*)万"#, in: c) {
                guard let number = m[1] else { continue }
                // "国内公务接待" is not "公务接待费"; "公务用车购置及运行维护费" is not "公务用车购置费".
                if measure == "vehicle_purchase", c.j.chars[m[0]!.1...].starts(with: "公务用车购置及") { continue }
                _ = fact(measure, fund: "fiscal", number, c: &c, b: &b)
            }
            for m in matches(label + #"(?:支出)?年初预算(?:数)?为?(\d[\d.,]*)万"#, in: c) {
                guard let number = m[1] else { continue }
                _ = fact(measure, fund: "fiscal", column: "budget", number, c: &c, b: &b)
            }
        }
        let counts: [(String, [(String, String)])] = [
            (#"团组(\d+)个、?(?:累计)?(?:(\d+)人次)?"#, [("abroad_groups", "个"), ("abroad_people", "人次")]),
            (#"购置(?:公务用车)?(\d+)辆"#, [("vehicles_purchased", "辆")]),
            (#"保有量(?:为)?(\d+)辆"#, [("vehicles_held", "辆")]),
            (#"(?:^|[^宾])接待(\d+)批次、?(?:(\d+)人次)?"#, [("reception_domestic_batches", "批次"), ("reception_domestic_people", "人次")]),
            (#"接待外宾(\d+)批次、?(?:(\d+)人次)?"#, [("reception_foreign_batches", "批次"), ("reception_foreign_people", "人次")]),
        ]
        for (pattern, measures) in counts {
            for m in matches(pattern, in: c) {
                for (k, (measure, unit)) in measures.enumerated() {
                    guard k + 1 < m.count, let (num, at) = m[k + 1], let v = Int64(num) else { continue }
                    let line = c.j.lines[at]
                    b.facts.append(ImportedFact(measureID: measure, fund: "fiscal", column: "actual", year: b.year, quantity: v,
                                                printed: num, printedUnit: unit, provenance: Provenance("text", line)))
                    b.recognizedLines.insert(line)
                }
            }
        }
        // "“三公”经费财政拨款支出决算数比2023年度减少0.15万元" / "…与2023年度持平。其中：…持平；…减少0.15万元"
        for m in matches(#"“三公”经费(?:财政拨款)?支出决算数?(?:比|与)"#, in: c) {
            guard let (_, at) = m[0] else { continue }
            let end = at + m[0]!.0.count
            var sentenceEnd = end
            while sentenceEnd < c.j.chars.count, c.j.chars[sentenceEnd] != "。" { sentenceEnd += 1 }
            if sentenceEnd + 2 < c.j.chars.count, c.j.chars[sentenceEnd + 1] == "其", c.j.chars[sentenceEnd + 2] == "中" {
                sentenceEnd += 1
                while sentenceEnd < c.j.chars.count, c.j.chars[sentenceEnd] != "。" { sentenceEnd += 1 }
            }
            let partsStart = (end..<sentenceEnd).first { c.j.chars[$0] == "其" && $0 + 2 < c.j.chars.count && c.j.chars[$0 + 1] == "中" }
                ?? sentenceEnd
            if let subject = latest("sangong", before: at + 1, c: c, b: b) { change(&c, &b, from: end, to: partsStart, subject: subject) }
            for (label, measure) in [("因公出国（境）费", "sangong_abroad"), ("公务用车购置及运行维护费", "sangong_vehicle"),
                                     ("公务接待费", "sangong_reception")] {
                guard let l = find(label, in: c, from: partsStart, to: sentenceEnd) else { continue }
                var clauseEnd = l + label.count
                while clauseEnd < sentenceEnd, c.j.chars[clauseEnd] != "；" { clauseEnd += 1 }
                if let subject = latest(measure, before: partsStart, c: c, b: b) {
                    change(&c, &b, from: l + label.count, to: clauseEnd, subject: subject)
                }
            }
        }
    }

    static func find(_ label: String, in c: Context, from: Int, to: Int) -> Int? {
        c.j.find(label, from: from, to: to)
    }

    /// 增加/减少 X万元 or 持平 within [from, to), about `subject`.
    static func change(_ c: inout Context, _ b: inout ShanghaiBuilder, from: Int, to: Int, subject: Int) {
        guard from < to else { return }
        let clause = String(c.j.chars[from..<to])
        let sub = Context(j: c.j, text: clause)
        if let m = matches(#"(增加|减少)(\d[\d.,]*)万元?"#, in: sub).first, let (verb, v) = m[1], let (num, n) = m[2],
           let fen = Amount(printed: num, unit: .tenThousandYuan)?.fen {
            let (text, line) = printed(c, from: from + v, to: from + m[0]!.1 + m[0]!.0.count, key: from + n)
            c.changes.append((from + v, b.statements.count))
            ShanghaiNarrative.addChange(printed: text, direction: verb, fen: verb == "增加" ? fen : -fen, line: line,
                                        subject: subject, measure: "", into: &b)
        } else if let m = matches("持平", in: sub).first, let (_, k) = m[0] {
            c.changes.append((from + k, b.statements.count))
            ShanghaiNarrative.addChange(printed: "持平", direction: "持平", fen: 0, line: c.j.lines[from + k], subject: subject,
                                        measure: "", into: &b)
        }
    }

    // MARK: shares

    static let partLabels: [(String, String)] = [
        ("财政拨款收入", "fiscal_income"), ("其他收入", "income_other"), ("事业收入", "income_business"), ("经营收入", "income_operating"),
        ("上级补助收入", "income_superior"), ("附属单位上缴收入", "income_affiliated"), ("基本支出", "basic"), ("项目支出", "project"),
        ("经营支出", "operating_expenditure"), ("一般公共预算财政拨款支出", "general_expenditure"),
        ("因公出国（境）费", "sangong_abroad"), ("公务用车购置及运行维护费", "sangong_vehicle"), ("公务接待费", "sangong_reception"),
    ]

    static func shares(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        for m in matches(#"(\d[\d.,]*)万元?，占([^，。；%\d]{0,12}的)?(\d[\d.]*)%"#, in: c) {
            guard let number = m[1], let (rateText, r) = m[3], let (scaled, decimals) = rate(rateText) else { continue }
            // The label before the amount: back to the previous clause mark.
            var s = number.1
            while s > 0, s > number.1 - 30, !"，；：。、".contains(c.j.chars[s - 1]) { s -= 1 }
            let label = String(c.j.chars[s..<number.1])
            var part: Int?
            var baseMeasure: String?
            if label.hasSuffix("（类）"), let code = FunctionClasses.names.first(where: { label.hasPrefix($0.name) })?.code {
                part = fact(nil, code: code, fund: "general", number, c: &c, b: &b)
                baseMeasure = "general_expenditure"
            } else if let (_, measure) = partLabels.first(where: { label.contains($0.0) }) {
                part = fact(measure, fund: measure.hasPrefix("income_") || measure == "basic" || measure == "project" ? "all" : nil,
                            number, c: &c, b: &b)
                switch measure {
                case "fiscal_income", "income_other", "income_business", "income_operating", "income_superior", "income_affiliated":
                    baseMeasure = "income_total"
                case "basic", "project", "operating_expenditure", "general_expenditure": baseMeasure = "expenditure_total"
                default: baseMeasure = "sangong"
                }
            }
            if let named = m[2]?.0 {
                if named.contains("本年支出合计") { baseMeasure = "expenditure_total" }
                if named.contains("本年收入合计") { baseMeasure = "income_total" }
            }
            guard let part, let baseMeasure else { continue }
            let base = latest(baseMeasure, before: number.1, c: c, b: b)
            let zhan = m[2].map { $0.1 - 1 } ?? (r - 1)
            let (text, line) = printed(c, from: zhan, to: r + rateText.count + 1, key: r)
            _ = statement(ImportedStatement(kind: "share", printed: text, rateScaled: scaled, rateDecimals: decimals, partFact: part,
                                            baseFact: base, provenance: Provenance("text", line)), b: &b)
        }
    }

    // MARK: completion

    static func completions(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        for m in matches(#"(?:完成|为)(年初预算|全年预算数?|预算数?)的(\d[\d.]*)%"#, in: c) {
            guard let (whole, at) = m[0], let (which, _) = m[1], let (rateText, r) = m[2], let (scaled, decimals) = rate(rateText)
            else { continue }
            var s = at
            while s > 0, c.j.chars[s - 1] != "。", c.j.chars[s - 1] != "；", c.j.chars[s - 1] != "：" { s -= 1 }
            let sentence = String(c.j.chars[s..<at])
            // The actual: the last anchored amount in the sentence.
            if sentence.contains("一般公共预算财政拨款支出年初预算为"),
               let l = find("支出决算为", in: c, from: s, to: at),
               let n = matches(#"^(\d[\d.,]*)万"#, in: Context(j: c.j, text: String(c.j.chars[(l + 5)..<at]))).first?[1] {
                _ = fact("general_expenditure", (n.0, l + 5 + n.1), c: &c, b: &b)
            }
            guard let part = lastActualAnchor(from: s, before: at, c: c, b: b), let measure = b.facts[part].measureID else { continue }
            var basis = "未说明"
            var base: Int?
            let initialNamed = which == "年初预算" || (which.hasPrefix("预算") && sentence.contains("年初预算"))
            if initialNamed { basis = "年初" } else if which.hasPrefix("全年") { basis = "调整后" }
            let budgetWord = basis == "调整后" ? "全年预算为" : "年初预算为"
            if let l = find(budgetWord, in: c, from: s, to: at),
               let n = matches(#"^(\d[\d.,]*)万"#, in: Context(j: c.j, text: String(c.j.chars[(l + budgetWord.count)..<at]))).first?[1] {
                base = fact(measure, fund: b.facts[part].fund, column: basis == "调整后" ? "budget" : "budget_initial",
                            (n.0, l + budgetWord.count + n.1), c: &c, b: &b)
                if measure == "sangong", let index = base { b.facts[index].column = "budget" }
            } else if measure.hasPrefix("sangong") || measure.hasPrefix("vehicle_") {
                // 三公 parts: the budget is the table's.
                base = c.tableFacts[measure]?.first { b.facts[$0].column == "budget" }
            }
            let (text, line) = printed(c, from: at, to: at + whole.count, key: r)
            _ = statement(ImportedStatement(kind: "completion", printed: text, rateScaled: scaled, rateDecimals: decimals,
                                            partFact: part, baseFact: base, basis: basis, provenance: Provenance("text", line)),
                          b: &b)
        }
    }

    /// The last anchored fact of column `actual` at an offset in [from, before).
    static func lastActualAnchor(from: Int, before: Int, c: Context, b: ShanghaiBuilder) -> Int? {
        var k = Context.insertionPoint(before, in: c.anchorOffsets)
        while k > 0, c.anchorOffsets[k - 1] >= from {
            k -= 1
            if let index = c.anchors[c.anchorOffsets[k]], b.facts[index].column == "actual" { return index }
        }
        return nil
    }

    // MARK: growth

    static func growth(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        // The change statements by the offset of their verb (stable: the first of equal offsets wins).
        let changes = c.changes.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        let offsets = changes.map(\.0)
        for m in matches(#"(增长|下降|增幅|降幅)((?:（(?:增长|下降)）)?)(\d[\d.]*)(%?)"#, in: c) {
            guard let (whole, at) = m[0], let (verb, _) = m[1], let (rateText, r) = m[3], let (scaled, decimals) = rate(rateText)
            else { continue }
            // The nearest change before the rate, in the same sentence and at most 24 characters back.
            var k = Context.insertionPoint(at, in: offsets)
            guard k > 0, at - offsets[k - 1] <= 24, !c.j.chars[offsets[k - 1]..<at].contains("。") else { continue }
            while k > 1, offsets[k - 2] == offsets[k - 1] { k -= 1 }
            let index = changes[k - 1].1
            let change = b.statements[index]
            let (text, line) = printed(c, from: at, to: at + whole.count, key: r)
            _ = statement(ImportedStatement(kind: "growth", printed: text, direction: verb.hasPrefix("增") ? "增加" : "减少",
                                            rateScaled: scaled, rateDecimals: decimals, partFact: change.partFact,
                                            baseFact: change.baseFact, provenance: Provenance("text", line)), b: &b)
        }
    }
}
