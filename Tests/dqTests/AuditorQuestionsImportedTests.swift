import Core
import Foundation
import XCTest

/// Audit questions over the seed and the three Shanghai documents imported through
/// `dq import`, asked through the binary; figures cite fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt.
final class AuditorQuestionsImportedTests: XCTestCase {
    private func database() throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("all.sqlite").path
        let files = ["000_aa60969cd7f058a1.txt", "2024-shanghai-putuo-caizhengju.txt",
                     "2024-shanghai-putuo-guihuaziyuanju.txt", "2024-shanghai-putuo-shehuigongzuobu.txt"]
        let fixtures = ImportedUnitsQueryTests.fixtures
        let result = try DQProcess.run(["import", "--db", path] + files.map { fixtures.appendingPathComponent($0).path })
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    private func fen(_ text: String) -> String { Amount(printed: text, unit: .tenThousandYuan).map { String($0.fen) } ?? "?" }

    /// TSV rows with amounts in 分 (unit = 元 and exact: the raw integers would need a format;
    /// the 万元 display of two decimals is exact for these figures).
    private func run(_ db: String, _ query: String) throws -> (rows: [[String]], stderr: String) {
        let result = try DQProcess.run(["--db", db, "--format", "tsv", "--no-header", "-c", query])
        XCTAssertEqual(result.status, 0, "\(query): \(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return (rows, result.stderr)
    }

    func testQuestionsAcrossImportedUnits() throws {
        let db = try database()

        // breakdown 302 (economic classification, 基本支出决算表 lines 319-404): 302 商品和服务支出
        // 171.07 with 30201 办公费 21.21 (line 321), 30228 工会经费 24.42 (line 381), 30229 福利费 42.77
        // (line 384), 30239 其他交通费用 48.49 (line 390).
        let economic = try run(db, "breakdown 302 for 财政局").rows   // unit code name amount share level is_total derived
        let byCode = Dictionary(economic.map { ($0[1], $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(byCode["30201"]?[3], "21.21")
        XCTAssertEqual(byCode["30228"]?[3], "24.42")
        XCTAssertEqual(byCode["30229"]?[3], "42.77")
        XCTAssertEqual(byCode["30239"]?[3], "48.49")
        XCTAssertEqual(byCode["30201"]?[2], "办公费")
        XCTAssertEqual(economic.last?[1], "302")
        XCTAssertEqual(economic.last?[3], "171.07")
        XCTAssertEqual(economic.last?[6], "true")
        XCTAssertEqual(byCode["30229"]?[4], "25.00", "42.77 / 171.07 = 25.0015% → 25.00")

        // breakdown 3: the four economic classes of 基本支出 2336.91 (line 309): 301 2082.85 (line 319),
        // 302 171.07, 303 69.41 (line 360), 310 13.58 (line 399).
        let classes = try run(db, "breakdown 3 for 财政局").rows
        XCTAssertEqual(classes.map { $0[1] }, ["301", "302", "303", "310", "3"])
        XCTAssertEqual(classes.map { $0[3] }, ["2082.85", "171.07", "69.41", "13.58", "2336.91"])

        // breakdown 2 / by 类: the classes of 本年支出合计 2940.05 (line 273): 201 2106.66 (line 290),
        // 221 445.69 (line 305); the total is the printed figure, not the sum of the 项 (2940.06).
        for statement in ["breakdown 2 for 财政局", "breakdown 本年支出合计 by 类 for 财政局"] {
            let rows = try run(db, statement).rows
            XCTAssertEqual(rows.first?[1], "201", statement)
            XCTAssertEqual(rows.first?[3], "2106.66", statement)
            XCTAssertEqual(rows.first { $0[1] == "221" }?[3], "445.69", statement)
            XCTAssertTrue(rows.last?.contains("2940.05") ?? false, statement)
        }
        // 基本支出 by 类: line 290 prints 201 with 基本支出 1503.52; total 2336.91 (line 309).
        let basic = try run(db, "breakdown 基本支出 by 类 for 财政局").rows
        XCTAssertEqual(basic.first?[3], "1503.52")
        XCTAssertEqual(basic.last?[3], "2336.91")

        // where on an economic breakdown: the 款 above 20% of 302.
        let large = try run(db, "breakdown 302 for 财政局 where share > 20% and is_total = 0").rows
        XCTAssertEqual(large.map { $0[1] }, ["30229", "30239"])

        // top by a code: units without a 201 value are named on stderr, not left out silently.
        let top = try run(db, "top 5 units by 201 in 2024")
        XCTAssertEqual(top.rows.first?[1], "上海市普陀区财政局")
        XCTAssertEqual(top.rows.first?[2], "2106.66")
        XCTAssertTrue(top.stderr.contains("「上海市普陀区规划和自然资源局」没有 2024 年的「201 一般公共服务支出」数值"), top.stderr)

        // A year nobody loaded is said so.
        let empty = try run(db, "summary 2019 for 财政局")
        XCTAssertTrue(empty.stderr.contains("没有 2019 年的决算数据"), empty.stderr)
        XCTAssertTrue(empty.rows.allSatisfy { $0[3] == "" }, "blank stays blank, never 0")
    }
}

/// Scripts: statements spanning lines, and --keep-going going on after a failed statement.
final class MultiLineScriptTests: XCTestCase {
    func testStatementsSpanLinesAndKeepGoingIsPerStatement() throws {
        let script = try DQProcess.temporaryDirectory(self).appendingPathComponent("multi.dq")
        try """
            compare 三公 2022 2023 where
              change > 0   -- only increases
            bogus; breakdown 2 \\
              where share > 50%
            trend 三公 from 2022 to
            """.write(to: script, atomically: true, encoding: .utf8)
        let stopped = try DQProcess.run(["--memory", "--format", "tsv", "--no-header", "-f", script.path])
        XCTAssertEqual(stopped.status, 1)
        XCTAssertTrue(stopped.stdout.contains("公务用车购置及运行维护费\t6.89\t12.52"), stopped.stdout)
        XCTAssertFalse(stopped.stdout.contains("一般公共服务支出"), "without --keep-going the line stops at bogus")
        XCTAssertTrue(stopped.stderr.contains("multi.dq:3:1: error[Q102]"), stopped.stderr)

        let going = try DQProcess.run(["--memory", "--keep-going", "--format", "tsv", "--no-header", "-f", script.path])
        XCTAssertEqual(going.status, 1)
        // Seed line 76: 一般公共服务支出753.07万元，占84.69% — the only class above 50%.
        XCTAssertTrue(going.stdout.contains("201\t一般公共服务支出\t753.07\t84.69"), going.stdout)
        XCTAssertTrue(going.stdout.contains("合计\t889.16\t100.00"), going.stdout)
        XCTAssertTrue(going.stderr.contains("multi.dq:5:"), "the open statement at the end fails with its first line: \(going.stderr)")
        XCTAssertEqual(going.stderr.components(separatedBy: "error[").count - 1, 2, going.stderr)
    }
}
