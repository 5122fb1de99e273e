import Core

/// Reads the Shanghai district / central 9-table template (部门决算表 + 情况说明).
public enum ShanghaiReader: TemplateReader {
    public static let template = "shanghai"
    /// 第四部分 名词解释 ends a Shanghai disclosure.
    public static let lastPart: Int? = 4
    /// The tables of the template, described as data.
    static let layout = TableTemplate.finalAccounts

    public static func confidence(_ text: SourceText) -> Double {
        assess(text).confidence
    }

    /// The confidence, with the tables located (`FinalAccountsTableReader.locate`) to read them.
    public static func assess(_ text: SourceText) -> (confidence: Double, found: Any?) {
        let tables = FinalAccountsTableReader.locate(text.lines, template: layout)
        let hasNarrative = text.lines.contains { $0.withoutSpaces.containsBytes("情况说明") }
        let found = Double(tables.count) / Double(layout.tables.count)
        return (min(1, found * 0.85 + (hasNarrative ? 0.15 : 0)), tables)
    }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        try read(text, overrides: overrides, template: layout)
    }

    public static func read(_ text: SourceText, overrides: ImportOverrides, found: Any?) throws -> ImportResult {
        try read(text, overrides: overrides, template: layout, tables: found as? [String: ClosedRange<Int>])
    }

    /// Reads a document of the template `layout` describes (another description of the same
    /// kind of document: other titles, headings or columns); `located`: its tables, when
    /// already located in this text with this layout.
    static func read(_ text: SourceText, overrides: ImportOverrides, template layout: TableTemplate,
                     tables located: [String: ClosedRange<Int>]? = nil) throws -> ImportResult {
        let lines = text.lines
        guard lines.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw ImportError.empty(file: text.sourceFile) }
        let tables = located ?? FinalAccountsTableReader.locate(lines, template: layout)
        // The first table (收入支出决算总表) makes the template's document.
        guard tables[layout.tables[0].title] != nil else { throw ImportError.unknownTemplate(file: text.sourceFile) }

        // Title: the cover lines up to "部门决算".
        var cover = ""
        var titleLine = 1
        for (i, line) in lines.enumerated() where !line.fastHasPrefix("#") && !line.fastHasPrefix("[PDF page") {
            let s = line.withoutSpaces
            if s.isEmpty { continue }
            if cover.isEmpty { titleLine = i + 1 }
            cover += s
            if cover.contains("部门决算") || cover.count > 60 { break }
        }
        guard let yearMark = cover.range(of: "年度") else {
            throw ImportError.invalid(file: text.sourceFile, line: titleLine, message: "封面未写明年度（应有“某某年度部门决算”字样）")
        }
        let beforeYear = cover[..<yearMark.lowerBound]
        let digits = String(beforeYear.reversed().prefix(while: \.isASCIIDigitChar).reversed())
        guard digits.count == 4, let printedYear = Int(digits) else {
            throw ImportError.invalid(file: text.sourceFile, line: titleLine, message: "封面的年度无法识别")
        }
        let unitName = overrides.unit ?? String(beforeYear.dropLast(4))
        let year = overrides.year ?? printedYear
        let region = DocumentIdentity.region(ofUnit: unitName)
        let title = cover.hasSuffix("部门决算") ? cover : cover.components(separatedBy: "部门决算").first! + "部门决算"

        var b = ShanghaiBuilder(year: year, priorYear: DocumentIdentity.priorYear(in: lines, year: year))
        // An annotation's first byte is "[" (no other character equals it): other lines are passed by.
        let annotations = lines.indices.filter { lines[$0].utf8.first == 0x5B && lines[$0].fastHasPrefix("[PDF page") }
        b.pageStarts = Set(text.pageStarts + annotations.map { $0 + 1 })
        b.sortedPageStarts = b.pageStarts.sorted()
        for i in annotations where lines[i].fastHasPrefix("[PDF page ") {
            let line = lines[i]
            if let n = Int(line.dropFirst("[PDF page ".count).prefix(while: \.isASCIIDigitChar)) { b.annotatedPages[i + 1] = n }
        }
        if let first = b.sortedPageStarts.first {
            b.firstPageBeforeStarts = lines.prefix(first - 1).contains { !$0.fastHasPrefix("#") && !$0.trimmingSpaces.isEmpty }
        }
        // Narrative start: the 第三部分 heading after the tables.
        let lastTableEnd = tables.values.map(\.upperBound).max() ?? 0
        let narrativeStart = (lastTableEnd..<lines.count).first(where: { n in layout.narrativeStart.contains { lines[n].withoutSpaces.fastHasPrefix($0) } })
            .map({ $0 + 1 }) ?? (lastTableEnd < lines.count ? lastTableEnd + 1 : nil)
        // Totals the 情况说明 states, which settle columns a table's own sums leave open.
        b.statedTotals = narrativeStart.map { ShanghaiNarrative.statedTotals(lines, from: $0) } ?? [:]
        var report = ImportReport()
        for spec in layout.tables {
            if let r = tables[spec.title] { FinalAccountsTableReader.read(spec, lines, r, into: &b) }
        }

        // Narrative: from the 情况说明 heading after the tables.
        let firstTable = tables.values.map(\.lowerBound).min() ?? lines.count
        var paragraphs = ShanghaiNarrative.frontMatter(lines, before: firstTable)
        if let start = narrativeStart {
            ShanghaiNarrative.read(lines, from: start, into: &b, paragraphs: &paragraphs,
                                   unrecognized: &report.unrecognizedFigureLines)
        }
        FinalAccountsTableReader.settleSingleRow(into: &b)
        ItemisedBudgets.add(to: &b.facts, year: year, lines: lines, unrecognized: &report.unrecognizedFigureLines)

        report.warnings = b.warnings
        report.recognized = ["facts": b.facts.count, "statements": b.statements.count, "paragraphs": paragraphs.count,
                             "tables": b.tables]
        let document = ImportedDocument(
            unit: ImportedUnit(name: unitName, region: region), year: year, template: template, title: title,
            sourceFile: text.sourceFile, sha256: text.sha256, moneyUnit: .tenThousandYuan, lineCount: lines.count,
            facts: b.facts, statements: b.statements, paragraphs: paragraphs, tables: b.tableRecords)
        return ImportResult(document: document, report: report)
    }
}
