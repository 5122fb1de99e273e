import Foundation
import XCTest

/// Budgets through the binary: the parts of one disclosure imported by one command, `units`
/// and `years` naming budget documents, and `trend … with budget` over three budget years.
final class BudgetCommandTests: XCTestCase {
    static func budget(_ name: String) -> String {
        ImportCommandTests.root.appendingPathComponent("fixtures/disclosures/budgets/\(name).txt").path
    }

    private func database() throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("budgets.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", path]).status, 0)
        return path
    }

    func testSplitDisclosureIsOneImport() throws {
        let db = try database()
        let tables = Self.budget("2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-biaoge")
        let narrative = Self.budget("2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-wenjian")
        let result = try DQProcess.run(["import", "--db", db, tables, narrative])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(tables) + \(narrative): 已导入 中国共产党江苏省委员会办公厅 2017 年度部门预算，第 1 号披露"),
                      result.stderr)
        let count = try DQProcess.run(["--db", db, "--format", "csv", "-c", "sql SELECT count(*) AS n FROM disclosure"])
        XCTAssertEqual(count.stdout, "n\r\n1\r\n", count.stderr)
        // --as-one joins files whatever they say; the two Shanghai editions are two disclosures otherwise.
        let bumen = Self.budget("2025-shanghai-putuo-shangwuwei-bumen-yusuan"), danwei = Self.budget("2025-shanghai-putuo-shangwuwei-danwei-yusuan")
        XCTAssertEqual(try DQProcess.run(["import", "--db", db, bumen, danwei]).status, 0)
        let units = try DQProcess.run(["--db", db, "--format", "csv", "-c", "units"])
        XCTAssertTrue(units.stdout.contains("上海市普陀区商务委员会,上海市普陀区,部门,,,2025部门预算、2025单位预算"), units.stdout)
        let years = try DQProcess.run(["--db", db, "--format", "csv", "-c", "years"])
        XCTAssertTrue(years.stdout.contains("2025,1,2,上海市普陀区商务委员会（部门预算、单位预算）"), years.stdout)
    }

    /// fy17–fy19: 本年支出合计 33172.15 in 2018, up 4322.77 (14.98%) on 2017's budget — the
    /// change the 2018 document itself states (2018 file, lines 561–562).
    func testTrendAcrossBudgetYears() throws {
        let db = try database()
        let files = ["2017", "2018", "2019"].map { Self.budget("\($0)-jiangsu-shengji-gaojifayuan-bumen-yusuan") }
        XCTAssertEqual(try DQProcess.run(["import", "--db", db] + files).status, 0)
        let trend = try DQProcess.run(["--db", db, "--format", "csv", "-c", "trend 本年支出合计 with budget"])
        XCTAssertEqual(trend.status, 0, trend.stderr)
        let lines = trend.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "unit,year,amount,change,change_pct,money_unit")
        XCTAssertTrue(lines.contains("江苏省高级人民法院,2018,33172.15,4322.77,14.98,万元"), trend.stdout)
        // The final-account statements see no budget: nothing is loaded for them.
        let final = try DQProcess.run(["--db", db, "--format", "csv", "-c", "trend 本年支出合计"])
        XCTAssertFalse(final.stdout.contains("33172.15"), final.stdout)
    }
}
