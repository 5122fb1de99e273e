import Core
import QueryLanguage
import Store
import XCTest

/// `execution SUBJECT [YEAR]` on a unit with both a 决算 and a 预算 of one year: the seed's
/// 2023 部门决算 (its text states 年初预算 889.16 and 决算 889.16 for 本年支出合计, seed line 251)
/// and a 2023 部门预算 of the same unit written beside it (a small constructed pair: no real
/// budget of the seed unit exists).
final class ExecutionTests: XCTestCase {
    static func pair(budgetFen: Int64, sangongFen: Int64) throws -> QueryHarness {
        let connections = try Connections.memory()
        var budget = ImportedDocument(
            unit: ImportedUnit(name: "中国共产党遂宁市安居区委员会办公室", region: "四川省遂宁市安居区"), year: 2023, kind: "预算",
            scope: "部门", template: "shanghai_budget", title: "2023年部门预算", sourceFile: "budget.txt",
            sha256: String(repeating: "b", count: 64), lineCount: 20)
        budget.facts = [
            ImportedFact(measureID: "expenditure_total", fund: "all", column: "budget", year: 2023, amountFen: budgetFen,
                         printed: "x", printedUnit: "万元", provenance: Provenance("table", 10)),
            ImportedFact(measureID: "sangong", fund: "fiscal", column: "budget", year: 2023, amountFen: sangongFen,
                         printed: "x", printedUnit: "万元", provenance: Provenance("table", 12)),
        ]
        _ = try DocumentWriter.write(budget, into: connections.writer)
        return QueryHarness(connections)
    }

    func testBudgetDocumentBesideTheFinalAccountsInitialBudgetAndActual() throws {
        let harness = try Self.pair(budgetFen: 900_000_000, sangongFen: 15_000_000)
        let rows = try harness.rows("execution 本年支出合计 2023")
        XCTAssertEqual(rows.count, 1)
        let cells = try XCTUnwrap(rows.first).cells
        XCTAssertEqual(cells[0], .text("中国共产党遂宁市安居区委员会办公室"))
        XCTAssertEqual(cells[1], .integer(900_000_000))            // the budget document
        XCTAssertEqual(cells[2], .integer(889_160_000))            // 年初预算 the 决算 prints (seed line 251)
        XCTAssertEqual(cells[3], .integer(889_160_000))            // 决算数
        XCTAssertEqual(cells[4], .integer(-10_840_000))            // 决算 − 预算文件
        XCTAssertEqual(cells[5], .integer(9_880))                  // 889.16 / 900.00 = 98.7955…% → 98.80%
        XCTAssertEqual(cells[6], .integer(-10_840_000))            // 年初预算 − 预算文件: restated
        // 三公: the 决算's actual (seed 12.52) against the budget document; no 年初预算 printed.
        let sangong = try XCTUnwrap(try harness.rows("execution 三公 2023").first).cells
        XCTAssertEqual([sangong[1], sangong[2], sangong[3]], [.integer(15_000_000), .null, .integer(12_520_000)])
        XCTAssertEqual(sangong[5], .integer(8_347))                 // 12.52 / 15.00 = 83.466…% → 83.47%
    }

    /// Statements that read figures keep reading the 决算: the budget changes nothing they print.
    func testOtherStatementsStillReadTheFinalAccount() throws {
        let plain = try QueryHarness.seed()
        let withBudget = try Self.pair(budgetFen: 1, sangongFen: 1)
        for statement in ["summary", "compare 三公 2022 2023", "trend 本年支出合计", "breakdown 201"] {
            XCTAssertEqual(try withBudget.rows(statement), try plain.rows(statement), statement)
        }
    }

    func testWithoutABudgetTheColumnIsBlank() throws {
        let cells = try XCTUnwrap(try QueryHarness.seed().rows("execution 本年支出合计").first).cells
        XCTAssertEqual(cells[1], .null)
        XCTAssertEqual(cells[5], .integer(10_000))                 // against the 年初预算: 100.00%
        XCTAssertEqual(cells[6], .null)
    }
}
