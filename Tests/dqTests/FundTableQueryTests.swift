import Foundation
import TestSupport
import XCTest

/// A 政府性基金预算财政拨款收入支出决算表 with data, through the binary: its rows are read in the
/// fund 政府性基金预算财政拨款 (fixtures/disclosures/constructed/…-fund-table.txt, lines 442–465).
final class FundTableQueryTests: XCTestCase {
    private func rows(_ db: String, _ query: String) throws -> [[String]] {
        let result = try DQProcess.run(["--db", db, "--format", "tsv", "--no-header", "-c", query])
        XCTAssertEqual(result.status, 0, "\(query): \(result.stderr)")
        return result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testBreakdownAndTrendInTheFund() throws {
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("fund.sqlite").path
        let file = ImportedUnitsQueryTests.fixtures.appendingPathComponent("constructed/2024-shanghai-putuo-guihuaziyuanju-fund-table.txt")
        let imported = try DQProcess.run(["import", "--db", db, file.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        // unit code name amount share level is_total derived money_unit
        // 212 880.50 (line 452) = 2120803 450.50 (456) + 2120899 190.00 (458) + 2121399 240.00 (464).
        let city = try rows(db, "breakdown 212 fund 政府性基金")
        XCTAssertEqual(city.map { $0[1] }, ["2120803", "2120899", "2121399", "212"])
        XCTAssertEqual(city.map { $0[3] }, ["450.50", "190.00", "240.00", "880.50"])
        // By 类: 207 300.00 (line 444), 212 880.50; the 合计 1180.50 is their sum (line 442 prints it).
        let classes = try rows(db, "breakdown 2 fund 政府性基金 depth 1")
        XCTAssertEqual(classes.map { $0[1] }, ["207", "212", "2"])
        XCTAssertEqual(classes.map { $0[3] }, ["300.00", "880.50", "1180.50"])
        // The 项 column 项目支出 of 212: 430.50 + 190.00 + 240.00 = 860.50 (line 452).
        let project = try rows(db, "breakdown 212 fund 政府性基金 project")
        XCTAssertEqual(project.last?[3], "860.50")
        // The fund's 本年支出 as a subject: the 合计 row (line 442).
        let trend = try rows(db, "trend 政府性基金")
        XCTAssertEqual(trend.map { Array($0.prefix(3)) }, [["上海市普陀区规划和自然资源局", "2024", "1180.50"]])
        // The general budget's rows are not the fund's: 212 in 一般公共预算 is 3832.36 (line 316).
        XCTAssertEqual(try rows(db, "breakdown 212 fund 一般公共预算").last?[3], "3832.36")
    }

    func testRowsShowTheNamesTheDocumentPrints() throws {
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("fund.sqlite").path
        let file = ImportedUnitsQueryTests.fixtures.appendingPathComponent("constructed/2024-shanghai-putuo-guihuaziyuanju-fund-table.txt")
        XCTAssertEqual(try DQProcess.run(["import", "--db", db, file.path]).status, 0)
        // 2070904 is printed 地方旅游开发补助 (the classification's name is 地方旅游开发项目补助);
        // 207 prints the classification's own name.
        let rows = try rows(db, "breakdown 207 fund 政府性基金")
        XCTAssertEqual(rows.map { Array($0[1...2]) }, [["2070904", "地方旅游开发补助"], ["207", "文化旅游体育与传媒支出"]])
    }
}
