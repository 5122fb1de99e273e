import Core
import Foundation
import TestSupport
import XCTest

/// `breakdown … with budget` on imported documents: the 年初预算 and 决算 of each 项 as the
/// itemised list of 一般公共预算财政拨款支出决算具体情况 states them, through the binary, in
/// every output format. Figures cite fixtures/disclosures/2024-shanghai-putuo-*.txt.
final class BudgetBreakdownTests: XCTestCase {
    private func database(_ names: [String]) throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("budget.sqlite").path
        let files = names.map { ImportedUnitsQueryTests.fixtures.appendingPathComponent($0).path }
        let result = try DQProcess.run(["import", "--db", path] + files)
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    private func rows(_ db: String, _ query: String) throws -> [[String]] {
        let result = try DQProcess.run(["--db", db, "--format", "tsv", "--no-header", "-c", query])
        XCTAssertEqual(result.status, 0, "\(query): \(result.stderr)")
        return result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testBudgetBesideActualOnTheSeedAndTheShanghaiDocuments() throws {
        let db = try database(["000_aa60969cd7f058a1.txt", "2024-shanghai-putuo-caizhengju.txt",
                               "2024-shanghai-putuo-guihuaziyuanju.txt", "2024-shanghai-putuo-shehuigongzuobu.txt"])
        // unit code name budget amount difference completion is_total derived
        // 财政局 lines 492-503: 行政运行 1560.05 / 1511.89, 一般行政管理事务 10.00 / 10.00,
        // 信息化建设 135.90 / 135.25, 财政委托业务支出 450.52 / 449.52; 201 决算 2106.66 (table line 290).
        let finance = try rows(db, "breakdown 201 with budget for 财政局")
        XCTAssertEqual(finance.map { $0[1] }, ["2010601", "2010602", "2010607", "2010608", "201"])
        XCTAssertEqual(finance.map { $0[3] }, ["1560.05", "10.00", "135.90", "450.52", "2156.47"])
        XCTAssertEqual(finance.map { $0[4] }, ["1511.89", "10.00", "135.25", "449.52", "2106.66"])
        XCTAssertEqual(finance[0][5], "-48.16", "1511.89 − 1560.05")
        XCTAssertEqual(finance[0][6], "96.91", "1511.89 / 1560.05 = 96.912%")
        XCTAssertEqual(finance.last?[7], "true")
        XCTAssertEqual(finance.last?[8], "budget", "the 201 年初预算 is a sum of its 项, printed nowhere")

        // 规划和自然资源局: every 类 (lines 499-575); the total is the printed 一般公共预算财政拨款支出
        // 年初预算 10210.34 and 决算 9746.50 (lines 495-496), with its printed rate 95.45% being
        // 9746.50 / 10210.34 = 95.457% (the document truncates; the statement rounds: 95.46).
        let planning = try rows(db, "breakdown 2 with budget for 规划")
        XCTAssertEqual(planning.count, 14)
        let total = try XCTUnwrap(planning.last)
        XCTAssertEqual(Array(total[1...7]), ["2", "合计", "10210.34", "9746.50", "-463.84", "95.46", "true"])
        XCTAssertEqual(total[8], "")
        let operation = try XCTUnwrap(planning.first { $0[1] == "2120101" })
        XCTAssertEqual(Array(operation[3...6]), ["1115.48", "1092.80", "-22.68", "97.97"], "lines 540-542, printed 97.97%")
        let planningProper = try XCTUnwrap(planning.first { $0[1] == "2120201" })
        XCTAssertEqual(Array(planningProper[3...6]), ["3110.14", "2739.56", "-370.58", "88.08"], "lines 547-548, printed 88.08%")
        XCTAssertEqual(try rows(db, "breakdown 2 with budget for 规划 where completion < 95% and is_total = 0").map { $0[1] },
                       ["2101101", "2120201"], "94.43% (line 527) and 88.08% (line 548)")

        // 社会工作部 states 全年预算 per 项 (lines 396-440), never a 年初预算: blank, never 0.
        let social = try rows(db, "breakdown 201 with budget for 社会工作部")
        XCTAssertEqual(social.first { $0[1] == "2013901" }?[4], "51.32", "line 399")
        XCTAssertTrue(social.allSatisfy { $0[3] == "" }, social.description)
        // The seed names no budget per 项 (lines 82-102): its 决算 with a blank budget.
        let seed = try rows(db, "breakdown 201 with budget for 安居区委")
        XCTAssertEqual(seed.first { $0[1] == "2013101" }?[4], "402.23", "seed line 83")
        XCTAssertTrue(seed.allSatisfy { $0[3] == "" }, seed.description)
    }

    /// A unit with a 2024 disclosure but no 201 figure (规划, whose tables have no 201 row), or
    /// 201 figures without any 年初预算 (社会工作部), is named on stderr, one line each, also
    /// when units stand side by side and under `where`; blank stays blank.
    func testUnitsWithoutBudgetOrFigureAreNamed() throws {
        let db = try database(["2024-shanghai-putuo-caizhengju.txt", "2024-shanghai-putuo-guihuaziyuanju.txt",
                               "2024-shanghai-putuo-shehuigongzuobu.txt"])
        let noFigure = "注：「上海市普陀区规划和自然资源局」没有 2024 年「201 一般公共服务支出」的数值"
        let noBudget = "注：「中共上海市普陀区委社会工作部」没有 2024 年「201 一般公共服务支出」各项的年初预算数值"
        for query in ["breakdown 201 with budget", "breakdown 201 with budget for 财政局, 规划, 社会工作部",
                      "breakdown 201 with budget where completion < 97%"] {
            let result = try DQProcess.run(["--db", db, "--format", "tsv", "-c", query])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [noFigure, noBudget], query)
            XCTAssertFalse(result.stdout.contains("没有"), query)
        }
        let sideBySide = try rows(db, "breakdown 201 with budget for 财政局, 社会工作部")
        XCTAssertEqual(sideBySide.count, 8, "4 + 3 项 and the total, no row for a note")
        XCTAssertEqual(sideBySide.first { $0[0] == "2013901" }.map { [$0[6], $0[7]] }, ["", "51.32"])
        let quiet = try DQProcess.run(["--db", db, "-c", "breakdown 201 with budget for 财政局"])
        XCTAssertEqual(quiet.stderr, "", "every 项 of 财政局 has its 年初预算")

        // A plain breakdown says the same of a unit with nothing under the code, side by side too.
        for query in ["breakdown 201", "breakdown 201 depth 1 for 财政局, 规划", "breakdown 201 where share > 50%"] {
            let result = try DQProcess.run(["--db", db, "-c", query])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [noFigure], query)
        }
        XCTAssertEqual(try rows(db, "breakdown 201 depth 1 for 财政局, 规划").map { $0[0] }, ["20106", "201"])
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "breakdown 208"]).stderr, "", "every unit has 208 figures")
    }

    static let goldens = Goldens(besides: #filePath)

    func testBudgetBreakdownInEveryFormat() throws {
        let db = try database(["2024-shanghai-putuo-caizhengju.txt"])
        for format in ["table", "box", "csv", "tsv", "json", "jsonl", "markdown"] {
            let result = try DQProcess.run(["--db", db, "--format", format, "-c", "breakdown 201 with budget"])
            XCTAssertEqual(result.status, 0, result.stderr)
            Self.goldens.assert(result.stdout, named: "formats/breakdown-budget.\(format).txt")
        }
    }
}
