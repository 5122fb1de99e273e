import Core
import Foundation
import XCTest

/// The language works across imported units: the seed and the three Shanghai documents
/// imported into one empty database through `dq import`, then queried through the binary.
final class ImportedUnitsQueryTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/disclosures")

    private func database() throws -> String {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("all.sqlite").path
        let files = ["000_aa60969cd7f058a1.txt", "2024-shanghai-putuo-caizhengju.txt",
                     "2024-shanghai-putuo-guihuaziyuanju.txt", "2024-shanghai-putuo-shehuigongzuobu.txt"]
        let result = try DQProcess.run(["import", "--db", path] + files.map { Self.fixtures.appendingPathComponent($0).path })
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    private func fen(_ text: String) -> Int64? { Amount(printed: text, unit: .tenThousandYuan)?.fen }

    private func rows(_ db: String, _ query: String) throws -> [[String]] {
        let result = try DQProcess.run(["--db", db, "--format", "tsv", "--no-header", "-c", query])
        XCTAssertEqual(result.status, 0, "\(query): \(result.stderr)")
        return result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testFindGivesTheLineOfTheMatchInAWrappedParagraph() throws {
        let db = try database()
        // caizhengju lines 487–489 are one paragraph; the phrase is printed on line 488, the
        // second reason on line 494 (its paragraph starts at 493).
        let found = try rows(db, "find 决算数小于预算数的主要原因 for 财政局")
        XCTAssertEqual(found.prefix(2).map { $0[2] }, ["488", "494"])
    }

    func testStatementsAcrossImportedUnits() throws {
        let db = try database()
        let units = try rows(db, "units").map { $0[0] }
        for name in ["中国共产党遂宁市安居区委员会办公室", "上海市普陀区财政局", "上海市普陀区规划和自然资源局", "中共上海市普陀区委社会工作部"] {
            XCTAssertTrue(units.contains(name), name)
        }

        // top: 基本支出 2024 as printed in each 支出决算表 合计 row (规划资源局 line 206: 5377.64).
        let top = try rows(db, "top 3 units by 基本支出 in 2024")
        XCTAssertEqual(top.prefix(3).map { $0[1] }, ["上海市普陀区规划和自然资源局", "上海市普陀区财政局", "中共上海市普陀区委社会工作部"])
        XCTAssertEqual(top[0][2], "5377.64")
        let total = top.prefix(3).compactMap { fen($0[2]) }.reduce(0, +)
        XCTAssertEqual(top.last.flatMap { fen($0[2]) }, total, "three 部门, nothing counted twice")

        // breakdown 201 for a Shanghai unit: the 项 add up to the printed 类 total.
        let breakdown = try rows(db, "breakdown 201 for 财政局")
        let items = breakdown.filter { $0[6] == "false" }  // unit code name amount share level is_total derived
        XCTAssertTrue(items.allSatisfy { $0[1].count == 7 })
        XCTAssertEqual(items.compactMap { fen($0[3]) }.reduce(0, +), breakdown.last.flatMap { fen($0[3]) })

        // compare/summary use the prior-year figure the document states: 收支总计 2995.39,
        // 减少56.95万元 (caizhengju lines 462-463) → 2023: 3052.34, derived.
        let summary = try rows(db, "summary 2024 for 财政局")
        let grandTotal = try XCTUnwrap(summary.first { $0[1] == "收支总计" })
        XCTAssertEqual(Array(grandTotal[2...5]), ["3052.34", "2995.39", "-56.95", "-1.87"])
        XCTAssertTrue(grandTotal.dropLast().last?.contains("value_2023") ?? false, "the 2023 figure is derived")
        XCTAssertEqual(grandTotal.last, "万元", "money_unit")
        let compare = try rows(db, "compare 收入 2023 2024 for 财政局")
        XCTAssertTrue(compare.contains { $0[1] == "一般公共预算财政拨款收入" && $0[3] != "" })

        // Units of both templates side by side, in blocks.
        let both = try rows(db, "use 2023; summary")
        XCTAssertTrue(both.contains { $0[0] == "中国共产党遂宁市安居区委员会办公室" && $0[1] == "三公经费" && $0[3] == "12.52" })
        XCTAssertTrue(both.contains { $0[0] == "上海市普陀区财政局" && $0[1] == "收支总计" && $0[3] == "3052.34" })
    }
}

