import Core

/// Rates (占/增长/完成预算), 三公 details and counts stated in the 情况说明, linked to the facts
/// they are rates of so that the audit can recompute them.
enum ShanghaiRates {
    struct Context {
        var j: ShanghaiNarrative.Joined
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

        /// The context of the words in `range` of `j` (their scalars and character offsets).
        init(j: ShanghaiNarrative.Joined, range: Range<Int>) {
            guard j.standalone else {
                self.init(j: j, text: j.string(range))
                return
            }
            // Standalone scalars: one per character.
            self.init(j: j, scalars: j.keys[range].map { Unicode.Scalar($0)! }, characterOffsets: Array(0...range.count))
        }

        init(j: ShanghaiNarrative.Joined, text: String) {
            let scalars = Array(text.unicodeScalars)
            var offsets: [Int] = []
            offsets.reserveCapacity(scalars.count)
            for (offset, character) in text.enumerated() {
                offsets.append(contentsOf: repeatElement(offset, count: character.unicodeScalars.count))
            }
            offsets.append(offsets.last.map { $0 + 1 } ?? 0)   // the end, where an empty match may start
            self.init(j: j, scalars: scalars, characterOffsets: offsets)
        }

        private init(j: ShanghaiNarrative.Joined, scalars: [Unicode.Scalar], characterOffsets: [Int]) {
            self.j = j
            self.scalars = scalars
            self.characterOffsets = characterOffsets
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
        printed(c.j, from: from, to: to, key: key)
    }

    static func printed(_ j: ShanghaiNarrative.Joined, from: Int, to: Int, key: Int) -> (String, Int) {
        let line = j.lines[key]
        var lo = from
        while lo < key, j.lines[lo] != line { lo += 1 }
        if lo > from { lo = key }
        var hi = to
        while hi > key + 1, j.lines[hi - 1] != line { hi -= 1 }
        return (j.string(lo..<hi), line)
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

    static func read(_ j: ShanghaiNarrative.Joined, textFactsFrom first: Int, into b: inout ShanghaiBuilder) {
        var c = Context(j: j, range: 0..<j.count)
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
        var lineStarts: [Int: Int] = [:]   // each line's first offset
        for (offset, line) in j.lines.enumerated() where offset == 0 || j.lines[offset - 1] != line {
            if lineStarts[line] == nil { lineStarts[line] = offset }
        }
        var taken = Set<Int>()
        for (index, s) in b.statements.enumerated() where s.kind == "change" {
            let word = ShanghaiNarrative.Label(s.printed == "持平" ? "持平" : String(s.printed.prefix(2)))
            guard word.count > 0, var at = lineStarts[s.provenance.lineFrom] else { continue }
            while at + word.count <= j.count, j.lines[at] == s.provenance.lineFrom {
                if !taken.contains(at), word.characters.indices.allSatisfy({
                    CharacterKey.same(word.keys[$0], j.keys[at + $0], word.characters[$0], j.character(at + $0))
                }) {
                    taken.insert(at)
                    c.changes.append((at, index))
                    break
                }
                at += 1
            }
        }
        readRules(NarrativeTemplate.finalAccounts.detailRules, &c, &b)
        partChanges(&c, &b)
        readRules(NarrativeTemplate.finalAccounts.shareBaseRules, &c, &b)
        shares(&c, &b)
        completions(&c, &b)
        growth(&c, &b)
    }

    /// Reads `rules` of the template with the figures anchored in `c`.
    static func readRules(_ rules: [SentenceRule], _ c: inout Context, _ b: inout ShanghaiBuilder) {
        var sink = ShanghaiNarrativeSink(b: b, j: c.j, rates: c)
        NarrativeEngine.readText(rules, scalars: c.scalars, characterOffsets: c.characterOffsets, into: &sink)
        b = sink.b
        c = sink.rates!
    }

    // MARK: changes of a total and its parts

    /// The changes of a total and its parts (`PartChanges`): the total's up to 其中, each part's
    /// in its clause.
    static func partChanges(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        // "“三公”经费财政拨款支出决算数比2023年度减少0.15万元" / "…与2023年度持平。其中：…持平；…减少0.15万元"
        for words in NarrativeTemplate.finalAccounts.partChanges {
            for m in words.words.all(in: c.scalars, characterOffsets: c.characterOffsets) {
                guard let at = m.offsets.first ?? nil else { continue }
                let end = at + m.words.count
                var sentenceEnd = end
                let j = c.j
                while sentenceEnd < j.count, !j.at(sentenceEnd, is: "。") { sentenceEnd += 1 }
                if sentenceEnd + 2 < j.count, j.at(sentenceEnd + 1, is: "其"), j.at(sentenceEnd + 2, is: "中") {
                    sentenceEnd += 1
                    while sentenceEnd < j.count, !j.at(sentenceEnd, is: "。") { sentenceEnd += 1 }
                }
                let partsStart = (end..<sentenceEnd).first { j.at($0, is: "其") && $0 + 2 < j.count && j.at($0 + 1, is: "中") }
                    ?? sentenceEnd
                if let subject = latest(words.measure, before: at + 1, c: c, b: b) {
                    change(&c, &b, from: end, to: partsStart, subject: subject)
                }
                for (label, measure) in words.parts {
                    guard let l = find(label, in: c, from: partsStart, to: sentenceEnd) else { continue }
                    var clauseEnd = l + label.count
                    while clauseEnd < sentenceEnd, !j.at(clauseEnd, is: "；") { clauseEnd += 1 }
                    if let subject = latest(measure, before: partsStart, c: c, b: b) {
                        change(&c, &b, from: l + label.count, to: clauseEnd, subject: subject)
                    }
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
        let sub = Context(j: c.j, range: from..<to)
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

    /// The marks a share's label starts after.
    static let clauseMarks: [Unicode.Scalar] = ["，", "；", "：", "。", "、"]

    /// The shares the text states, with the template's `ShareWords`.
    static func shares(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        guard let words = NarrativeTemplate.finalAccounts.shares else { return }
        for m in words.pattern.all(in: c.scalars, characterOffsets: c.characterOffsets) {
            guard let amount = m["amount"], let at = m.offset("amount"), let rateText = m["rate"], let r = m.offset("rate"),
                  let (scaled, decimals) = rate(rateText) else { continue }
            let number = (amount, at)
            // The label before the amount: back to the previous clause mark.
            var s = at
            while s > 0, s > at - 30, !clauseMarks.contains(where: { c.j.at(s - 1, is: $0) }) { s -= 1 }
            let label = c.j.string(s..<at)
            var part: Int?
            var baseMeasure: String?
            if label.hasSuffix(words.classSuffix), let code = FunctionClasses.names.first(where: { label.hasPrefix($0.name) })?.code {
                part = fact(nil, code: code, fund: words.classFund, number, c: &c, b: &b)
                baseMeasure = words.classBase
            } else if let named = words.parts.first(where: { label.contains($0.words) }) {
                part = fact(named.measure, fund: named.fund, number, c: &c, b: &b)
                baseMeasure = named.base
            }
            if let named = m["base"] {
                for base in words.bases where named.contains(base.words) { baseMeasure = base.measure }
            }
            guard let part, let baseMeasure else { continue }
            let base = latest(baseMeasure, before: at, c: c, b: b)
            let zhan = m.offset("base").map { $0 - 1 } ?? (r - 1)
            let (text, line) = printed(c, from: zhan, to: r + rateText.count + 1, key: r)
            _ = statement(ImportedStatement(kind: "share", printed: text, rateScaled: scaled, rateDecimals: decimals, partFact: part,
                                            baseFact: base, provenance: Provenance("text", line)), b: &b)
        }
    }

    // MARK: completion

    static func completions(_ c: inout Context, _ b: inout ShanghaiBuilder) {
        guard let words = NarrativeTemplate.finalAccounts.rates else { return }
        for m in words.completion.all(in: c.scalars, characterOffsets: c.characterOffsets) {
            guard let at = m.offsets.first ?? nil, let which = m["budget"], let rateText = m["rate"], let r = m.offset("rate"),
                  let (scaled, decimals) = rate(rateText) else { continue }
            let whole = m.words
            var s = at
            while s > 0, !c.j.at(s - 1, is: "。"), !c.j.at(s - 1, is: "；"), !c.j.at(s - 1, is: "：") { s -= 1 }
            let sentence = c.j.string(s..<at)
            // The actual: the last anchored amount in the sentence.
            if sentence.contains("一般公共预算财政拨款支出年初预算为"),
               let l = find("支出决算为", in: c, from: s, to: at),
               let n = matches(#"^(\d[\d.,]*)万"#, in: Context(j: c.j, range: (l + 5)..<at)).first?[1] {
                _ = fact("general_expenditure", (n.0, l + 5 + n.1), c: &c, b: &b)
            }
            guard let part = lastActualAnchor(from: s, before: at, c: c, b: b), let measure = b.facts[part].measureID else { continue }
            var basis = "未说明"
            var base: Int?
            let initialNamed = which == "年初预算" || (which.hasPrefix("预算") && sentence.contains("年初预算"))
            if initialNamed { basis = "年初" } else if which.hasPrefix("全年") { basis = "调整后" }
            let budgetWord = basis == "调整后" ? "全年预算为" : "年初预算为"
            if let l = find(budgetWord, in: c, from: s, to: at),
               let n = matches(#"^(\d[\d.,]*)万"#, in: Context(j: c.j, range: (l + budgetWord.count)..<at)).first?[1] {
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
        guard let words = NarrativeTemplate.finalAccounts.rates else { return }
        for m in words.growth.all(in: c.scalars, characterOffsets: c.characterOffsets) {
            guard let at = m.offsets.first ?? nil, let verb = m["verb"], let rateText = m["rate"], let r = m.offset("rate"),
                  let (scaled, decimals) = rate(rateText) else { continue }
            let whole = m.words
            // The nearest change before the rate, in the same sentence and at most 24 characters back.
            var k = Context.insertionPoint(at, in: offsets)
            guard k > 0, at - offsets[k - 1] <= 24, !(offsets[k - 1]..<at).contains(where: { c.j.at($0, is: "。") }) else { continue }
            while k > 1, offsets[k - 2] == offsets[k - 1] { k -= 1 }
            let index = changes[k - 1].1
            let change = b.statements[index]
            let (text, line) = printed(c, from: at, to: at + whole.count, key: r)
            _ = statement(ImportedStatement(kind: "growth", printed: text, direction: words.decrease.contains(verb) ? "减少" : "增加",
                                            rateScaled: scaled, rateDecimals: decimals, partFact: change.partFact,
                                            baseFact: change.baseFact, provenance: Provenance("text", line)), b: &b)
        }
    }
}
