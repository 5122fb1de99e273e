import Core

/// Writes an `AuditReport` as Markdown, for notes kept in Markdown: the same sections as the
/// HTML report, tables as pipe tables each followed by the source of its numbers (footnote
/// list), charts as bar text in a code block, and findings with their excerpt quoted and the
/// figures in bold.
public struct MarkdownReportWriter {
    public let report: AuditReport

    public init(report: AuditReport) {
        self.report = report
    }

    public func render() -> String {
        var text = "# \(report.title)\n\n\(report.scope)；金额单位：\(report.unit.rawValue)；* 为文件未直接印出的数。\n"
        if report.disclosures.isEmpty { text += "\n范围内没有已载入的\(report.kind)。\n" }
        for disclosure in report.disclosures {
            text += "\n## \(disclosure.heading)\n\n\(disclosure.title)\n"
            for note in disclosure.notes { text += "\n\(Self.inline(note))\n" }
            for table in disclosure.tables { text += self.table(table) }
            text += "\n### 核对发现（\(disclosure.findings.count) 项）\n"
            for severity in AuditReport.severities {
                let findings = disclosure.findings.filter { $0.severity == severity.id }
                guard !findings.isEmpty else { continue }
                text += "\n#### \(severity.name)（\(findings.count)）\n"
                for finding in findings { text += self.finding(finding) }
            }
            if disclosure.findings.isEmpty { text += "\n未发现问题。\n" }
            if !disclosure.unchecked.isEmpty {
                text += "\n#### 未能核对\n\n" + disclosure.unchecked.map { "- \(Self.inline($0))\n" }.joined()
            }
        }
        return text
    }

    private func table(_ table: AuditReport.Table) -> String {
        var text = "\n### \(table.title)\n\n`\(table.statement)`\n\n"
        if table.chart, let chart = ChartData(shape: table.shape, rows: table.rows, unit: report.unit) {
            text += "```\n" + BarChartRenderer(chart: chart, width: 80).render() + "```\n\n"
        }
        text += ResultWriter.render(shape: table.shape, rows: table.rows, options: RenderOptions(format: .markdown, unit: report.unit))
        let formatter = CellFormatter(unit: report.unit)
        var notes: [String] = []
        for (rowIndex, row) in table.rows.enumerated() {
            let label = row.cells.first.map { formatter.human($0, kind: table.shape.columns[0].kind) } ?? ""
            for (index, column) in table.shape.columns.enumerated() where index < row.cells.count && row.cells[index] != .null {
                guard rowIndex < table.sources.count, index < table.sources[rowIndex].count,
                      let source = table.sources[rowIndex][index] else { continue }
                notes.append("- \(Self.inline(label)) · \(Self.inline(column.title)) \(formatter.human(row.cells[index], kind: column.kind))：\(Self.inline(source.description))")
            }
        }
        if !notes.isEmpty { text += "\n<details><summary>数字出处</summary>\n\n" + notes.joined(separator: "\n") + "\n\n</details>\n" }
        return text
    }

    private func finding(_ finding: AuditReport.Finding) -> String {
        var text = "\n- **\(finding.ruleID)** \(Self.inline(finding.message))"
        var facts: [String] = []
        if let expected = finding.expected { facts.append("应为 **\(Self.inline(expected))**") }
        if let stated = finding.stated { facts.append("文件所列 **\(Self.inline(stated))**") }
        if let difference = finding.difference { facts.append("差额 **\(Self.inline(difference))**") }
        text += (facts.isEmpty ? "" : "  \n  " + facts.joined(separator: "；")) + "\n"
        for figure in finding.figures {
            text += "  - \(Self.inline(figure.label)) \(Self.inline(figure.printed ?? "（推算）"))（\(Self.inline(figure.source.description))）\n"
        }
        if !finding.excerpt.isEmpty {
            text += "\n"
            for line in finding.excerpt {
                let body = line.text.map { text in
                    ExcerptHighlighter.segments(text, line.highlights).map { $0.isFigure ? "**\(Self.inline($0.text))**" : Self.inline($0.text) }.joined()
                } ?? "（原文未载入）"
                text += "  > \(line.number)　\(body)  \n"
            }
        }
        return text
    }

    /// Text safe inside a Markdown line: `*`, `_`, `|`, backquotes and angle brackets escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            if "*_|`<>[]\\".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }
}
