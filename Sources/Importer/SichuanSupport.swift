import Core

/// A compiled pattern with the small API the Sichuan rules need (captures as optional strings).
struct SichuanPattern: Sendable {
    let compiled: TextPattern
    /// Text every match contains (the longest run of Chinese outside groups and classes),
    /// checked before the regex runs: most lines lack it, and the check is far cheaper.
    let required: String

    /// `⟨N⟩` in a pattern stands for a printed decimal number (a capture).
    init(_ pattern: String) {
        let expanded = Self.expanded(pattern)
        // The patterns are constants of the readers; a bad one is a programming error.
        compiled = try! TextPattern(expanded)
        required = Self.requiredLiteral(expanded)
    }

    /// The pattern with its `⟨N⟩` written out.
    static func expanded(_ pattern: String) -> String {
        pattern.sichuanReplacing("⟨N⟩", with: "([0-9]+(?:\\.[0-9]+)?)")
    }

    private static func requiredLiteral(_ pattern: String) -> String {
        let characters = Array(pattern)
        var depth = 0, best = "", run = ""
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let chinese = character.unicodeScalars.first.map { $0.value >= 0x3400 } ?? false
            if "([".contains(character) { depth += 1 }
            if ")]".contains(character) { depth -= 1 }
            if depth == 0 && character == "|" { return "" }   // a top-level alternative: nothing is required
            if depth == 0 && chinese && !"?*{+".contains(next) {
                run.append(character)
                if run.count > best.count { best = run }
            } else {
                run = ""
            }
        }
        return best
    }

    /// Whether `text` holds the required text (else it cannot match).
    func mayMatch(_ text: String) -> Bool { text.containsBytes(required) }

    func first(in text: String) -> [String?]? {
        guard mayMatch(text) else { return nil }
        return compiled.firstMatch(in: text)
    }

    func all(in text: String) -> [[String?]] {
        guard mayMatch(text) else { return [] }
        return compiled.allMatches(in: text)
    }

    func matches(_ text: String) -> Bool { first(in: text) != nil }
}

extension String {
    func sichuanReplacing(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.sichuanRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }

    /// A scalar that is no whitespace and always begins its character (nothing before it joins
    /// it): printable ASCII, CJK ideographs and punctuation, full-width forms.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x2018...0x201D, 0x3001...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// The string's bounds without ASCII spaces and tabs at either end, when that is also
    /// where whitespace characters end (the scalars at both new ends stand alone, or nothing
    /// is left); nil when only the characters can tell.
    func asciiBlanksTrimmed() -> (String.Index, String.Index)? {
        let bytes = utf8
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, blank(bytes[start]) { start = bytes.index(after: start) }
        while end > start, blank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start == end { return (start, end) }
        guard Self.standsAlone(unicodeScalars[start]), Self.standsAlone(unicodeScalars[unicodeScalars.index(before: end)])
        else { return nil }
        return (start, end)
    }

    /// Whitespace (ASCII and Unicode spaces, including the ideographic space) removed at both ends.
    var sichuanTrimmed: String {
        // Most lines are trimmed of ASCII spaces and tabs only: done on the bytes when what is
        // left begins and ends with a scalar that stands alone (each space is then a character of
        // its own, and the characters at both ends are no whitespace).
        if let (start, end) = asciiBlanksTrimmed() {
            return start == startIndex && end == endIndex ? self : String(self[start..<end])
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        var scalars = Substring(self)
        while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

extension Substring {
    func sichuanRange(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}

/// Parsing of printed numbers into the model's exact units.
enum SichuanNumbers {
    /// A printed amount in `unit` (万元, 元; 万 is read as 万元) as 分.
    static func fen(_ printed: String, unit: String = "万元") -> Int64? {
        let moneyUnit: MoneyUnit = unit == "元" ? .yuan : (unit == "亿元" ? .hundredMillionYuan : .tenThousandYuan)
        return Amount(printed: printed, unit: moneyUnit)?.fen
    }

    /// A printed count ("3") as an integer.
    static func count(_ printed: String) -> Int64? {
        guard let decimal = ExactDecimal(parsing: printed), decimal.decimals == 0 else { return nil }
        return decimal.digits
    }

    /// Points ("100", "17.5") in hundredths.
    static func centi(_ printed: String) -> Int64? {
        ExactDecimal(parsing: printed)?.scaled(by: 100)
    }

    /// A printed percentage's number ("84.69", "100 ") as (scaled, decimals).
    static func rate(_ printed: String) -> (Int64, Int)? {
        let cleaned = printed.filter { !$0.isWhitespace && $0 != "%" && $0 != "％" }
        guard let decimal = ExactDecimal(parsing: cleaned) else { return nil }
        return (decimal.digits, decimal.decimals)
    }

    /// Whether two (scaled, decimals) rates are the same number.
    static func sameRate(_ a: (Int64, Int), _ b: (Int64, Int)) -> Bool {
        let d = max(a.1, b.1)
        guard let fa = ExactDecimal.powerOfTen(d - a.1), let fb = ExactDecimal.powerOfTen(d - b.1) else { return false }
        return a.0 * fa == b.0 * fb
    }
}

/// Collects facts and statements with local indexes, as the narrative rules find them.
struct SichuanFactBuilder {
    var facts: [ImportedFact] = []
    var statements: [ImportedStatement] = []
    /// The section path each fact and statement was read under (for charts).
    var factSections: [String] = []
    var statementSections: [String] = []
    /// The latest fact of each measure or code.
    var latest: [String: Int] = [:]
    var recognizedLines: Set<Int> = []
    let year: Int
    var section = ""
    /// How the template words changes and completions.
    let words: StatementWords

    init(year: Int, words: StatementWords) {
        self.year = year
        self.words = words
    }

    /// A measure's fund: the shared list, else the 三公 measures (counts and details included) are fiscal.
    static func fund(of measure: String) -> String {
        if let fund = MeasureFunds.byMeasure[measure] { return fund }
        if measure == "sangong" || measure.hasPrefix("sangong_") || measure.hasPrefix("vehicle_")
            || measure.hasPrefix("vehicles_purchased") || measure.hasPrefix("vehicles_held")
            || measure.hasPrefix("reception_") || measure.hasPrefix("abroad_") {
            return "fiscal"
        }
        return "all"
    }

    @discardableResult
    mutating func money(_ measure: String, fund: String? = nil, column: String = "actual", year factYear: Int? = nil,
                        _ printed: String, unit: String = "万元", line: Int) -> Int? {
        guard let fen = SichuanNumbers.fen(printed, unit: unit) else { return nil }
        return add(ImportedFact(measureID: measure, fund: fund ?? Self.fund(of: measure), column: column, year: factYear ?? year,
                                amountFen: fen, printed: printed, printedUnit: unit, provenance: Provenance("text", line)),
                   key: measure)
    }

    @discardableResult
    mutating func code(_ code: String, fund: String, _ printed: String, unit: String = "万元", line: Int) -> Int? {
        guard let fen = SichuanNumbers.fen(printed, unit: unit) else { return nil }
        return add(ImportedFact(code: code, fund: fund, year: year, amountFen: fen, printed: printed, printedUnit: unit,
                                provenance: Provenance("text", line)),
                   key: code)
    }

    @discardableResult
    mutating func count(_ measure: String, fund: String? = nil, _ printed: String, unit: String, line: Int) -> Int? {
        guard let quantity = SichuanNumbers.count(printed) else { return nil }
        return add(ImportedFact(measureID: measure, fund: fund ?? Self.fund(of: measure), year: year, quantity: quantity,
                                printed: printed, printedUnit: unit, provenance: Provenance("text", line)),
                   key: measure)
    }

    @discardableResult
    mutating func points(_ measure: String, _ printed: String, line: Int) -> Int? {
        guard let quantity = SichuanNumbers.centi(printed) else { return nil }
        return add(ImportedFact(measureID: measure, fund: Self.fund(of: measure), year: year, quantity: quantity,
                                printed: printed, printedUnit: "分", provenance: Provenance("text", line)),
                   key: measure)
    }

    /// Puts the facts and statements read from a paragraph joined from several lines (those
    /// from `factsFrom` and `statementsFrom` on) on the line that prints each, in reading order;
    /// every line of a paragraph that gave something counts as recognized.
    mutating func placeOnLines(of prose: SichuanSections.ProseLine, factsFrom: Int, statementsFrom: Int) {
        let paragraph = ImportedParagraph(section: prose.section, body: prose.text, kind: prose.kind, line: prose.line,
                                          lineStarts: prose.lineStarts)
        let text = prose.text
        var cursor = text.startIndex
        /// The lines of `printed`'s next occurrence (from the cursor, else from the start).
        func lines(of printed: String?) -> (Int, Int)? {
            guard let printed, !printed.isEmpty,
                  let range = text[cursor...].firstRange(of: printed) ?? text.firstRange(of: printed) else { return nil }
            cursor = range.lowerBound
            return (paragraph.line(at: range.lowerBound), paragraph.line(at: text.index(before: range.upperBound)))
        }
        for i in facts.indices.dropFirst(factsFrom) where facts[i].provenance.lineFrom == prose.line {
            if let (from, _) = lines(of: facts[i].printed) { facts[i].provenance.lineFrom = from; facts[i].provenance.lineTo = from }
        }
        cursor = text.startIndex
        for i in statements.indices.dropFirst(statementsFrom) where statements[i].provenance.lineFrom == prose.line {
            if let (from, to) = lines(of: statements[i].printed) { statements[i].provenance.lineFrom = from; statements[i].provenance.lineTo = to }
        }
        if recognizedLines.contains(prose.line) {
            recognizedLines.insert(prose.line)
            for start in prose.lineStarts { recognizedLines.insert(start.line) }
        }
    }

    mutating func add(_ fact: ImportedFact, key: String) -> Int {
        facts.append(fact)
        factSections.append(section)
        recognizedLines.insert(fact.provenance.lineFrom)
        latest[key] = facts.count - 1
        return facts.count - 1
    }

    @discardableResult
    mutating func statement(_ statement: ImportedStatement) -> Int {
        statements.append(statement)
        statementSections.append(section)
        recognizedLines.insert(statement.provenance.lineFrom)
        return statements.count - 1
    }

    @discardableResult
    mutating func share(_ printed: String, rate: String, part: Int?, base: Int?, line: Int) -> Int? {
        guard let (scaled, decimals) = SichuanNumbers.rate(rate), part != nil else { return nil }
        return statement(ImportedStatement(kind: "share", printed: printed, rateScaled: scaled, rateDecimals: decimals,
                                           partFact: part, baseFact: base, provenance: Provenance("text", line)))
    }

    /// 完成预算R%[，决算数与预算数持平|大于|小于] about `part`.
    mutating func completion(in text: String, part: Int?, line: Int) {
        guard let part, let match = words.completion.first(in: text),
              let (scaled, decimals) = SichuanNumbers.rate(match["rate"] ?? "") else { return }
        statement(ImportedStatement(kind: "completion", printed: match.words,
                                    direction: match["comparison"].flatMap { words.comparisons[$0] },
                                    rateScaled: scaled, rateDecimals: decimals, partFact: part, basis: "未说明",
                                    provenance: Provenance("text", line)))
    }

    /// The year-on-year change and growth stated after `current`'s figure, and the prior-year
    /// figure they imply (derived: current − change).
    mutating func change(in text: String, current: Int?, line: Int) {
        guard let current else { return }
        let fact = facts[current]
        var priorYear = fact.year - 1
        if let match = words.comparedYear.first(in: text), let y = Int(match["year"] ?? ""), y < fact.year { priorYear = y }
        var changeIndex: Int?
        var derivedIndex: Int?
        if let match = words.amountChange.first(in: text), let verb = match["verb"],
           let fen = SichuanNumbers.fen(match["amount"] ?? "", unit: match["unit"] ?? "万元") {
            let printed = match.words
            let direction = words.direction(ofVerb: verb)
            let signed = direction == "减少" ? -fen : fen
            changeIndex = statements.count
            derivedIndex = facts.count
            derived(from: current, change: changeIndex!, amount: (fact.amountFen ?? 0) - signed, year: priorYear, line: line)
            statement(ImportedStatement(kind: "change", printed: printed, direction: direction, amountFen: signed,
                                        partFact: current, baseFact: derivedIndex, provenance: Provenance("text", line)))
        } else if words.level.first(in: text) != nil {
            changeIndex = statements.count
            derivedIndex = facts.count
            derived(from: current, change: changeIndex!, amount: fact.amountFen ?? 0, year: priorYear, line: line)
            statement(ImportedStatement(kind: "change", printed: "持平", direction: "持平", amountFen: 0,
                                        partFact: current, baseFact: derivedIndex, provenance: Provenance("text", line)))
        }
        if let match = words.growth.first(in: text), let (scaled, decimals) = SichuanNumbers.rate(match["rate"] ?? "") {
            statement(ImportedStatement(kind: "growth", printed: match.words, direction: words.direction(ofVerb: match["verb"] ?? ""),
                                        rateScaled: scaled, rateDecimals: decimals, partFact: current, baseFact: derivedIndex,
                                        provenance: Provenance("text", line)))
        }
    }

    private mutating func derived(from current: Int, change: Int, amount: Int64, year: Int, line: Int) {
        let fact = facts[current]
        facts.append(ImportedFact(measureID: fact.measureID, code: fact.code, fund: fact.fund, column: fact.column, year: year,
                                  amountFen: amount, printed: nil, printedUnit: fact.printedUnit,
                                  provenance: Provenance("text", line),
                                  inputs: [DerivationInput(sign: 1, .fact(current)), DerivationInput(sign: -1, .statement(change))]))
        factSections.append(section)
    }
}
