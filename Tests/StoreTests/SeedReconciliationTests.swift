import XCTest
@testable import Store

/// The seeded figures reconcile as the document's arithmetic says they should, checked in
/// SQL over the seeded database; where the document contradicts itself both figures are kept.
final class SeedReconciliationTests: XCTestCase {
    var database: Database!

    override func setUpWithError() throws {
        database = try Connections.memory().reader
    }

    private func value(_ sql: String) throws -> Int64? {
        try database.scalar(sql)?.int64
    }

    func testThirteenItemsSumToTheTotal() throws {
        let items = try database.query("""
            SELECT count(*), sum(amount_fen) FROM fact_value
            WHERE disclosure_id = 1 AND year = 2023 AND fund_id = 'general' AND length(code) = 7
            """)[0]
        XCTAssertEqual(items[0], .integer(13))
        XCTAssertEqual(items[1], .integer(889_160_000))
        XCTAssertEqual(try value("""
            SELECT amount_fen FROM fact_value WHERE measure_id = 'general_expenditure' AND year = 2023
            """), 889_160_000)
    }

    func testPrintedClassTotalsEqualTheSumOfTheirItems() throws {
        let rows = try database.query("""
            SELECT c.code, c.amount_fen, (SELECT sum(i.amount_fen) FROM fact_value i
                WHERE i.disclosure_id = c.disclosure_id AND i.year = c.year AND i.fund_id = c.fund_id
                  AND length(i.code) = 7 AND substr(i.code, 1, length(c.code)) = c.code)
            FROM fact_value c WHERE length(c.code) IN (3, 5) ORDER BY c.code
            """)
        XCTAssertEqual(rows.map { $0[0] }, ["201", "204", "208", "210", "221"])
        for row in rows { XCTAssertEqual(row[1], row[2], "类 \(row[0])") }
    }

    /// Every measure whose 'part' children all have a value equals their sum, except the one
    /// the document gets wrong: 一般公共预算财政拨款基本支出 636.02 (line 105) while
    /// 人员经费 555.34 + 公用经费 80.69 = 636.03 (lines 107, 109).
    func testMeasuresEqualTheSumOfTheirParts() throws {
        let rows = try database.query("""
            WITH parts AS (
                SELECT m.parent_id AS parent, p.year, count(*) AS known, sum(coalesce(p.amount_fen, p.quantity)) AS total
                FROM measure m JOIN fact_value p ON p.measure_id = m.id AND p.column_id = 'actual'
                WHERE m.relation = 'part' GROUP BY m.parent_id, p.year
            )
            SELECT parts.parent, coalesce(f.amount_fen, f.quantity), parts.total
            FROM parts
            JOIN fact_value f ON f.measure_id = parts.parent AND f.year = parts.year AND f.column_id = 'actual'
            WHERE parts.known = (SELECT count(*) FROM measure c WHERE c.parent_id = parts.parent AND c.relation = 'part')
            ORDER BY parts.parent
            """)
        let checked = Set(rows.compactMap { $0[0].string })
        for parent in ["general_basic", "sangong", "sangong_vehicle", "sangong_reception", "vehicle_purchase",
                       "vehicles_purchased", "vehicles_held", "staff_total", "subunits", "procurement"] {
            XCTAssertTrue(checked.contains(parent), "\(parent) was not reconciled")
        }
        let mismatches = rows.filter { $0[1] != $0[2] }.compactMap { $0[0].string }
        XCTAssertEqual(mismatches, ["general_basic"])
    }

    /// Parts the document leaves blank (上缴上级支出, 事业收入 …) are unknown, not 0, so these
    /// two totals are checked against the parts it prints.
    func testTotalsEqualThePrintedParts() throws {
        XCTAssertEqual(try value("SELECT sum(amount_fen) FROM fact_value WHERE measure_id IN ('basic', 'project') AND year = 2023 AND column_id = 'actual'"),
                       try value("SELECT amount_fen FROM fact_value WHERE measure_id = 'expenditure_total' AND year = 2023 AND column_id = 'actual'"))
        XCTAssertEqual(try value("SELECT amount_fen FROM fact_value WHERE measure_id = 'income_general' AND year = 2023"),
                       try value("SELECT amount_fen FROM fact_value WHERE measure_id = 'income_total' AND year = 2023 AND column_id = 'actual'"))
        XCTAssertEqual(try value("""
            SELECT sum(quantity) FROM fact_value WHERE measure_id IN ('vehicles_leader', 'vehicles_confidential',
                'vehicles_emergency', 'vehicles_other') AND year = 2023
            """), try value("SELECT quantity FROM fact_value WHERE measure_id = 'vehicles_total' AND year = 2023"))
    }

    func testBasicSpendingContradictionKeepsBothFigures() throws {
        XCTAssertEqual(try value("SELECT amount_fen FROM fact WHERE measure_id = 'basic' AND line_from = 56"), 636_030_000)
        XCTAssertEqual(try value("SELECT amount_fen FROM fact WHERE measure_id = 'general_basic' AND line_from = 105"), 636_020_000)
        XCTAssertEqual(try value("""
            SELECT sum(amount_fen) FROM fact WHERE measure_id IN ('personnel', 'public_funds') AND year = 2023
            """), 636_030_000)
    }

    func testChartShareThatDisagreesWithTheTextIsKept() throws {
        let shares = try database.query("""
            SELECT s.source_kind, s.rate_scaled FROM statement s JOIN fact f ON f.id = s.part_fact_id
            WHERE f.code = '201' AND s.kind = 'share' ORDER BY s.line_from
            """)
        XCTAssertEqual(shares.first, [.text("text"), .integer(8469)])
        XCTAssertTrue(shares.contains([.text("chart"), .integer(8470)]))
        XCTAssertTrue(shares.contains([.text("chart"), .integer(8469)]))
    }

    func testPriorYearFiguresComeFromStatedChanges() throws {
        let prior = try database.query("""
            SELECT measure_id, amount_fen FROM fact_value WHERE year = 2022 AND derived = 1 ORDER BY measure_id
            """)
        XCTAssertEqual(prior.map { $0[0].string ?? "" }, [
            "admin_operating", "assets_total", "fiscal_grand_total", "general_expenditure", "grand_total",
            "sangong", "sangong_abroad", "sangong_reception", "sangong_vehicle",
        ])
        XCTAssertEqual(try value("SELECT amount_fen FROM fact_value WHERE measure_id = 'sangong' AND year = 2022"), 6_890_000)
        XCTAssertNil(try value("SELECT amount_fen FROM fact_value WHERE measure_id = 'vehicle_purchase' AND year = 2022"),
                     "a part the document gives no prior value for stays blank")
    }

    func testReadingPrefersTableThenTextThenChart() throws {
        let grandTotal2022 = try database.query("""
            SELECT source_kind, derived FROM fact_value WHERE measure_id = 'grand_total' AND year = 2022
            """)
        XCTAssertEqual(grandTotal2022, [[.text("text"), .integer(1)]], "text (derived) wins over the chart's 844.82")
        XCTAssertEqual(try value("SELECT count(*) FROM fact WHERE measure_id = 'grand_total' AND year = 2022"), 3)
    }
}
