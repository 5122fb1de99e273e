import Foundation
import TestSupport
import XCTest

/// `dq report` on budgets, through the binary: the workpaper of a 部门预算 (Shanghai 2025 商务委,
/// with its 单位预算; Jiangsu 2019 高级人民法院 beside its 2018 budget), and the 预算执行 section
/// of a unit's year with both a 决算 and a 预算 — the pair the Y2 rule tests build: the 2025 商务委
/// 部门预算 as it is and the 2024 财政局 决算 (fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt)
/// imported as 商务委's 2025 final account. Figures are checked against the documents by line;
/// `Goldens/report/*.outline` keep each report's structure (headings, statements, table rows
/// with their source marks); findings are counted against `dq check`.
final class ReportBudgetTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)
    static let shanghai = "2025-shanghai-putuo-shangwuwei-bumen-yusuan"
    static let final = ImportCommandTests.root.appendingPathComponent("fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt").path

    private func dq(_ arguments: [String]) throws -> DQProcess.Result {
        let result = try DQProcess.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    /// An empty database holding the budgets named (files of fixtures/disclosures/budgets).
    private func database(_ budgets: [String], pairedFinal: Bool = false) throws -> String {
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("r.sqlite").path
        _ = try dq(["init", "--empty", "--db", db])
        _ = try dq(["import", "--db", db] + budgets.map(BudgetCommandTests.budget))
        if pairedFinal { _ = try dq(["import", "--db", db, "--unit", "上海市普陀区商务委员会", "--year", "2025", Self.final]) }
        return db
    }

    /// The number of findings `dq check` lists for the database (every year, as the report).
    private func checkCount(_ db: String, _ extra: [String] = []) throws -> Int {
        let json = try DQProcess.run(["check", "--db", db, "--format", "json"] + extra).stdout
        return (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])?.count ?? -1
    }

    /// The `title` (source) of the number cell showing `value` in the row labelled `label`.
    private func source(_ html: String, row label: String, value: String, after heading: String) -> String? {
        guard let start = html.range(of: heading) else { return nil }
        let rest = html[start.upperBound...]
        let section = rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
        guard let row = section.components(separatedBy: "\n").first(where: { $0.hasPrefix("<tr><td>\(label)</td>") || $0.hasPrefix("<tr class=\"total\"><td>\(label)</td>") }),
              let cell = row.components(separatedBy: "<td class=\"n num\" title=\"").first(where: { $0.contains("\">\(value)</td>") })
        else { return nil }
        return String(cell.prefix { $0 != "\"" })
    }

    func testShanghaiBudgetReport() throws {
        let db = try database([Self.shanghai, "2025-shanghai-putuo-shangwuwei-danwei-yusuan"])
        let html = try dq(["report", "--db", db]).stdout   // only budgets loaded: the kind is inferred
        Self.goldens.assert(Self.outline(html), named: "report/budget-shanghai.outline")
        XCTAssertTrue(html.contains("<title>部门预算审核底稿</title>"))
        XCTAssertTrue(html.contains("<h2>上海市普陀区商务委员会 2025年部门预算</h2>"))
        XCTAssertTrue(html.contains("<h2>上海市普陀区商务委员会 2025年单位预算</h2>\n<p class=\"doc\">"))
        XCTAssertTrue(html.contains("<p class=\"note\">查询读同年的部门预算（见其一节），本节只列本文件的核对发现。</p>"))
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding ").count - 1, try checkCount(db))
        // 表一 line 157: 收入总计/支出总计 371,514,655.00 元, kept to the 分 (37151.4655 万元).
        XCTAssertEqual(source(html, row: "本年支出合计", value: "37151.4655", after: "<h3>主要指标</h3>"), "表格 第157行")
        // Line 234 (表三 合计): 基本支出 19,830,655.00, 项目支出 351,684,000.00.
        XCTAssertEqual(source(html, row: "基本支出", value: "1983.0655", after: "<h3>主要指标</h3>"), "表格 第234行")
        XCTAssertEqual(source(html, row: "项目支出", value: "35168.40", after: "<h3>主要指标</h3>"), "表格 第234行")
        // Line 369 (三公 table, 万元): 三公 1.00, 机关运行经费 171.01.
        XCTAssertEqual(source(html, row: "机关运行经费", value: "171.01", after: "<h3>主要指标</h3>"), "表格 第369行")
        // Line 102: 财政拨款支出预算37,151.47万元 … 比2024年预算增加24,491.71万元 — the prior budget 12,659.76
        // and the rate 24,491.71 ÷ 12,659.76 = 1.934612… → +193.46%, computed (the text prints no rate).
        let stated = "<h3>与上年比较（文件所述）</h3>"
        XCTAssertEqual(source(html, row: "财政拨款支出", value: "+24491.71", after: stated), "正文 第102行")
        XCTAssertEqual(source(html, row: "财政拨款支出", value: "+193.46%", after: stated), "计算：增减 ÷ 上年数，四舍五入到 0.01%")
        XCTAssertEqual(source(html, row: "财政拨款支出", value: "12659.76*", after: stated), "推算：本年预算 − 增减")
        XCTAssertEqual((2_449_171 * 10_000 * 2 + 1_265_976) / (2 * 1_265_976), 19_346, "half away from zero: 193.46%")
        // Lines 373–377: 三公 1.00 and 公务接待费 1.00, 与2024年预算持平.
        XCTAssertEqual(source(html, row: "公务接待费", value: "1.00", after: stated), "正文 第377行")
        XCTAssertEqual(source(html, row: "公务接待费", value: "0.00", after: stated), "正文 第377行")
        // 三公 by part: 因公出国（境）费 0 (line 374), 公务接待费 1.00.
        XCTAssertEqual(source(html, row: "公务接待费", value: "100.00%", after: "<h3>“三公”经费结构</h3>"), "计算：本项 ÷ 合计，四舍五入到 0.01%")
        XCTAssertFalse(html.contains("<h3>预算执行"), "no final account loaded: no execution section")
        XCTAssertFalse(html.contains("未找到此数"), "every figure shown is found among the budget's facts")
    }

    /// Jiangsu 2019 beside its 2018 budget: each prior figure is the 2018 document's; the rates
    /// the 2019 text prints (line 662: 收、支预算总计各增加4016.19万元，增长12.11%) are its own.
    func testJiangsuBudgetWithThePriorYearsBudget() throws {
        let db = try database(["2018-jiangsu-shengji-gaojifayuan-bumen-yusuan", "2019-jiangsu-shengji-gaojifayuan-bumen-yusuan"])
        let html = try dq(["report", "--db", db, "--year", "2019"]).stdout
        Self.goldens.assert(Self.outline(html), named: "report/budget-jiangsu-2019.outline")
        XCTAssertEqual(html.components(separatedBy: "<section class=\"disclosure\"").count - 1, 1)
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding ").count - 1, try checkCount(db, ["--year", "2019"]))
        let summary = "<h3>主要指标</h3>"
        XCTAssertEqual(source(html, row: "本年支出合计", value: "37188.34", after: summary), "表格 第214行")
        XCTAssertEqual(source(html, row: "本年支出合计", value: "33172.15", after: summary), "表格 第226行；2018年部门预算")
        let stated = "<h3>与上年比较（文件所述）</h3>"
        XCTAssertEqual(source(html, row: "本年支出合计", value: "+4016.19", after: stated), "正文 第662行")
        XCTAssertEqual(source(html, row: "本年支出合计", value: "+12.11%", after: stated), "正文 第662行")
        // Line 687: 项目支出 减少10% (printed without decimals), shown to 0.01%.
        XCTAssertEqual(source(html, row: "项目支出", value: "−10.00%", after: stated), "正文 第687行")
        // Lines 823–824: 因公出国（境）费160万元，比上年预算减少10万元; 170.00 before it, −5.88% computed.
        XCTAssertEqual(source(html, row: "因公出国（境）费", value: "−5.88%", after: stated), "计算：增减 ÷ 上年数，四舍五入到 0.01%")
        // `dq check` and the report without --for cover units whose only documents are budgets.
        let check = try DQProcess.run(["check", "--db", db])
        XCTAssertTrue(check.stderr.contains("（2 份预算）"), check.stderr)
        // --source quotes the budget's table lines: line 485 (三公 table, 合计 513.75) in the finding's excerpt.
        let file = BudgetCommandTests.budget("2019-jiangsu-shengji-gaojifayuan-bumen-yusuan")
        let quoted = try dq(["report", "--db", db, "--year", "2019", "--source", file]).stdout
        XCTAssertTrue(quoted.contains("<span class=\"ln\">485</span><span class=\"tx\">   2,382.02   <mark>513.75</mark>    160.00"), quoted)
        XCTAssertFalse(quoted.contains("原文未载入"))
        // The 三公 comparison of the two budgets: 620.75 (2018) → 513.75 (2019), −17.24%.
        XCTAssertTrue(html.contains("<tr class=\"total\"><td>合计</td><td class=\"n num\" title=\"表格 第431行；2018年部门预算\" data-src=\"表431\">620.75</td>"), html)
    }

    func testExecutionSectionForAUnitsYearWithBothDocuments() throws {
        let db = try database([Self.shanghai], pairedFinal: true)
        // Every budget has its final account: the 决算 workpaper, with the 预算执行 section.
        let html = try dq(["report", "--db", db]).stdout
        Self.goldens.assert(Self.outline(html), named: "report/execution-pair.outline")
        XCTAssertTrue(html.contains("<title>部门决算审核底稿</title>"))
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding ").count - 1, try checkCount(db))
        let heading = "<h3>预算执行（2025年部门预算 与 2025年决算）</h3>"
        // 一般公共预算财政拨款支出: the budget's 表四 total (line 251, 371,514,655.00 元), the 年初预算 the
        // final account prints (line 487: 年初预算为2993.92万元), its 决算 2,940.05 (表 line 273).
        XCTAssertEqual(source(html, row: "一般公共预算财政拨款支出", value: "37151.4655", after: heading), "表格 第251行；2025年部门预算")
        XCTAssertEqual(source(html, row: "一般公共预算财政拨款支出", value: "2993.92", after: heading), "正文 第487行；决算所载年初预算")
        XCTAssertEqual(source(html, row: "一般公共预算财政拨款支出", value: "2940.05", after: heading), "表格 第273行；2025年决算")
        // 2,940.05 ÷ 37,151.4655 = 7.9135…% → 7.91%; 2,993.92 − 37,151.4655 = −34,157.5455 (restated).
        XCTAssertNotNil(source(html, row: "一般公共预算财政拨款支出", value: "7.91%", after: heading))
        XCTAssertNotNil(source(html, row: "一般公共预算财政拨款支出", value: "−34157.5455", after: heading))
        // 三公: budget 1.00 (line 369), 年初预算 0.95 (决算 表 line 434), 决算 0.00 (line 539).
        XCTAssertEqual(source(html, row: "三公经费", value: "0.95", after: heading), "表格 第434行；决算所载年初预算")
        XCTAssertEqual(source(html, row: "三公经费", value: "0.00", after: heading), "正文 第539行；2025年决算")
        // The section reads what `execution` reads: each row's figures are the statement's.
        let json = try dq(["--db", db, "--format", "json", "-c", "execution 一般公共预算财政拨款支出 2025"]).stdout
        let row = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first)
        XCTAssertEqual(row["budget_document"] as? Double, 37151.4655)
        XCTAssertEqual(row["budget_initial"] as? Double, 2993.92)
        XCTAssertEqual(row["amount"] as? Double, 2940.05)
        XCTAssertEqual(row["execution"] as? Double, 7.91)
        // The restatement check across the two documents (Y2) is among the findings.
        XCTAssertTrue(html.contains("data-rule=\"Y2.budget-restated\""))
        // The budget's workpaper of the same unit and year has the section too.
        let budget = try dq(["report", "--db", db, "--kind", "预算"]).stdout
        XCTAssertTrue(budget.contains("<title>部门预算审核底稿</title>") && budget.contains(heading))
        XCTAssertEqual(try dq(["report", "--db", db, "--kind", "budget"]).stdout, budget)
    }

    /// Every dev budget (fixtures/disclosures/budgets, the split Jiangsu ones as one disclosure
    /// each): one section per disclosure, the findings `dq check` lists, every number sourced.
    func testEveryDevBudgetHasItsWorkpaper() throws {
        let folder = ImportCommandTests.root.appendingPathComponent("fixtures/disclosures/budgets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 19)
        let db = try database(files.map { String($0.dropLast(4)) })
        let disclosures = try dq(["--db", db, "--format", "csv", "--no-header", "-c", "sql SELECT count(*) FROM disclosure"]).stdout
        let html = try dq(["report", "--db", db]).stdout
        XCTAssertEqual("\(html.components(separatedBy: "<section class=\"disclosure\"").count - 1)", disclosures.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding ").count - 1, try checkCount(db))
        XCTAssertFalse(html.contains("未找到此数"), "every figure shown is found among the budgets' facts")
        let numbers = html.components(separatedBy: "class=\"n num\"").dropFirst()
        XCTAssertGreaterThan(numbers.count, 500)
        for cell in numbers { XCTAssertTrue(cell.hasPrefix(" title=\"") && !cell.hasPrefix(" title=\"\""), String(cell.prefix(80))) }
    }

    func testKindIsAskedForWhenTheScopeIsAmbiguous() throws {
        // 商务委's 2025 budget and 财政局's 2024 final account: a budget without its final account.
        let db = try database([Self.shanghai])
        _ = try dq(["import", "--db", db, Self.final])
        let ambiguous = try DQProcess.run(["report", "--db", db])
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertEqual(ambiguous.stdout, "")
        XCTAssertTrue(ambiguous.stderr.contains("范围内既有决算（1 份）又有预算（1 份），且「上海市普陀区商务委员会」2025年部门预算没有同年决算；请用 --kind 决算 或 --kind 预算"),
                      ambiguous.stderr)
        let finals = try dq(["report", "--db", db, "--kind", "决算", "--format", "markdown"]).stdout
        XCTAssertTrue(finals.hasPrefix("# 部门决算审核底稿\n") && finals.contains("## 上海市普陀区财政局 2024年\n"), finals)
        XCTAssertFalse(finals.contains("### 预算执行"))
        let budgets = try dq(["report", "--db", db, "--kind", "预算", "--format", "markdown"]).stdout
        XCTAssertTrue(budgets.hasPrefix("# 部门预算审核底稿\n") && budgets.contains("## 上海市普陀区商务委员会 2025年部门预算\n"), budgets)
        XCTAssertTrue(budgets.contains("- 本年支出合计 · 2025年预算 37151.4655：表格 第157行"), budgets)
        // A narrower scope decides by itself.
        XCTAssertTrue(try dq(["report", "--db", db, "--year", "2025"]).stdout.contains("<title>部门预算审核底稿</title>"))
        XCTAssertTrue(try dq(["report", "--db", db, "--for", "财政局"]).stdout.contains("<title>部门决算审核底稿</title>"))
        let empty = try dq(["report", "--db", db, "--kind", "预算", "--year", "2024"]).stdout
        XCTAssertTrue(empty.contains("范围内没有已载入的预算。"))
        let bad = try DQProcess.run(["report", "--db", db, "--kind", "概算"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--kind 只能是 决算 或 预算"), bad.stderr)
    }

    /// The report's structure, one line per element: headings (without the findings' counts,
    /// which follow the audit), statements, notes, and each table row as label and number
    /// cells with their source marks (正56 = text line 56, 表157 = table line 157, 算 = computed).
    static func outline(_ html: String) -> String {
        var lines: [String] = []
        let cell = try! NSRegularExpression(pattern: "<t[dh]((?:\\s[^>]*)?)>(.*?)</t[dh]>")
        let mark = try! NSRegularExpression(pattern: "data-src=\"([^\"]*)\"")
        var inTable = false
        for line in html.components(separatedBy: "\n") {
            if line.hasPrefix("<table class=\"data\">") { inTable = true }
            if line.hasPrefix("</table>") { inTable = false }
            for (tag, prefix) in [("<h1>", "# "), ("<h2>", "## "), ("<h3>", "### ")] where line.hasPrefix(tag) {
                let text = line.dropFirst(tag.count).prefix { $0 != "<" }
                if !text.hasPrefix("核对发现") { lines.append(prefix + text) }
            }
            if line.hasPrefix("<p class=\"statement\"><code>") || line.hasPrefix("<p class=\"note\">") || line.hasPrefix("<p class=\"doc\">") {
                lines.append("  " + line.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
            }
            guard inTable, line.hasPrefix("<thead>") || line.hasPrefix("<tr>") || line.hasPrefix("<tr class=\"total\">") else { continue }
            let range = NSRange(line.startIndex..., in: line)
            let cells = cell.matches(in: line, range: range).map { match -> String in
                let attributes = String(line[Range(match.range(at: 1), in: line)!])
                let text = String(line[Range(match.range(at: 2), in: line)!])
                let source = mark.firstMatch(in: attributes, range: NSRange(attributes.startIndex..., in: attributes))
                    .map { "[" + String(attributes[Range($0.range(at: 1), in: attributes)!]) + "]" } ?? ""
                return text + source
            }
            lines.append("  | " + cells.joined(separator: " | "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
