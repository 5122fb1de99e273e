import Core

/// Reads the Shanghai district / central 9-table template (部门决算表 + 情况说明).
public enum ShanghaiReader: TemplateReader {
    public static let template = "shanghai"
    /// 第四部分 名词解释 ends a Shanghai disclosure.
    public static let lastPart: Int? = 4

    public static func confidence(_ text: SourceText) -> Double {
        let tables = ShanghaiTables.locate(text.lines)
        let hasNarrative = text.lines.contains { $0.withoutSpaces.containsBytes("情况说明") }
        let found = Double(tables.count) / Double(ShanghaiTables.titles.count)
        return min(1, found * 0.85 + (hasNarrative ? 0.15 : 0))
    }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        let lines = text.lines
        guard lines.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw ImportError.empty(file: text.sourceFile) }
        let tables = ShanghaiTables.locate(lines)
        guard tables["收入支出决算总表"] != nil else { throw ImportError.unknownTemplate(file: text.sourceFile) }

        // Title: the cover lines up to "部门决算".
        var cover = ""
        var titleLine = 1
        for (i, line) in lines.enumerated() where !line.hasPrefix("#") && !line.hasPrefix("[PDF page") {
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
        b.pageStarts = Set(text.pageStarts + lines.indices.filter { lines[$0].hasPrefix("[PDF page") }.map { $0 + 1 })
        b.sortedPageStarts = b.pageStarts.sorted()
        for (i, line) in lines.enumerated() where line.hasPrefix("[PDF page ") {
            if let n = Int(line.dropFirst("[PDF page ".count).prefix(while: \.isASCIIDigitChar)) { b.annotatedPages[i + 1] = n }
        }
        if let first = b.sortedPageStarts.first {
            b.firstPageBeforeStarts = lines.prefix(first - 1).contains { !$0.hasPrefix("#") && !$0.trimmingSpaces.isEmpty }
        }
        // Narrative start: the 第三部分 heading after the tables.
        let lastTableEnd = tables.values.map(\.upperBound).max() ?? 0
        let narrativeStart = (lastTableEnd..<lines.count).first(where: { lines[$0].withoutSpaces.hasPrefix("第三部分") })
            .map({ $0 + 1 }) ?? (lastTableEnd < lines.count ? lastTableEnd + 1 : nil)
        // Totals the 情况说明 states, which settle columns a table's own sums leave open.
        let stated = narrativeStart.map { ShanghaiNarrative.statedTotals(lines, from: $0) } ?? [:]
        func statedTotals(_ measures: [Int: String]) -> [Int: Int64] { measures.compactMapValues { stated[$0] } }
        var report = ImportReport()
        if let r = tables["收入支出决算总表"] { _ = ShanghaiTables.readSummary(lines, r, into: &b) }
        if let r = tables["收入决算表"] {
            // Income columns with a figure in the 总表 are the ones the rows can fill.
            var active: [Int] = []
            let map: [(Int, [String])] = [(1, ["income_general", "income_gov_fund", "income_soe"]), (2, ["income_superior"]),
                                          (3, ["income_business"]), (4, ["income_operating"]), (5, ["income_affiliated"]),
                                          (6, ["income_other"])]
            for (column, measures) in map
            where b.facts.contains(where: { $0.measureID.map(measures.contains) == true && ($0.amountFen ?? 0) != 0 }) {
                active.append(column)
            }
            ShanghaiTables.readCodeTable("收入决算表", lines, r, fund: "all",
                                         columns: ["income_total", "income_fiscal", "income_superior", "income_business",
                                                   "income_operating", "income_affiliated", "income_other"],
                                         headings: ["本年收入合", "财政拨款收", "上级补助", "事业收", "经营收", "附属单", "其他收"],
                                         columnLabels: ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                                                        "附属单位上缴收入", "其他收入"],
                                         active: active.isEmpty ? nil : active, totalMeasures: [:], into: &b)
        }
        if let r = tables["支出决算表"] {
            ShanghaiTables.readCodeTable("支出决算表", lines, r, fund: "all",
                                         columns: ["actual", "basic", "project", "remit_superior", "operating", "affiliated_subsidy"],
                                         headings: ["本年支出合", "基本支出", "项目支", "上缴上级", "经营支", "对附属单位"],
                                         columnLabels: ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                                                        "对附属单位补助支出"],
                                         columnTotals: statedTotals([1: "basic", 2: "project"]),
                                         totalMeasures: ["actual": "expenditure_total", "basic": "basic", "project": "project",
                                                         "remit_superior": "remit_superior", "operating": "operating_expenditure",
                                                         "affiliated_subsidy": "affiliated_subsidy"], into: &b)
        }
        if let r = tables["财政拨款收入支出决算总表"] { ShanghaiTables.readFiscalSummary(lines, r, into: &b) }
        if let r = tables["一般公共预算财政拨款支出决算表"] {
            ShanghaiTables.readCodeTable("一般公共预算财政拨款支出决算表", lines, r, fund: "general",
                                         columns: ["actual", "basic", "project"],
                                         headings: ["合计", "基本支出", "项目支出"],
                                         columnLabels: ["合计", "基本支出", "项目支出"],
                                         columnTotals: statedTotals([1: "general_basic"]),
                                         totalMeasures: ["actual": "general_expenditure", "basic": "general_basic",
                                                         "project": "general_project"], into: &b)
        }
        if let r = tables["一般公共预算财政拨款基本支出决算表"] { ShanghaiTables.readBasicTable(lines, r, into: &b) }
        if let r = tables["财政拨款“三公”经费支出决算表"] { ShanghaiTables.readSangong(lines, r, into: &b) }
        for table in ShanghaiTables.fundTables {
            if let r = tables[table.title] {
                ShanghaiTables.readFundTable(table.title, lines, r, fund: table.fund, totalMeasures: table.totals, into: &b)
            }
        }

        // Narrative: from the 情况说明 heading after the tables.
        let firstTable = tables.values.map(\.lowerBound).min() ?? lines.count
        var paragraphs = ShanghaiNarrative.frontMatter(lines, before: firstTable)
        if let start = narrativeStart {
            ShanghaiNarrative.read(lines, from: start, into: &b, paragraphs: &paragraphs,
                                   unrecognized: &report.unrecognizedFigureLines)
        }
        ShanghaiTables.settleSangong(into: &b)
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
