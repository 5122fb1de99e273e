import Core
import XCTest

/// The answers SPEC §6 and the language issue expect on the seed disclosure (万元 figures
/// as 分), with shares and changes recomputed here with integer arithmetic.
final class SeedAnswersTests: XCTestCase {
    var harness: QueryHarness!

    override func setUpWithError() throws {
        harness = try .seed()
    }

    private func fen(_ text: String) -> Int64? { Amount(printed: text, unit: .tenThousandYuan)?.fen }

    func testCompareSangong() throws {
        let rows = try harness.rows("compare 三公 2022 2023")
        let byItem = Dictionary(rows.map { ($0.text(0), $0) }, uniquingKeysWith: { first, _ in first })
        let vehicle = try XCTUnwrap(byItem["公务用车购置及运行维护费"])
        XCTAssertEqual(vehicle.integer(1), fen("6.89"))
        XCTAssertEqual(vehicle.integer(2), fen("12.52"))
        XCTAssertEqual(vehicle.integer(3), fen("5.63"))
        XCTAssertEqual(vehicle.integer(4), Rounding.percent(563, of: 689, decimals: 2))
        XCTAssertEqual(vehicle.integer(4), 8171)
        XCTAssertEqual(vehicle.derivedCells, [1], "6.89 is derived from 12.52 − 5.63")
        for item in ["因公出国（境）费", "公务接待费"] {
            let row = try XCTUnwrap(byItem[item])
            XCTAssertEqual(row.integer(1), 0)
            XCTAssertEqual(row.integer(2), 0)
            XCTAssertEqual(row.integer(3), 0)
            XCTAssertEqual(row.cells[4], .null, "no percentage on a zero base")
        }
        for item in ["公务用车购置费", "公务用车运行维护费"] {
            let row = try XCTUnwrap(byItem[item])
            XCTAssertEqual(row.cells[1], .null, "\(item) has no 2022 value: blank, not 0")
            XCTAssertEqual(row.cells[3], .null)
            XCTAssertEqual(row.level, 2)
        }
        XCTAssertEqual(byItem["公务用车运行维护费"]?.integer(2), fen("12.52"))
        let total = try XCTUnwrap(rows.last)
        XCTAssertTrue(total.isTotal)
        XCTAssertEqual(total.integer(1), fen("6.89"))
        XCTAssertEqual(total.integer(2), fen("12.52"))
        XCTAssertEqual(total.derivedCells, [1])
        XCTAssertEqual(rows.filter(\.isTotal).count, 1)
    }

    func testBreakdownOfAClassListsItsItemsWithShares() throws {
        let rows = try harness.rows("breakdown 201")
        let items = rows.filter { !$0.isTotal }
        XCTAssertEqual(items.map { $0.text(0) }, ["2011308", "2013101", "2013105", "2013150", "2013199"])
        XCTAssertEqual(items.first { $0.text(0) == "2013101" }?.text(1), "行政运行")
        let sum = items.compactMap { $0.integer(2) }.reduce(0, +)
        XCTAssertEqual(sum, fen("753.07"))
        let total = try XCTUnwrap(rows.last)
        XCTAssertTrue(total.isTotal)
        XCTAssertEqual(total.integer(2), fen("753.07"))
        for item in items {
            XCTAssertEqual(item.integer(3), Rounding.percent(item.integer(2) ?? 0, of: sum, decimals: 2), item.text(0))
        }
        XCTAssertEqual(items.first { $0.text(0) == "2013101" }?.integer(3), 5341)
    }

    func testBreakdownDepthOneRollsUpTheItems() throws {
        let rows = try harness.rows("breakdown 201 depth 1").filter { !$0.isTotal }
        XCTAssertEqual(rows.map { $0.text(0) }, ["20113", "20131"])
        XCTAssertEqual(rows[0].integer(2), fen("27.02"))
        XCTAssertEqual(rows[1].integer(2), fen("726.05"))
        XCTAssertEqual(rows[1].derivedCells, [2], "款 totals are computed, not printed")
        XCTAssertEqual(rows.map(\.level), [1, 1])
    }

    func testBreakdownOfASubject() throws {
        let rows = try harness.rows("breakdown 支出")
        let parts = rows.filter { !$0.isTotal }
        XCTAssertEqual(parts.map { $0.text(0) }, ["基本支出", "项目支出"])
        XCTAssertEqual(parts.map { $0.integer(1) }, [fen("636.03"), fen("253.13")])
        XCTAssertEqual(parts.map { $0.integer(2) }, [7153, 2847])
        XCTAssertEqual(rows.last?.integer(1), fen("889.16"))
    }

    func testProjectsWhoseBudgetWasCut() throws {
        let rows = try harness.rows("projects where adjusted < initial")
        XCTAssertEqual(rows.map { $0.text(2) }, [
            "党史研究专项工作经费（2023）", "信息化建设及运行维护经费（2023）",
            "“六大工程”工作推进经费（2023）", "档案工作经费（2023）",
        ])
        for row in rows { XCTAssertLessThan(row.integer(4) ?? .max, row.integer(3) ?? .min) }
        let all = try harness.rows("projects")
        XCTAssertTrue(all.contains { $0.text(2) == "春节慰问费（2023）" && $0.integer(3) == $0.integer(4) })
    }

    func testSummaryShowsTheHeadlineMeasures() throws {
        let rows = try harness.rows("summary 2023")
        XCTAssertEqual(rows.count, 9)
        let total = rows[0]
        XCTAssertEqual(total.text(0), "收支总计")
        XCTAssertEqual(total.integer(1), fen("844.82"))
        XCTAssertEqual(total.integer(2), fen("889.16"))
        XCTAssertEqual(total.integer(3), fen("44.34"))
        XCTAssertEqual(total.integer(4), 525)
        XCTAssertEqual(rows.map { $0.text(0) }, ["收支总计", "本年收入合计", "本年支出合计", "基本支出", "项目支出",
                                                  "财政拨款支出", "一般公共预算财政拨款支出", "三公经费", "机关运行经费"])
        XCTAssertEqual(rows[1].cells[1], .null, "本年收入合计 2022 is not stated")
        XCTAssertEqual(rows[1].cells[4], .null)
    }

    func testFieldArithmeticIsExact() throws {
        // 档案 9.61 < 0.9 × 20 = 18 and 六大工程 27.52 ≥ 27; 党史 9.97 and 信息化 9.74 ≥ 9.
        let rows = try harness.rows("projects where executed < 0.9 * initial")
        XCTAssertEqual(rows.map { $0.text(2) }, ["档案工作经费（2023）"])
        XCTAssertEqual(try harness.rows("projects where executed = 9.97").map { $0.text(2) }, ["党史研究专项工作经费（2023）"])
        XCTAssertEqual(try harness.rows("projects where executed = 99700元").map { $0.text(2) }, ["党史研究专项工作经费（2023）"])
        XCTAssertEqual(try harness.rows("projects where 调整后预算 ＜ 年初预算 and name ~ '档案'").count, 1)
    }
}
