import Core

/// The 情况说明 (第三部分) of a Shanghai document: paragraphs with their heading path, and the
/// figures its sentences state.
enum ShanghaiNarrative {
    static let numerals = Set("一二三四五六七八九十")

    static func isHeading(_ s: String) -> Int? {
        if s.fastHasPrefix("第") && s.containsBytes("部分") { return 0 }
        if let level = standaloneHeadingLevel(s) { return level }
        if let mark = s.firstIndex(of: "、"), !s[..<mark].isEmpty, s[..<mark].allSatisfy({ numerals.contains($0) }),
           s.count <= 30, !s.contains("：") { return 1 }
        if s.hasPrefix("（"), let close = s.firstIndex(of: "）"), s[s.index(after: s.startIndex)..<close].allSatisfy({ numerals.contains($0) }),
           s.count <= 30 { return 2 }
        return nil
    }

    /// Whether `value` is the scalar of one of `numerals`.
    @inline(__always)
    static func isNumeral(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: true
        default: false
        }
    }

    /// `isHeading`'s levels 1 and 2 read from the scalars of a line made only of standalone
    /// scalars (its characters): .some(nil) when neither; nil for any other line.
    static func standaloneHeadingLevel(_ s: String) -> Int?? {
        var copy = s
        return copy.withUTF8 { bytes -> Int?? in
            var count = 0, k = 0
            var comma = -1, numeralsBeforeComma = true, colon = false
            var opens = false, close = -1, numeralsBeforeClose = true
            while k < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: k)
                guard StandaloneScalar.contains(value) else { return nil }
                if count == 0 { opens = value == 0xFF08 }
                if comma < 0 {
                    if value == 0x3001 { comma = count } else if !isNumeral(value) { numeralsBeforeComma = false }
                }
                if value == 0xFF1A { colon = true }
                if opens && count > 0 && close < 0 {
                    if value == 0xFF09 { close = count } else if !isNumeral(value) { numeralsBeforeClose = false }
                }
                count += 1
                k += length
            }
            if comma > 0, numeralsBeforeComma, count <= 30, !colon { return .some(1) }
            if opens, close > 0, numeralsBeforeClose, count <= 30 { return .some(2) }
            return .some(nil)
        }
    }

    /// Joined text (spaces and line breaks removed) with the line of each character.
    ///
    /// While every character is one standalone scalar (`StandaloneScalar`, the documents'
    /// text) the keys are those scalars and say everything: the characters are made only once
    /// one is not (`characters`), and the look-ups below then compare characters as before.
    struct Joined {
        /// `CharacterKey` of each character (label searches compare these).
        private(set) var keys: [UInt32] = []
        private(set) var lines: [Int] = []
        /// The characters, once one of them is not a standalone scalar (nil while all are).
        private var characters: [Character]?

        /// Whether every character is one standalone scalar (`keys` are then the text's scalars).
        var standalone: Bool { characters == nil }
        var count: Int { keys.count }
        var chars: [Character] { characters ?? keys.map { Character(Unicode.Scalar($0)!) } }
        var text: String { string(0..<count) }

        /// The character at `i`.
        func character(_ i: Int) -> Character { characters?[i] ?? Character(Unicode.Scalar(keys[i])!) }

        /// The characters in `range` as a string.
        func string(_ range: Range<Int>) -> String {
            if let characters { return String(characters[range]) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * 3)
            for key in keys[range] { Self.appendUTF8(key, to: &bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }

        @inline(__always)
        static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if value < 0x800 {
                bytes.append(UInt8(0xC0 | value >> 6)); bytes.append(UInt8(0x80 | value & 0x3F))
            } else {
                bytes.append(UInt8(0xE0 | value >> 12)); bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            }
        }

        /// Whether the character at `i` is `c` (a standalone scalar): its key, or (key 0) the character compared.
        @inline(__always)
        func at(_ i: Int, is c: Unicode.Scalar) -> Bool {
            let key = keys[i]
            return key == c.value || (key == 0 && characters![i] == Character(c))
        }

        /// Whether the character at `i` is an ASCII digit (`isASCIIDigitChar`).
        @inline(__always)
        func isDigit(_ i: Int) -> Bool { keys[i] >= 0x30 && keys[i] <= 0x39 }

        mutating func append(_ character: Character, line: Int) {
            let key = CharacterKey.of(character)
            if characters == nil && !StandaloneScalar.contains(key) { characters = chars }
            characters?.append(character)
            keys.append(key)
            lines.append(line)
        }

        /// Appends the characters of `text` but spaces, on line `line`.
        mutating func append(line text: String, _ line: Int) {
            var copy = text
            let scalars: [UInt32]? = copy.withUTF8 { bytes in
                var values: [UInt32] = []
                values.reserveCapacity(bytes.count)
                var k = 0
                while k < bytes.count {
                    let (value, length) = CharacterKey.scalar(in: bytes, at: k)
                    guard StandaloneScalar.contains(value) else { return nil }
                    if value != 0x20 { values.append(value) }
                    k += length
                }
                return values
            }
            guard let scalars, characters == nil else {
                for ch in text where ch != " " { append(ch, line: line) }
                return
            }
            // Standalone scalars are the line's characters, and their own keys.
            keys += scalars
            lines += repeatElement(line, count: scalars.count)
        }

        /// The offset of the first `label` in [from, to), or nil.
        func find(_ label: String, from: Int = 0, to: Int? = nil) -> Int? {
            find(Label(label), from: from, to: to)
        }

        /// The offset of the first `label` in [from, to), or nil.
        func find(_ label: Label, from: Int = 0, to: Int? = nil) -> Int? {
            let l = label.characters, lk = label.keys
            let end = min(to ?? count, count)
            guard !l.isEmpty else { return nil }
            var i = max(from, 0)
            let first = lk[0]
            if first != 0 && standalone {
                // No key of the text is 0: a label of keys is where its keys are.
                while i + l.count <= end {
                    if keys[i] == first {
                        var k = 1
                        while k < l.count && Self.same(lk[k], keys[i + k], l[k]) { k += 1 }
                        if k == l.count { return i }
                    }
                    i += 1
                }
                return nil
            }
            let chars = self.chars
            while i + l.count <= end {
                if keys[i] == lk[0] || keys[i] == 0 || lk[0] == 0, CharacterKey.matches(l, lk, at: i, in: chars, keys) { return i }
                i += 1
            }
            return nil
        }

        /// `CharacterKey.same` for a label character against a text key that is not 0.
        @inline(__always)
        private static func same(_ labelKey: UInt32, _ textKey: UInt32, _ labelCharacter: Character) -> Bool {
            labelKey != 0 ? labelKey == textKey : labelCharacter == Character(Unicode.Scalar(textKey)!)
        }
    }

    /// A label's characters and their keys, worked out once for its searches.
    struct Label {
        let characters: [Character]
        let keys: [UInt32]
        var count: Int { characters.count }

        init(_ text: String) {
            characters = Array(text)
            keys = CharacterKey.keys(characters)
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
        var section = ""   // the path joined, as the lines under it are filed
        for n in start...max(start, lines.count) where n <= lines.count {
            let raw = lines[n - 1]
            if raw.fastHasPrefix("[PDF page") || raw.fastHasPrefix("#") { continue }
            let s = raw.trimmingSpaces
            if s.isEmpty { continue }
            if let level = isHeading(s) {
                if level == 0 { path = [s]; glossary = s.contains("名词解释") }
                else { path = Array(path.prefix(level)) + [s] }
                sections[n] = path.dropLast().joined(separator: " > ")
                section = path.joined(separator: " > ")
                joiner.add(s, line: n, heading: true)
            } else {
                sections[n] = section
                joiner.add(s, line: n)
            }
            if !glossary {
                narrativeLines.append(n)
                joined.append(line: s, n)
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
            if raw.fastHasPrefix("[PDF page") || raw.fastHasPrefix("#") { continue }
            let s = raw.trimmingSpaces
            if !s.isEmpty { kept.append((n, s, s.withoutSpaces)) }
        }
        let parts = kept.map { partHeading($0.compact) }
        func part(_ i: Int) -> String? { parts[i] }
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
            var scalars = body.unicodeScalars.count   // the body's, as lines are added
            for line in run.dropFirst() {
                starts.append(LineStart(offset: scalars, line: line.number))
                body += line.text
                scalars += line.text.unicodeScalars.count
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

    /// The part a compact line opens (`第一部分` of `第一部分部门概况`), nil when it opens none.
    static func partHeading(_ c: String) -> String? {
        guard c.fastHasPrefix("第") else { return nil }
        var copy = c
        // A line of standalone scalars: the first 部分 is where its bytes first are.
        let standalone = copy.withUTF8 { bytes -> Bool in
            var k = 0
            while k < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: k)
                guard StandaloneScalar.contains(value) else { return false }
                k += length
            }
            return true
        }
        if standalone {
            guard let at = TextSearch.find(c, "部分") else { return nil }
            return String(decoding: c.utf8.prefix(at + "部分".utf8.count), as: UTF8.self)
        }
        guard let mark = c.range(of: "部分") else { return nil }
        return String(c[..<mark.upperBound])
    }

    /// The totals the 情况说明 states that settle a table's open columns (基本支出, 项目支出,
    /// 一般公共预算财政拨款基本支出), read with the same rules as `extract`, without the rest.
    static func statedTotals(_ lines: [String], from start: Int) -> [String: Int64] {
        let settledColumns: Set<String> = ["basic", "project", "general_basic"]
        var joined = Joined()
        for n in start...max(start, lines.count) where n <= lines.count {
            let raw = lines[n - 1]
            if raw.fastHasPrefix("[PDF page") || raw.fastHasPrefix("#") { continue }
            joined.append(line: raw, n)
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
        // A line of standalone scalars: its characters without spaces are its other scalars.
        var copy = line
        let standalone: Bool? = copy.withUTF8 { bytes -> Bool? in
            var k = 0, digitBefore = false
            var found = false
            while k < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: k)
                guard StandaloneScalar.contains(value) else { return nil }
                k += length
                if value == 0x20 { continue }
                if digitBefore && (value == 0x25 || value == 0x4E07 || value == 0x5143) { found = true }
                digitBefore = value >= 0x30 && value <= 0x39
            }
            return found
        }
        if let standalone { return standalone }
        let s = line.withoutSpaces
        let chars = Array(s)
        for (i, c) in chars.enumerated() where c.isASCIIDigitChar {
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if next == "%" || next == "万" || (next == "元" ) { return true }
        }
        return false
    }

    // MARK: sentence rules

    /// The number (digits, points and commas, starting with a digit) at `i` and where it ends.
    static func number(_ j: Joined, at i: Int) -> (String, Int)? {
        var e = i
        while e < j.count, j.isDigit(e) || j.at(e, is: ".") || j.at(e, is: ",") { e += 1 }
        guard e > i, j.isDigit(i) else { return nil }
        return (j.string(i..<e), e)
    }

    /// Finds `label` followed (within `gap` characters) by an amount in 万元; returns the token.
    static func amount(after label: String, in j: Joined, from: Int = 0, gap: Int = 12) -> (LayoutToken, Int)? {
        let label = Label(label)
        let length = label.count
        var next = j.find(label, from: from)
        while let i = next {
            var k = i + length
            let limit = min(j.count, k + gap)
            while k < limit {
                if let (text, end) = number(j, at: k), end + 1 < j.count || end < j.count {
                    if end < j.count, j.at(end, is: "万") || (end + 1 < j.count && j.at(end, is: "元")) {
                        return (LayoutToken(text: text, line: j.lines[k], x: k), end)
                    }
                    break
                }
                if j.at(k, is: "，") || j.at(k, is: "。") || j.at(k, is: "；") { break }
                k += 1
            }
            next = j.find(label, from: i + 1)
        }
        return nil
    }

    /// Finds `label` followed directly by a count and `unit`; returns the count as printed, its
    /// offset and the offset after the unit.
    static func count(after label: String, unit: Character, in j: Joined) -> (String, Int, Int)? {
        let label = Label(label)
        let unitKey = CharacterKey.of(unit)
        let length = label.count
        var next = j.find(label)
        while let i = next {
            let k = i + length
            var e = k
            while e < j.count, j.isDigit(e) { e += 1 }
            if e > k, e < j.count, CharacterKey.same(unitKey, j.keys[e], unit, j.character(e)) {
                let printed = j.string(k..<e)
                if Int64(printed) != nil { return (printed, k, e + 1) }
            }
            next = j.find(label, from: i + 1)
        }
        return nil
    }

    /// `DocumentIdentity.firstYear(in:before:)` of the words in `range` of a standalone text.
    static func firstYear(in j: Joined, _ range: Range<Int>, before year: Int) -> Int? {
        for i in range where j.isDigit(i) && (i == range.lowerBound || !j.isDigit(i - 1)) {
            guard i + 4 < range.upperBound, j.keys[i + 4] == 0x5E74, j.isDigit(i + 1), j.isDigit(i + 2), j.isDigit(i + 3)
            else { continue }
            let y = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(j.keys[$1] - 0x30) }
            if y < year { return y }
        }
        return nil
    }

    /// Whether the characters at `k` and `k + 1` of a standalone text are `a` and `b`.
    @inline(__always)
    static func pair(_ j: Joined, _ k: Int, _ a: UInt32, _ b: UInt32) -> Bool {
        k + 1 < j.count && j.keys[k] == a && j.keys[k + 1] == b
    }

    /// "比2023年度增加2.55万元" / "与2023年度相比，…减少56.95万元" / "…持平" right after `end`.
    static func change(in j: Joined, from end: Int, subject: Int, measure: String, into b: inout ShanghaiBuilder) {
        let window = min(j.count, end + 70)
        guard end < window else { return }
        // The comparison's year as the sentence writes it, else the document's prior year for 上年.
        let stated: Int?
        if j.standalone {
            stated = firstYear(in: j, end..<window, before: b.year)
            guard stated != nil || (end..<window).contains(where: { $0 + 1 < window && pair(j, $0, 0x4E0A, 0x5E74) }) else { return }
        } else {
            let text = j.string(end..<window)
            stated = DocumentIdentity.firstYear(in: text, before: b.year)
            guard stated != nil || text.contains("上年") else { return }
        }
        let priorYear = stated ?? b.priorYear
        var k = end
        while k < window {
            let rest: String
            if j.standalone {
                // The two characters compared as keys (standalone scalars: equal keys, equal words).
                rest = pair(j, k, 0x589E, 0x52A0) ? "增加" : pair(j, k, 0x51CF, 0x5C11) ? "减少" : pair(j, k, 0x6301, 0x5E73) ? "持平" : ""
            } else {
                rest = j.string(k..<min(j.count, k + 2))
            }
            if rest == "增加" || rest == "减少" {
                if let (num, numEnd) = number(j, at: k + 2), numEnd < j.count, j.at(numEnd, is: "万"),
                   let fen = Amount(printed: num, unit: .tenThousandYuan)?.fen {
                    let (printed, line) = ShanghaiRates.printed(j, from: k, to: min(j.count, numEnd + 2), key: k + 2)
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
            if j.at(k, is: "。"), !(k + 1 < j.count && j.at(k + 1, is: "与")) { return }
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
