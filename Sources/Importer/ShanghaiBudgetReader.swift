import Core

/// Reads the Shanghai district budget template (部门预算 and 单位预算, nine tables; tables
/// 1–8 in 元, the 三公 table and the prose in 万元). Unit, year and scope come from the cover:
/// "…2025年区级部门预算" / "…单位预算" and the "预算主管部门：" / "预算单位：" line.
public enum ShanghaiBudgetReader: TemplateReader {
    public static let template = "shanghai_budget"
    public static let lastPart: Int? = nil
    static let layout = TableTemplate.shanghai

    public static func confidence(_ text: SourceText) -> Double {
        let found = Double(BudgetTableReader.locate(text.lines, template: layout).count) / Double(layout.tables.count)
        let cover = text.lines.prefix(12).contains { $0.withoutSpaces.hasSuffix("预算") && $0.containsBytes("年") }
        return min(1, found * 0.85 + (cover ? 0.15 : 0))
    }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        let lines = text.lines
        guard lines.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw ImportError.empty(file: text.sourceFile) }
        let identity = try BudgetCover.read(lines, file: text.sourceFile)
        let year = overrides.year ?? identity.year
        let unitName = overrides.unit ?? identity.unit
        let tables = BudgetTableReader.locate(lines, template: layout)
        guard !tables.isEmpty else { throw ImportError.unknownTemplate(file: text.sourceFile) }

        var b = BudgetBuilder(year: year)
        // Code tables first: the 类 names they print name the rows of the two-sided tables.
        var classes: [String: String] = [:]
        for (spec, range) in tables {
            if case .codes = spec.shape {
                classes.merge(BudgetTableReader.read(spec, lines, range, classes: [:], into: &b)) { first, _ in first }
            }
        }
        for (spec, range) in tables {
            if case .codes = spec.shape { continue }
            _ = BudgetTableReader.read(spec, lines, range, classes: classes, into: &b)
        }
        var paragraphs: [ImportedParagraph] = []
        BudgetNarrative.read(lines, outside: tables.map(\.range), rules: BudgetNarrative.shanghaiRules, into: &b,
                             paragraphs: &paragraphs)
        b.tables.sort { $0.lineFrom < $1.lineFrom }

        var report = ImportReport()
        report.warnings = b.warnings
        report.recognized = ["facts": b.facts.count, "statements": b.statements.count, "paragraphs": paragraphs.count,
                             "tables": b.tables.count]
        let document = ImportedDocument(
            unit: ImportedUnit(name: unitName, region: DocumentIdentity.region(ofUnit: unitName)), year: year, kind: "预算",
            scope: identity.scope, template: template, title: identity.title, sourceFile: text.sourceFile, sha256: text.sha256,
            moneyUnit: .yuan, lineCount: lines.count, facts: b.facts, statements: b.statements, paragraphs: paragraphs,
            tables: b.tables)
        return ImportResult(document: document, report: report)
    }
}

/// What a budget's cover says: its title, year, scope and unit.
struct BudgetCover {
    var title: String
    var year: Int
    var scope: String
    var unit: String

    /// The first line ending in 部门预算/单位预算 with a year, and the unit line after it
    /// ("预算主管部门：…", "预算单位：…", "部门：…", "部门名称：…"); the unit falls back to the
    /// title's text before the year.
    static func read(_ lines: [String], file: String) throws -> BudgetCover {
        guard let titleIndex = lines.prefix(40).firstIndex(where: {
            let s = $0.withoutSpaces
            return (s.hasSuffix("部门预算") || s.hasSuffix("单位预算")) && s.containsBytes("年")
        }) else {
            throw ImportError.invalid(file: file, line: 1, message: "封面未写明预算年度（应有“某某年部门预算”字样）")
        }
        let title = lines[titleIndex].withoutSpaces
        let chars = Array(title)
        guard let at = chars.indices.first(where: { DocumentIdentity.statedYear(chars, at: $0) != nil }),
              let year = DocumentIdentity.statedYear(chars, at: at) else {
            throw ImportError.invalid(file: file, line: titleIndex + 1, message: "封面的预算年度无法识别")
        }
        let scope = title.hasSuffix("单位预算") ? "单位" : "部门"
        var unit = String(chars[..<at])
        for line in lines[titleIndex...].prefix(8) {
            let s = line.withoutSpaces
            for label in ["预算主管部门：", "预算单位：", "部门名称：", "部门：", "预算主管部门:", "预算单位:"] where s.hasPrefix(label) {
                unit = String(s.dropFirst(label.count))
                return BudgetCover(title: title, year: year, scope: scope, unit: unit)
            }
        }
        guard !unit.isEmpty else {
            throw ImportError.invalid(file: file, line: titleIndex + 1, message: "封面未写明预算单位")
        }
        return BudgetCover(title: title, year: year, scope: scope, unit: unit)
    }
}
