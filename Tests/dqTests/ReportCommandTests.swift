import Foundation
import TestSupport
import XCTest

/// `--format svg`/`bar` and `dq report` on the seed, through the binary. Figures are checked
/// against the seed document (fixtures/disclosures/000_aa60969cd7f058a1.txt) by line; the
/// findings are those `dq check` lists, so the report follows the audit as it changes.
final class ReportCommandTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    private func dq(_ arguments: [String]) throws -> DQProcess.Result {
        let result = try DQProcess.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    /// One golden SVG per chart kind on the seed data.
    func testSeedSVGChartsOfEachKind() throws {
        let statements = [("structure", "breakdown 支出"), ("sangong-structure", "breakdown 三公"), ("comparison", "compare 三公 2022 2023"),
                          ("summary", "summary"), ("trend", "trend 三公"), ("ranking", "top 3 units by 基本支出")]
        for (name, statement) in statements {
            Self.goldens.assert(try dq(["--memory", "--format", "svg", "-c", statement]).stdout, named: "svg/seed-\(name).svg")
        }
    }

    func testSeedSVGFiguresAreTheDocumentsChartFigures() throws {
        // Line 56 (图3 支出决算结构图): 基本支出636.03万元，占71.53%；项目支出253.13万元，占28.47%.
        let structure = try dq(["--memory", "--format", "svg", "-c", "breakdown 支出"]).stdout
        for figure in [">636.03<", ">71.53%<", ">253.13<", ">28.47%<", ">889.16<"] { XCTAssertTrue(structure.contains(figure), figure) }
        // Line 119 (图7 三公结构): 公务用车购置及运行维护费12.52万元，占100%；因公出国（境）费、公务接待费 0万元.
        let sangong = try dq(["--memory", "--format", "svg", "-c", "breakdown 三公"]).stdout
        for figure in [">公务用车购置及运行维护费<", ">12.52<", ">100.00%<", ">0.00%<"] { XCTAssertTrue(sangong.contains(figure), figure) }
        // Line 45 (图1): 收、支总计 889.16, 2022 844.82 (derived from 增长44.34万元), +5.25%.
        let summary = try dq(["--memory", "--format", "svg", "-c", "summary"]).stdout
        for figure in [">844.82*<", ">889.16<", ">+5.25%<"] { XCTAssertTrue(summary.contains(figure), figure) }
        // Line 115: 三公 2023 12.52万元，较上年度增长5.63万元，增长81.71% — so 2022 is 12.52 − 5.63 = 6.89,
        // derived (marked *); line 119: 因公出国（境）费 and 公务接待费 0万元. Grouped bars and the trend line.
        let comparison = try dq(["--memory", "--format", "svg", "-c", "compare 三公 2022 2023"]).stdout
        for figure in [">2022年<", ">2023年<", ">6.89*<", ">12.52<", ">+81.71%<", ">因公出国（境）费<", ">公务接待费<", ">0.00<"] {
            XCTAssertTrue(comparison.contains(figure), "comparison: \(figure)")
        }
        XCTAssertEqual(1252 - 563, 689, "the derived 2022 figure is the document's own difference")
        let trend = try dq(["--memory", "--format", "svg", "-c", "trend 三公"]).stdout
        XCTAssertTrue(trend.contains("<polyline points="), "a line for a trend")
        for figure in [">2022年<", ">6.89*<", ">2023年<", ">12.52<", ">+81.71%<"] { XCTAssertTrue(trend.contains(figure), "trend: \(figure)") }
        // Line 56: 基本支出636.03万元 — the one unit's whole ranking (100%).
        let ranking = try dq(["--memory", "--format", "svg", "-c", "top 3 units by 基本支出"]).stdout
        XCTAssertTrue(ranking.contains(">636.03（100.00%）<"), "ranking: 636.03")
    }

    func testBarInAPipeIsTheDataAndModeSvgWritesAFile() throws {
        let bar = try dq(["--memory", "--format", "bar", "-c", "breakdown 支出"]).stdout
        XCTAssertEqual(bar, try dq(["--memory", "--format", "tsv", "-c", "breakdown 支出"]).stdout)
        let directory = try DQProcess.temporaryDirectory(self)
        let file = directory.appendingPathComponent("三公.svg").path
        let script = ".mode svg\n.output \(file)\ncompare 三公 2022 2023\n.output\n"
        let result = try DQProcess.run(["--memory"], stdin: script)
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertEqual(written, try dq(["--memory", "--format", "svg", "-c", "compare 三公 2022 2023"]).stdout)
        XCTAssertTrue(written.contains(">12.52<"))
    }

    /// The findings `dq check` lists on the seed, as (rule, message).
    static func checkFindings() throws -> [(rule: String, message: String)] {
        let json = try DQProcess.run(["--memory", "--format", "json", "-c", "check"]).stdout
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        return rows.map { (($0["rule"] as? String) ?? "", ($0["message"] as? String) ?? "") }
    }

    static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    func testHTMLReportIsSelfContainedAndHoldsEveryFinding() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let file = directory.appendingPathComponent("底稿.html").path
        _ = try dq(["report", "--memory", "-o", file])
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? .max
        XCTAssertLessThan(size, 1_000_000)
        for forbidden in ["<script", "<link", "@import", "url(", "https://", " src=", "<iframe", "<img"] {
            XCTAssertFalse(html.contains(forbidden), "report contains \(forbidden)")
        }
        XCTAssertEqual(html.components(separatedBy: "http://").count - 1, html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1,
                       "the only URL is the SVG namespace")
        let findings = try Self.checkFindings()
        XCTAssertGreaterThan(findings.count, 0)
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding ").count - 1, findings.count)
        for finding in findings {
            XCTAssertTrue(html.contains(Self.escapeHTML(finding.message)), "missing finding \(finding.rule): \(finding.message)")
        }
        // Every number cell says where it comes from.
        let numbers = html.components(separatedBy: "class=\"n num\"").dropFirst()
        XCTAssertGreaterThan(numbers.count, 50)
        for cell in numbers {
            XCTAssertTrue(cell.hasPrefix(" title=\"") && !cell.hasPrefix(" title=\"\""), String(cell.prefix(80)))
        }
        // Line 56: 基本支出636.03 is the text's figure; line 115's 增长5.63 gives 2022's 6.89.
        XCTAssertTrue(html.contains("title=\"正文 第56行\" data-src=\"正56\">636.03</td>"))
        XCTAssertTrue(html.contains("title=\"正文 第115行；推算：= 12.52 − 增长5.63万元\" data-src=\"正115\">6.89*</td>"))
        XCTAssertTrue(html.contains("@page { size: A4"))
        XCTAssertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    func testExcerptsHighlightTheFiguresFromTheSourceFile() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let file = directory.appendingPathComponent("r.html").path
        _ = try dq(["report", "--memory", "--for", "区委办", "--year", "2023", "--source", ImportCommandTests.seed, "-o", file])
        let html = try String(contentsOfFile: file, encoding: .utf8)
        // C4 cites line 105 (基本支出636.02万元) of the seed; table lines (G6: 1193) are quoted from --source.
        XCTAssertTrue(html.contains("<span class=\"ln\">105</span><span class=\"tx\">2023年度一般公共预算财政拨款基本支出<mark>636.02</mark>万元，其中："), html)
        XCTAssertTrue(html.contains("<span class=\"ln\">1193</span>"))
        XCTAssertFalse(html.contains("原文未载入"))
        let plain = try dq(["report", "--memory"]).stdout
        XCTAssertTrue(plain.contains("原文未载入"), "table lines are not stored; without --source they are said to be missing")
    }

    func testMarkdownReportHasTheSameFindingsAndSources() throws {
        let markdown = try dq(["report", "--memory", "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.hasPrefix("# 部门决算审核底稿\n"))
        let findings = try Self.checkFindings()
        XCTAssertEqual(markdown.components(separatedBy: "\n- **").count - 1, findings.count)
        for finding in findings { XCTAssertTrue(markdown.contains("**\(finding.rule)**"), finding.rule) }
        XCTAssertTrue(markdown.contains("- 基本支出 · 2023年 636.03：正文 第56行"), markdown)
        XCTAssertTrue(markdown.contains("| 基本支出"))
    }

    func testReportOfEveryLoadedUnitCoversEachDisclosure() throws {
        // Documents of another template: the seed plus three Shanghai disclosures.
        let directory = try DQProcess.temporaryDirectory(self)
        let db = directory.appendingPathComponent("multi.sqlite").path
        _ = try dq(["init", "--db", db])
        let files = ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"].map {
            ImportCommandTests.root.appendingPathComponent("fixtures/disclosures/2024-shanghai-putuo-\($0).txt").path
        }
        _ = try dq(["import", "--db", db] + files)
        let html = try dq(["report", "--db", db]).stdout
        XCTAssertEqual(html.components(separatedBy: "<section class=\"disclosure\"").count - 1, 4)
        let json = try DQProcess.run(["check", "--db", db, "--format", "json"]).stdout  // every year, as the report
        let findings = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding ").count - 1, findings.count)
        XCTAssertFalse(html.contains("未找到此数"), "every figure the statements show is found among the facts")
        let single = try dq(["report", "--db", db, "--for", "规划", "--year", "2024"]).stdout
        XCTAssertEqual(single.components(separatedBy: "<section class=\"disclosure\"").count - 1, 1)
        XCTAssertTrue(single.contains("<h2>上海市普陀区规划和自然资源局 2024年</h2>"))
    }

    func testBadOptionsAreUsageErrors() throws {
        let unknown = try DQProcess.run(["report", "--memory", "--for", "不存在的单位"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertFalse(unknown.stderr.isEmpty)
        XCTAssertEqual(try DQProcess.run(["report", "--memory", "--format", "pdf"]).status, 2)
        let empty = try dq(["report", "--memory", "--year", "1999"]).stdout
        XCTAssertTrue(empty.contains("范围内没有已载入的决算"))
    }
}
