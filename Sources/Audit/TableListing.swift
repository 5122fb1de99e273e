import Core

/// The tables a document names (its contents, 目录, and its own lists of tables), the tables it
/// prints with figures and those it prints empty, and the narrative sections that speak of each table, matched by a stem
/// of the name: “七、财政拨款“三公”经费支出决算表” and the heading “七、财政拨款“三公”经费支出
/// 决算情况说明” share 财政拨款三公经费支出决算; “收入支出决算总表” and “收入支出决算总体情况
/// 说明” share 收入支出决算.
struct TableListing {
    struct Listed: Equatable {
        var name: String
        var stem: String
        var line: Int
        var inContents: Bool
    }

    /// The tables named, first naming of each stem (the contents first).
    var listed: [Listed] = []
    /// The stems of the tables printed with figures.
    var printed: Set<String> = []
    /// The stems of the tables printed without a figure (recorded on import as empty).
    var printedEmpty: Set<String> = []
    /// Per table stem, the line ranges of the narrative paragraphs under a heading about it.
    var sections: [String: [ClosedRange<Int>]] = [:]

    init(_ document: AuditDocument) {
        printed = Set(document.tableTitles.compactMap(Self.stem(ofTable:)))
        printedEmpty = Set(document.emptyTableTitles.compactMap(Self.stem(ofTable:)))
        var seen = Set<String>()
        var sectionStems: [String: Set<String>] = [:]
        let ordered = document.paragraphs.filter { $0.section == "目录" } + document.paragraphs.filter { $0.section != "目录" }
        for paragraph in ordered where paragraph.kind == "text" {
            if let stem = Self.stem(ofTable: paragraph.body), seen.insert(stem).inserted {
                listed.append(Listed(name: String(Self.withoutListNumber(paragraph.body.withoutSpaces)), stem: stem,
                                     line: paragraph.line, inContents: paragraph.section == "目录"))
            }
            guard paragraph.section != "目录" && paragraph.section != "封面" else { continue }
            // The heading path (read once per path), and the paragraph itself when it is the heading.
            if sectionStems[paragraph.section] == nil {
                sectionStems[paragraph.section] = Set(paragraph.section.components(separatedBy: " > ").compactMap(Self.stem(ofHeading:)))
            }
            var stems = sectionStems[paragraph.section] ?? []
            if let own = Self.stem(ofHeading: paragraph.body) { stems.insert(own) }
            for stem in stems {
                sections[stem, default: []].append(paragraph.line...max(paragraph.line, paragraph.lineTo))
            }
        }
    }

    /// The tables the document requires of itself: those it names and those its narrative
    /// explains under their own heading, in that order.
    var required: [String] {
        var seen = Set<String>()
        return (listed.map(\.stem) + sections.keys.sorted()).filter { seen.insert($0).inserted }
    }

    /// Whether a table is printed with figures: its stem, or the same without 收入 (“…收入支出决算表”
    /// printed as “…支出决算表”).
    func isPrinted(_ stem: String) -> Bool { Self.contains(printed, stem) }

    /// Whether a table is printed without a figure (本年度没有…，故本表无数据), the same way.
    func isPrintedEmpty(_ stem: String) -> Bool { Self.contains(printedEmpty, stem) }

    private static func contains(_ stems: Set<String>, _ stem: String) -> Bool {
        if stems.contains(stem) { return true }
        let loose = stem.replacingOccurrences(of: "收入", with: "")
        return stems.contains { $0.replacingOccurrences(of: "收入", with: "") == loose }
    }

    /// The table's name as the document lists it, else its stem with 表.
    func name(of stem: String) -> String {
        listed.first { $0.stem == stem }?.name ?? stem + "表"
    }

    /// The non-zero figures of the document's year the narrative states under a heading about the table.
    func statedFigures(_ stem: String, in document: AuditDocument) -> [AuditFact] {
        guard let ranges = sections[stem], let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max()
        else { return [] }
        return document.facts.filter { fact in
            fact.lineFrom >= low && fact.lineFrom <= high && fact.sourceKind == "text" && !fact.derived && fact.year == document.year
                && (fact.amountFen ?? 0) != 0 && ranges.contains { $0.contains(fact.lineFrom) }
        }
    }

    // MARK: names

    /// The last UTF-8 byte of 表 (E8 A1 A8): a name ends with it.
    static let tableMark: UInt8 = 0xA8
    static let numerals = Set("0123456789一二三四五六七八九十百零〇")
    static let listMarks = Set("、.．")
    static let sentencePunctuation = Set("，,。：:；;")

    /// A list entry without its number: “一、”, “1.”, “（一）”.
    static func withoutListNumber(_ text: String) -> Substring {
        var s = Substring(text)
        if let first = s.first, first == "（" || first == "(",
           let close = s.firstIndex(where: { $0 == "）" || $0 == ")" }),
           s[s.index(after: s.startIndex)..<close].allSatisfy(numerals.contains), close > s.index(after: s.startIndex) {
            return s[s.index(after: close)...]
        }
        let number = s.prefix(while: numerals.contains)
        if !number.isEmpty, let mark = s.dropFirst(number.count).first, listMarks.contains(mark) { s = s.dropFirst(number.count + 1) }
        return s
    }

    /// The name without spaces, list number and quotation marks.
    static func normalized(_ text: String) -> String {
        String(withoutListNumber(text.withoutSpaces).filter { !"“”\"‘’'「」".contains($0) })
    }

    /// The stem of a table's name (“…决算表”, “…决算总表”), or nil when the text is no table's name:
    /// a sentence, a part title (第…部分, “二、部门决算报表”: the tables together), a title naming a year.
    static func stem(ofTable text: String) -> String? {
        guard text.utf8.count <= 150, text.utf8.last(where: { $0 != 0x20 }) == tableMark else { return nil }
        var s = normalized(text)
        guard s.hasSuffix("表"), !s.hasSuffix("报表"), !s.hasPrefix("第"), !s.contains("年"), s.count <= 40,
              s.contains("决算") || s.contains("预算"), !s.contains(where: sentencePunctuation.contains) else { return nil }
        s.removeLast()
        if s.hasSuffix("总") { s.removeLast() }
        return s.count > 2 ? s : nil
    }

    /// The table stem a narrative heading speaks of (“…决算情况说明”, “…决算总体情况说明”).
    static func stem(ofHeading text: String) -> String? {
        guard text.utf8.count <= 150, TextSearch.contains(text, "情况说明") else { return nil }
        var s = normalized(text)
        guard s.hasSuffix("情况说明"), !s.hasPrefix("第"), !s.contains("年"), !s.contains(where: sentencePunctuation.contains) else { return nil }
        s.removeLast(4)
        if s.hasSuffix("总体") { s.removeLast(2) }
        return s.hasSuffix("决算") && s.count > 2 ? s : nil
    }
}
