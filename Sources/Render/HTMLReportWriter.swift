import Core

/// Writes an `AuditReport` as one self-contained HTML file: inline CSS and SVG, no script,
/// no font, no request (a Content-Security-Policy forbids any), so it opens offline and
/// prints as an A4 working paper (each disclosure and its findings start a new page).
///
/// Every number cell carries its provenance: a `title` (shown on hover) and a `data-src`
/// mark that print CSS writes small after the number (正56 = text line 56, 表1193 = table,
/// 算 = computed). Findings are grouped by severity; each shows its figures and the lines
/// of the document they are printed on, with the figures highlighted (`<mark>`).
public struct HTMLReportWriter {
    public let report: AuditReport

    public init(report: AuditReport) {
        self.report = report
    }

    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(report.title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>\(Self.escape(report.title))</h1>
            <p class="scope">\(Self.escape(report.scope))；金额单位：\(report.unit.rawValue)；* 为文件未直接印出的数（由变动额推算或由各项相加）。</p>
            <nav><ol>

            """
        for (index, disclosure) in report.disclosures.enumerated() {
            let counts = AuditReport.severities.map { severity in
                "\(severity.name) \(disclosure.findings.filter { $0.severity == severity.id }.count)"
            }
            html += "<li><a href=\"#d\(index + 1)\">\(Self.escape(disclosure.heading))</a>"
                + "（核对发现 \(disclosure.findings.count) 项：\(counts.joined(separator: "，"))）</li>\n"
        }
        html += "</ol></nav>\n</header>\n"
        if report.disclosures.isEmpty { html += "<p class=\"empty\">范围内没有已载入的\(Self.escape(report.kind))。</p>\n" }
        for (index, disclosure) in report.disclosures.enumerated() {
            html += section(disclosure, number: index + 1)
        }
        html += "</body>\n</html>\n"
        return html
    }

    private func section(_ disclosure: AuditReport.Disclosure, number: Int) -> String {
        var html = "<section class=\"disclosure\" id=\"d\(number)\">\n"
        html += "<h2>\(Self.escape(disclosure.heading))</h2>\n<p class=\"doc\">\(Self.escape(disclosure.title))</p>\n"
        for note in disclosure.notes { html += "<p class=\"note\">\(Self.escape(note))</p>\n" }
        for table in disclosure.tables { html += self.table(table) }
        html += "<section class=\"findings\">\n<h3>核对发现（\(disclosure.findings.count) 项）</h3>\n"
        var findingNumber = 0
        for severity in AuditReport.severities {
            let findings = disclosure.findings.filter { $0.severity == severity.id }
            guard !findings.isEmpty else { continue }
            html += "<h4 class=\"\(severity.id)\">\(severity.name)（\(findings.count)）</h4>\n"
            for finding in findings {
                findingNumber += 1
                html += self.finding(finding, id: "d\(number)-f\(findingNumber)")
            }
        }
        if disclosure.findings.isEmpty { html += "<p>未发现问题。</p>\n" }
        if !disclosure.unchecked.isEmpty {
            html += "<h4>未能核对</h4>\n<ul class=\"unchecked\">\n"
            for line in disclosure.unchecked { html += "<li>\(Self.escape(line))</li>\n" }
            html += "</ul>\n"
        }
        html += "</section>\n</section>\n"
        return html
    }

    private func table(_ table: AuditReport.Table) -> String {
        var html = "<section class=\"part\">\n<h3>\(Self.escape(table.title))</h3>\n"
        html += "<p class=\"statement\"><code>\(Self.escape(table.statement))</code></p>\n"
        if table.chart, let chart = ChartData(shape: table.shape, rows: table.rows, unit: report.unit) {
            html += "<figure>\n" + SVGChartWriter(chart: chart, unit: report.unit).inline() + "</figure>\n"
        }
        let formatter = CellFormatter(unit: report.unit)
        html += "<table class=\"data\">\n<thead><tr>"
        for column in table.shape.columns {
            html += "<th class=\"\(Self.isNumeric(column.kind) ? "n" : "t")\">\(Self.escape(column.title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in table.rows.enumerated() {
            if let block = row.block, table.shape.hasBlocks, Set(table.rows.map(\.block)).count > 1,
               rowIndex == 0 || table.rows[rowIndex - 1].block != block {
                html += "<tr class=\"block\"><th colspan=\"\(table.shape.columns.count)\">\(Self.escape(block))</th></tr>\n"
            }
            html += row.isTotal ? "<tr class=\"total\">" : "<tr>"
            for (index, column) in table.shape.columns.enumerated() {
                let cell = index < row.cells.count ? row.cells[index] : .null
                var text = formatter.human(cell, kind: column.kind)
                if row.derivedCells.contains(index), cell != .null { text += "*" }
                guard Self.isNumeric(column.kind) else {
                    let indent = index == 0 || column.name == "name" ? max(0, (row.level ?? 1) - 1) : 0
                    html += indent > 0 ? "<td style=\"padding-left:\(indent + 1)em\">" : "<td>"
                    html += Self.escape(text) + "</td>"
                    continue
                }
                let source = rowIndex < table.sources.count && index < table.sources[rowIndex].count ? table.sources[rowIndex][index] : nil
                if cell == .null || source == nil {
                    html += "<td class=\"n\">\(Self.escape(text))</td>"
                } else if let source {
                    html += "<td class=\"n num\" title=\"\(Self.escape(source.description))\" data-src=\"\(Self.escape(source.mark))\">\(Self.escape(text))</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    private func finding(_ finding: AuditReport.Finding, id: String) -> String {
        var html = "<article class=\"finding \(finding.severity)\" id=\"\(id)\" data-rule=\"\(Self.escape(finding.ruleID))\">\n"
        html += "<p class=\"message\"><span class=\"rule\">\(Self.escape(finding.ruleID))</span> \(Self.escape(finding.message))</p>\n"
        var facts: [String] = []
        if let expected = finding.expected { facts.append("应为 <b>\(Self.escape(expected))</b>") }
        if let stated = finding.stated { facts.append("文件所列 <b>\(Self.escape(stated))</b>") }
        if let difference = finding.difference { facts.append("差额 <b>\(Self.escape(difference))</b>") }
        if !facts.isEmpty { html += "<p class=\"facts\">\(facts.joined(separator: "；"))</p>\n" }
        if !finding.figures.isEmpty {
            html += "<table class=\"figures\"><tbody>\n"
            for figure in finding.figures {
                html += "<tr><td>\(Self.escape(figure.label))</td>"
                html += "<td class=\"n num\" title=\"\(Self.escape(figure.source.description))\" data-src=\"\(Self.escape(figure.source.mark))\">\(Self.escape(figure.printed ?? "（推算）"))</td>"
                html += "<td class=\"src\">\(Self.escape(figure.source.description))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        if !finding.excerpt.isEmpty {
            html += "<blockquote class=\"excerpt\">\n"
            for line in finding.excerpt {
                html += "<div class=\"line\"><span class=\"ln\">\(line.number)</span>"
                if let text = line.text {
                    html += "<span class=\"tx\">\(Self.highlight(text, line.highlights))</span></div>\n"
                } else {
                    html += "<span class=\"tx missing\">（原文未载入；用 --source 指定原文件可显示）</span></div>\n"
                }
            }
            html += "</blockquote>\n"
        }
        html += "</article>\n"
        return html
    }

    /// Escapes `text` and wraps each cited figure in `<mark>`.
    static func highlight(_ text: String, _ figures: [String]) -> String {
        ExcerptHighlighter.segments(text, figures).map { $0.isFigure ? "<mark>" + escape($0.text) + "</mark>" : escape($0.text) }.joined()
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }

    static func isNumeric(_ kind: ColumnKind) -> Bool {
        if case .text = kind { return false }
        return true
    }

    static let css = """

        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
               color: #222; max-width: 960px; margin: 0 auto; padding: 16px; line-height: 1.5; font-size: 14px; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid #3b6ea5; margin-top: 32px; }
        h3 { font-size: 16px; margin: 20px 0 6px; } h4 { margin: 14px 0 6px; }
        h4.error { color: #b3261e; } h4.warning { color: #9a5b00; } h4.info { color: #3b6ea5; }
        .scope, .doc, .statement, .note { color: #555; margin: 2px 0; } code { font-size: 12px; }
        figure { margin: 8px 0; } figure svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; margin: 6px 0; }
        table.data th, table.data td { border-bottom: 1px solid #ddd; padding: 2px 8px; }
        th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.t { text-align: left; } tr.total td { border-top: 1px solid #888; font-weight: bold; }
        tr.block th { text-align: left; background: #eef3f8; }
        td.num { cursor: help; text-decoration: underline dotted #aaa; }
        article.finding { border-left: 4px solid #ccc; padding: 4px 10px; margin: 10px 0; break-inside: avoid; }
        article.error { border-color: #b3261e; } article.warning { border-color: #e0a000; } article.info { border-color: #3b6ea5; }
        .rule { font-family: monospace; font-size: 12px; background: #f0f0f0; padding: 0 4px; }
        .message { margin: 2px 0; } .facts { margin: 2px 0; color: #333; }
        table.figures td { padding: 1px 8px; font-size: 13px; } td.src { color: #666; }
        blockquote.excerpt { margin: 6px 0; padding: 4px 8px; background: #fafafa; border: 1px solid #eee; font-size: 13px; }
        .line { display: flex; gap: 10px; } .ln { color: #999; min-width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
        .tx { white-space: pre-wrap; word-break: break-all; } .missing { color: #999; }
        mark { background: #ffe08a; padding: 0 1px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; } nav { display: none; }
          section.disclosure, section.findings { break-before: page; } section.part { break-inside: avoid; }
          td.num::after { content: " " attr(data-src); font-size: 6pt; color: #777; vertical-align: super; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
