import Core

/// Reads the Jiangsu provincial 部门预算 (`TableTemplate.jiangsu`): a whole disclosure, or
/// one part of a split one (the tables alone, or the narrative alone; `DisclosureParts`
/// joins them). The unit is the name the tables' "部门：" lines print most (else the cover's),
/// the year the first "YYYY年度" of the cover (else of a table title).
public enum JiangsuBudgetReader: TemplateReader {
    public static let template = "jiangsu_budget"
    public static let lastPart: Int? = nil
    static let layout = TableTemplate.jiangsu

    public static func confidence(_ text: SourceText) -> Double {
        let found = Double(BudgetTableReader.locate(text.lines, template: layout).count) / Double(layout.tables.count)
        let head = text.lines.prefix(30).map(\.withoutSpaces).joined()
        let cover = head.contains("部门预算") || head.contains("预算公开")
        // A narrative part: its contents list the 公开表 by title.
        let listed = layout.tables.filter { spec in text.lines.prefix(60).contains { $0.withoutSpaces.hasSuffix(spec.title) } }.count
        let narrative = cover && listed >= layout.tables.count / 2 && found == 0 ? 0.6 : 0
        return max(narrative, min(1, found * 0.85 + (cover ? 0.15 : 0)))
    }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        let lines = text.lines
        guard lines.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw ImportError.empty(file: text.sourceFile) }
        let tables = BudgetTableReader.locate(lines, template: layout)
        let identity = try identity(lines, tables: tables.map(\.range), file: text.sourceFile)
        let year = overrides.year ?? identity.year
        let unitName = overrides.unit ?? identity.unit
        var b = BudgetBuilder(year: year)
        for (spec, range) in tables { _ = BudgetTableReader.read(spec, lines, range, classes: [:], into: &b) }
        var paragraphs: [ImportedParagraph] = []
        BudgetNarrative.read(lines, outside: tables.map(\.range), rules: BudgetNarrative.jiangsuRules, into: &b,
                             paragraphs: &paragraphs)
        var report = ImportReport()
        report.warnings = b.warnings
        report.recognized = ["facts": b.facts.count, "statements": b.statements.count, "paragraphs": paragraphs.count,
                             "tables": b.tables.count]
        let document = ImportedDocument(
            unit: ImportedUnit(name: unitName, aliases: identity.aliases.filter { $0 != unitName },
                               region: DocumentIdentity.region(ofUnit: unitName.hasPrefix("中国共产党")
                                                                   ? "中共" + unitName.dropFirst(5) : unitName)),
            year: year, kind: "预算", scope: "部门", template: template, title: identity.title, sourceFile: text.sourceFile,
            sha256: text.sha256, moneyUnit: .tenThousandYuan, lineCount: lines.count, facts: b.facts, statements: b.statements,
            paragraphs: paragraphs, tables: b.tables)
        return ImportResult(document: document, report: report)
    }

    struct Identity {
        var unit: String
        var aliases: [String]
        var year: Int
        var title: String
    }

    static func identity(_ lines: [String], tables: [ClosedRange<Int>], file: String) throws -> Identity {
        // Names printed on the tables' "部门：" lines, most printed first.
        var counts: [String: Int] = [:]
        for line in lines {
            let s = line.withoutSpaces
            for label in ["部门名称：", "部门：", "部门:"] where s.hasPrefix(label) {
                var name = String(s.dropFirst(label.count))
                if let cut = name.range(of: "单位") { name = String(name[..<cut.lowerBound]) }
                if !name.isEmpty { counts[name, default: 0] += 1 }
                break
            }
        }
        let named = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.count > $1.key.count }.map(\.key)
        let head = lines.prefix(12).map(\.withoutSpaces).filter { !$0.isEmpty }
        let cover = head.prefix(3).joined()
        let chars = Array(cover)
        var year: Int?
        var coverUnit = ""
        if let at = chars.indices.first(where: { DocumentIdentity.statedYear(chars, at: $0) != nil }) {
            year = DocumentIdentity.statedYear(chars, at: at)
            coverUnit = String(chars[..<at])
            // A cover that names only a region before the year ("江苏省2018年…") names the unit after it.
            if coverUnit.isEmpty || DocumentIdentity.region(ofUnit: coverUnit) == coverUnit {
                var rest = String(chars[(at + 5)...])
                if rest.hasPrefix("度") { rest.removeFirst() }
                for end in ["部门预算", "预算公开", "预算"] {
                    if let r = rest.range(of: end) { coverUnit = String(rest[..<r.lowerBound]); break }
                }
            }
        }
        if year == nil {
            // A tables-only part: the year a table title prints ("2017年政府采购预算表").
            for range in tables {
                let title = Array(lines[range.lowerBound - 1].withoutSpaces)
                if let at = title.indices.first(where: { DocumentIdentity.statedYear(title, at: $0) != nil }) {
                    year = DocumentIdentity.statedYear(title, at: at)
                    break
                }
            }
        }
        guard let year else { throw ImportError.invalid(file: file, line: 1, message: "未能从文件中读出预算年度（可用 --year 指定）") }
        guard let unit = named.first ?? (coverUnit.isEmpty ? nil : coverUnit) else {
            throw ImportError.invalid(file: file, line: 1, message: "未能从文件中读出部门名称（可用 --unit 指定）")
        }
        // A name cut short or run into the next cell ("…法", "…法院元") is no alias of the unit.
        let aliases = Array(Set(named + (coverUnit.isEmpty ? [] : [coverUnit]))).filter { name in
            name == unit || !(name.hasPrefix(unit) || unit.hasPrefix(name))
        }
        return Identity(unit: unit, aliases: aliases.sorted(), year: year, title: head.first ?? unit)
    }
}
