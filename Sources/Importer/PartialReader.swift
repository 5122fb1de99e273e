import Core

/// Reads a disclosure no template recognizes, as a partial document (template `partial`):
/// its identity from its own title, cover and headings (`PartialIdentity`), its paragraphs,
/// the statements the narrative rules of the known templates read from its sentences (both
/// sets of rules run and are joined by `ReadingMerge`: what they read differently is left
/// out), a 三公 table recognized by its title and headings (`PartialSangongTable`), and the
/// tables of the 9-table description whose titles it prints, where their own sums hold (`PartialTables`).
/// Nothing is assumed: a figure no rule reads with certainty is not stored.
///
/// It is never chosen by confidence: `DocumentImporter` falls back to it when no template
/// recognizes a text (or the one that seemed to refuses it), and `--template partial` names it.
public enum PartialReader: TemplateReader {
    public static let template = "partial"
    public static let lastPart: Int? = nil

    public static func confidence(_ text: SourceText) -> Double { 0 }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        let lines = text.lines
        guard lines.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw ImportError.empty(file: text.sourceFile) }
        guard let identity = try PartialIdentity.identify(lines, file: text.sourceFile, overrides: overrides) else {
            throw ImportError.unknownTemplate(file: text.sourceFile)
        }
        let year = identity.year
        let table = PartialSangongTable.read(lines, year: year)
        let others = PartialTables.read(lines, year: year)
        let tables = ((table.table.map { [$0] } ?? []) + others.tables).sorted { $0.lineFrom < $1.lineFrom }

        // Sentences worded as the 9-table template words them (with the tables' figures, which
        // their completion rates refer to) …
        var worded = ShanghaiBuilder(year: year, priorYear: DocumentIdentity.priorYear(in: lines, year: year))
        worded.facts = table.facts + others.facts
        worded.recognizedLines = Set(worded.facts.map(\.provenance.lineFrom))
        var paragraphs: [ImportedParagraph] = []
        var unread: [Int] = []
        ShanghaiNarrative.read(lines, from: 1, into: &worded, paragraphs: &paragraphs, unrecognized: &unread)

        // … and as the Sichuan template words them, one paragraph at a time (its rules read
        // numbers without thousands separators: they read the text without them, and each
        // figure gets back the number as printed).
        var narrative = SichuanNarrative(year: year)
        for prose in self.prose(lines.map(PrintedNumbers.withoutSeparators)) {
            let before = (narrative.builder.facts.count, narrative.builder.statements.count)
            narrative.read(line: prose.line, text: prose.text, section: prose.section, isHeading: prose.headingLevel != nil)
            if !prose.lineStarts.isEmpty { narrative.builder.placeOnLines(of: prose, factsFrom: before.0, statementsFrom: before.1) }
        }
        PrintedNumbers.restore(&narrative.builder.facts, &narrative.builder.statements, lines: lines)
        let (merged, uncertain) = ReadingMerge.merge(
            ReadingMerge.Reading(facts: worded.facts, statements: worded.statements),
            ReadingMerge.Reading(facts: narrative.builder.facts, statements: narrative.builder.statements), lines: lines)
        guard !merged.facts.isEmpty else {
            throw ImportError.unidentified(file: text.sourceFile, missing: "可以确定的数字（总计、“三公”经费等）")
        }
        let recognized = worded.recognizedLines.union(narrative.builder.recognizedLines)
        let unrecognized = Set(unread).subtracting(recognized).sorted()

        var aliases = identity.aliases
        for alias in narrative.aliases where alias != identity.unit && !aliases.contains(alias) { aliases.append(alias) }
        let document = ImportedDocument(
            unit: ImportedUnit(name: identity.unit, aliases: aliases, region: DocumentIdentity.region(ofUnit: identity.unit)),
            year: year, kind: identity.kind, scope: identity.scope, template: template, title: identity.title,
            sourceFile: text.sourceFile, sha256: text.sha256, moneyUnit: .tenThousandYuan,
            lineCount: lines.last == "" ? lines.count - 1 : lines.count, facts: merged.facts, statements: merged.statements,
            paragraphs: paragraphs, tables: tables)
        var report = ImportReport()
        report.recognized = ["facts": document.facts.count, "statements": document.statements.count,
                             "paragraphs": paragraphs.count, "tables": document.tables.count]
        report.unrecognizedFigureLines = unrecognized
        report.warnings = [summary(document, uncertain: uncertain, unrecognized: unrecognized)] + table.warnings + others.warnings
        return ImportResult(document: document, report: report)
    }

    /// The text's lines under their headings (`SichuanSections`' heading levels), re-joined
    /// into paragraphs when the text is hard-wrapped. Unlike a Sichuan document, nothing here is
    /// taken for reviewers' comments or chart data: every line is prose.
    static func prose(_ lines: [String]) -> [SichuanSections.ProseLine] {
        var prose: [SichuanSections.ProseLine] = []
        var stack: [Int: String] = [:]
        for (index, raw) in lines.enumerated() where !raw.hasPrefix("\t") && !raw.hasPrefix("#") && !raw.hasPrefix("[PDF page") {
            let text = raw.sichuanTrimmed
            if text.isEmpty { continue }
            let level = SichuanSections.headingLevel(text)
            if let level { stack = stack.filter { $0.key < level } }
            let section = stack.keys.sorted().map { stack[$0]! }.joined(separator: " / ")
            prose.append(SichuanSections.ProseLine(line: index + 1, text: text, section: section, headingLevel: level, kind: "text"))
            if let level { stack[level] = text }
        }
        return SichuanSections.isHardWrapped(prose, lines: lines) ? SichuanSections.joined(prose) : prose
    }

    /// The import's first warning: the document is partial, and what was read of it.
    static func summary(_ document: ImportedDocument, uncertain: Int, unrecognized: [Int]) -> String {
        let fromTables = document.facts.filter { $0.provenance.kind == "table" }.count
        let derived = document.facts.filter(\.isDerived).count
        var kinds: [String: Int] = [:]
        for s in document.statements { kinds[s.kind, default: 0] += 1 }
        let names = [("share", "占比"), ("change", "增减"), ("growth", "增幅"), ("completion", "完成预算"), ("execution", "执行率")]
        let statements = names.compactMap { kind, name in kinds[kind].map { "\(name) \($0)" } }
        var text = "模板无法识别，按部分文档导入（模板记为 partial）：读到数字 \(document.facts.count - derived) 个"
            + "（表格 \(fromTables)、文字 \(document.facts.count - derived - fromTables)），由增减推算的上年数 \(derived) 个，"
            + "说明 \(document.statements.count) 条" + (statements.isEmpty ? "" : "（" + statements.joined(separator: "、") + "）")
        if !document.tables.isEmpty { text += "，表格：" + document.tables.map { "「\($0.title)」" }.joined(separator: "、") }
        text += "；其余内容只作为段落保存"
        if uncertain > 0 { text += "；两种读法不一致或与句意不符而未导入的数字或说明 \(uncertain) 项" }
        if !unrecognized.isEmpty {
            text += "；有数字而未读的行 \(unrecognized.count) 行（第 " + unrecognized.prefix(10).map(String.init).joined(separator: "、")
                + (unrecognized.count > 10 ? " 等" : "") + " 行）"
        }
        return text
    }
}
