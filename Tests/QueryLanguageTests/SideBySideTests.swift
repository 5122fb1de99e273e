import Core
import XCTest

/// Multi-column reports on the hand-built fixture (MultiUnitFixture): units side by side,
/// and `trend … by unit` with one column per year and a total that leaves out the 二级单位
/// whose 部门 is in the report.
final class SideBySideTests: XCTestCase {
    typealias F = MultiUnitFixture
    var harness: QueryHarness!

    override func setUpWithError() throws {
        harness = QueryHarness(try F.build())
    }

    private func fen(_ printed: String) -> Int64 { F.fen(printed) }

    func testCompareForTwoUnitsPutsThemSideBySide() throws {
        let query = try harness.compile("compare 三公 2023 2024 for 市财政局, 市教育局")
        XCTAssertEqual(query.shape.columns.map(\.name), ["item", "u1_value_2023", "u1_value_2024", "u1_change", "u1_change_pct",
                                                        "u2_value_2023", "u2_value_2024", "u2_change", "u2_change_pct"])
        XCTAssertFalse(query.shape.hasBlocks)
        XCTAssertEqual(query.shape.columns[1].title, "市财政 2023年")
        let rows = try harness.rows("compare 三公 2023 2024 for 市财政局, 市教育局")
        let total = try XCTUnwrap(rows.last)
        XCTAssertTrue(total.isTotal)
        // 财政局: 20.00 (its own 2023 disclosure) → 18.00; 教育局: no 2023 disclosure, 40.00 in 2024.
        XCTAssertEqual(total.cells[1], .integer(fen("20.00")))
        XCTAssertEqual(total.cells[2], .integer(fen("18.00")))
        XCTAssertEqual(total.cells[3], .integer(fen("-2.00")))
        XCTAssertEqual(total.cells[5], .null, "blank stays blank")
        XCTAssertEqual(total.cells[6], .integer(fen("40.00")))
        XCTAssertEqual(rows.filter(\.isTotal).count, 1)
        XCTAssertEqual(Set(rows.map { $0.text(0) }).count, rows.count, "one row per item")
        // The blank 2023 column of 教育局 is named (its 2024 disclosure states no 2023 figure).
        XCTAssertEqual(try harness.notes("compare 三公 2023 2024 for 市财政局, 市教育局"),
                       ["「测试市教育局」没有 2023 年的决算，其 2024 年决算也未列出「三公经费」的上年数值"])
        XCTAssertEqual(harness.diagnostic("compare 三公 2023 2024 for 市教育局, 市教育局")?.code, "Q108")

        // by unit: every unit in scope, in the catalog's tree order.
        let byUnit = try harness.compile("summary 2024 by unit")
        XCTAssertEqual(byUnit.shape.columns.filter { $0.name.hasSuffix("value_2024") }.count, 3)
    }

    func testTrendByUnitHasAColumnPerYearAndATotalWithoutTheSubunit() throws {
        let rows = try harness.rows("trend 机关运行经费 by unit")
        let query = try harness.compile("trend 机关运行经费 by unit")
        XCTAssertEqual(query.shape.columns.map(\.name), ["unit", "value_2022", "value_2023", "value_2024"])
        // The catalog's tree order: 部门 by id (教育局 5, 财政局 7), each 二级单位 after its 部门.
        XCTAssertEqual(rows.map { $0.text(0) }, ["测试市教育局", "测试市财政局", "测试市财政信息中心", "合计（不重复计算二级单位）"])
        // 财政局: 88.10 for 2023 (stated by its 2024 disclosure), 95.27 for 2024.
        XCTAssertEqual(rows[1].cells[2], .integer(fen("88.10")))
        XCTAssertEqual(rows[1].cells[3], .integer(fen("95.27")))
        XCTAssertEqual(rows[2].cells[3], .integer(fen("7.99")))
        XCTAssertEqual(rows[0].cells[3], .integer(fen("300.00")))
        let total = try XCTUnwrap(rows.last)
        XCTAssertTrue(total.isTotal)
        XCTAssertEqual(total.cells[3], .integer(fen("95.27") + fen("300.00")), "the 二级单位 is not added to its 部门")
        XCTAssertEqual(total.cells[2], .null, "教育局 has no 2023 figure: the total is unknown, not partial")

        let two = try harness.rows("trend 机关运行经费 from 2023 to 2024 for 信息中心, 市教育局")
        XCTAssertEqual(two.last?.cells[2], .integer(fen("7.99") + fen("300.00")), "without its 部门 the 二级单位 counts")
    }
}

/// Nothing silent in multi-unit reports (#15): a unit without any figure of a trend, and a
/// compared year whose column is blank, each get a note naming why.
final class BlankColumnNotesTests: XCTestCase {
    func testTrendByUnitNamesTheUnitWithoutFigures() throws {
        let harness = QueryHarness(try MultiUnitFixture.build())
        let rows = try harness.rows("trend 201 by unit")
        XCTAssertFalse(rows.contains { $0.text(0) == "测试市教育局" })
        XCTAssertEqual(try harness.notes("trend 201 by unit"), ["「测试市教育局」在 2022—2024 年没有「201 一般公共服务支出」的决算数值"])
        XCTAssertEqual(try harness.notes("trend 机关运行经费 by unit"), [])
    }

    func testCompareCodeNamesTheBlankYear() throws {
        let harness = QueryHarness(try MultiUnitFixture.build())
        XCTAssertEqual(try harness.notes("compare 201 2023 2024 for 测试市教育局"), [
            "「测试市教育局」没有 2023 年的决算，其 2024 年决算也未列出「201 一般公共服务支出」的上年数值",
            "「测试市教育局」的 2024 年决算没有「201 一般公共服务支出」的数值",
        ])
        // No disclosure covering the year: the note made before the query runs, once.
        XCTAssertEqual(try harness.notes("compare 201 2021 2024 for 测试市财政局"), ["没有 2021 年的决算数据（已载入的决算年度：2023、2024）"])
    }
}
