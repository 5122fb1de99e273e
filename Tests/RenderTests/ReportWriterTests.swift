import Core
@testable import Render
import TestSupport
import XCTest

/// The report writers over a small report shaped like the seed's (figures from
/// fixtures/disclosures/000_aa60969cd7f058a1.txt, lines 56 and 105): goldens
/// `Goldens/report-sample.html` and `.md`, and the properties the browser test relies on.
final class ReportWriterTests: XCTestCase {
    static let sample: AuditReport = {
        let structure = ChartSamples.structure
        let text56 = AuditReport.Provenance(sourceKind: "text", lineFrom: 56, lineTo: 56, note: nil)
        let share = AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "计算：本项 ÷ 合计")
        let table = AuditReport.Table(title: "支出结构", statement: "breakdown 支出 in 2023", shape: structure.shape, rows: structure.rows,
                                      sources: structure.rows.map { _ in [nil, text56, share] }, chart: true)
        let finding = AuditReport.Finding(
            severity: "warning", ruleID: "C4.basic-general", message: "基本支出 636.03 与一般公共预算财政拨款基本支出 636.02 不同 <&>",
            figures: [AuditReport.Figure(label: "基本支出", printed: "636.03", source: text56),
                      AuditReport.Figure(label: "一般公共预算财政拨款基本支出", printed: "636.02",
                                         source: AuditReport.Provenance(sourceKind: "text", lineFrom: 105, lineTo: 105, note: nil))],
            expected: "636.03", stated: "636.02", difference: "-0.01",
            excerpt: [AuditReport.ExcerptLine(number: 56, text: "基本支出636.03万元，占71.53%", highlights: ["636.03"]),
                      AuditReport.ExcerptLine(number: 105, text: nil, highlights: ["636.02"])])
        let info = AuditReport.Finding(severity: "info", ruleID: "D5.shares-sum", message: "占比之和为99.99%", figures: [],
                                       expected: "100%", stated: "99.99%", difference: nil, excerpt: [])
        return AuditReport(title: "部门决算审核底稿", scope: "某单位（2023年决算）", unit: .tenThousandYuan, disclosures: [
            AuditReport.Disclosure(unit: "某单位", year: 2023, title: "某单位2023年度部门决算", tables: [table],
                                   findings: [info, finding], unchecked: ["A5.fiscal-balance：组成部分均未列出"]),
        ])
    }()

    /// A budget's report: headings name the document (2025年部门预算), a section may carry notes
    /// and no table, and the empty report names the kind it covers.
    static let budgetSample: AuditReport = {
        let structure = ChartSamples.structure
        let table157 = AuditReport.Provenance(sourceKind: "table", lineFrom: 157, lineTo: 157, note: nil)
        let table = AuditReport.Table(title: "支出结构", statement: "breakdown 支出 预算 2025", shape: structure.shape, rows: structure.rows,
                                      sources: structure.rows.map { _ in [nil, table157, nil] }, chart: false)
        return AuditReport(title: "部门预算审核底稿", scope: "某单位（2025年预算）", unit: .tenThousandYuan, kind: "预算", disclosures: [
            AuditReport.Disclosure(unit: "某单位", year: 2025, title: "某单位2025年部门预算", tables: [table], findings: [], unchecked: [],
                                   document: "部门预算"),
            AuditReport.Disclosure(unit: "某单位", year: 2025, title: "某单位2025年单位预算", tables: [], findings: [], unchecked: [],
                                   document: "单位预算", notes: ["查询读同年的部门预算（见其一节），本节只列本文件的核对发现。"]),
        ])
    }()

    func testBudgetGoldens() {
        let html = HTMLReportWriter(report: Self.budgetSample).render()
        goldens.assert(html, named: "report-budget-sample.html")
        goldens.assert(MarkdownReportWriter(report: Self.budgetSample).render(), named: "report-budget-sample.md")
        XCTAssertTrue(html.contains("<li><a href=\"#d1\">某单位 2025年部门预算</a>"))
        XCTAssertTrue(html.contains("<h2>某单位 2025年单位预算</h2>\n<p class=\"doc\">某单位2025年单位预算</p>\n<p class=\"note\">查询读同年的部门预算"))
        XCTAssertFalse(html.contains("<figure>"), "a table without chart draws none")
        let empty = AuditReport(title: "部门预算审核底稿", scope: "无已载入的预算", unit: .tenThousandYuan, kind: "预算", disclosures: [])
        XCTAssertTrue(HTMLReportWriter(report: empty).render().contains("范围内没有已载入的预算。"))
        XCTAssertTrue(MarkdownReportWriter(report: empty).render().contains("范围内没有已载入的预算。"))
    }

    func testGoldens() {
        goldens.assert(HTMLReportWriter(report: Self.sample).render(), named: "report-sample.html")
        goldens.assert(MarkdownReportWriter(report: Self.sample).render(), named: "report-sample.md")
    }

    func testHTMLGroupsFindingsBySeverityAndSourcesEveryNumber() {
        let html = HTMLReportWriter(report: Self.sample).render()
        let warning = html.range(of: "<h4 class=\"warning\">警告（1）</h4>")
        let info = html.range(of: "<h4 class=\"info\">提示（1）</h4>")
        XCTAssertNotNil(warning)
        XCTAssertNotNil(info)
        if let warning, let info { XCTAssertLessThan(warning.lowerBound, info.lowerBound, "errors, warnings, then info") }
        XCTAssertTrue(html.contains("不同 &lt;&amp;&gt;"))
        XCTAssertTrue(html.contains("<span class=\"tx\">基本支出<mark>636.03</mark>万元，占71.53%</span>"))
        XCTAssertTrue(html.contains("title=\"正文 第56行\" data-src=\"正56\">636.03</td>"))
        XCTAssertTrue(html.contains("title=\"计算：本项 ÷ 合计\" data-src=\"算\">71.53%</td>"))
        XCTAssertEqual(html.components(separatedBy: "class=\"n num\"").count - 1, 3 * 2 + 2, "every amount and share, and each figure")
        XCTAssertTrue(html.contains("<svg xmlns="))
        XCTAssertTrue(html.contains("section.disclosure, section.findings { break-before: page; }"))
    }

    func testHighlightPrefersTheLongestFigureAndEscapes() {
        XCTAssertEqual(HTMLReportWriter.highlight("占84.69%，84.6<", ["84.6", "84.69%"]), "占<mark>84.69%</mark>，<mark>84.6</mark>&lt;")
        XCTAssertEqual(HTMLReportWriter.highlight("a&b", []), "a&amp;b")
        // A figure is marked only where it stands alone: not the 0 of 2023 or 0.5.
        XCTAssertEqual(HTMLReportWriter.highlight("2023年0万元，占0.5%，0", ["0"]), "2023年<mark>0</mark>万元，占0.5%，<mark>0</mark>")
        XCTAssertEqual(HTMLReportWriter.highlight("占84.69%", ["84.6"]), "占84.69%")
    }

    func testEmptyReportSaysSo() {
        let empty = AuditReport(title: "部门决算审核底稿", scope: "无已载入的决算", unit: .tenThousandYuan, disclosures: [])
        XCTAssertTrue(HTMLReportWriter(report: empty).render().contains("范围内没有已载入的决算"))
        XCTAssertTrue(MarkdownReportWriter(report: empty).render().contains("范围内没有已载入的决算"))
    }
}
