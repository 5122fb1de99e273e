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
        let settledColumns: Set<String> = ["basic", "project", "general_basic"]
        var joined = Joined()
        for n in start...max(start, lines.count) where n <= lines.count {
            let raw = lines[n - 1]
            if raw.hasPrefix("[PDF page") || raw.hasPrefix("#") { continue }
            for ch in raw where ch != " " { joined.append(ch, line: n) }
        }
        var stated: [String: Int64] = [:]
        for rule in NarrativeTemplate.finalAccounts.rules {
            guard case let .label(label, gap) = rule.words, case let .fact(.id(measure), _, _, "actual", _, _)? = rule.emits.first,
                  settledColumns.contains(measure) else { continue }
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

    /// Finds `label` followed directly by a count and `unit`; returns the count as printed, its
    /// offset and the offset after the unit.
    static func count(after label: String, unit: Character, in j: Joined) -> (String, Int, Int)? {
        let chars = j.chars
        let length = label.count
        var next = j.find(label)
        while let i = next {
            let k = i + length
            var e = k
            while e < chars.count, chars[e].isASCIIDigitChar { e += 1 }
            if e > k, e < chars.count, chars[e] == unit, Int64(String(chars[k..<e])) != nil {
                return (String(chars[k..<e]), k, e + 1)
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

    /// The figures the text restates (`NarrativeTemplate.finalAccounts`' rules).
    static func extract(_ j: Joined, into b: inout ShanghaiBuilder) {
        var sink = ShanghaiNarrativeSink(b: b, j: j)
        NarrativeEngine.readText(NarrativeTemplate.finalAccounts.rules, into: &sink)
        b = sink.b
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
