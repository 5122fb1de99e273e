import Foundation
import TestSupport
import XCTest

/// `dq check` on budget documents: they are checked by the rules that apply to them, reported
/// in blocks naming the kind of document, and counted in the summary.
final class BudgetCheckTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    /// renda 2018: its errors (D12, lines 723–724: 1557.29 ÷ 128.43 = 1212.56%, printed 1312.56%;
    /// D2, line 748: 1685.72 ÷ 15897.44 = 10.60%, printed 10.61%), its template placeholders (R1) and
    /// the 款 its text labels （类） (D10, lines 807–823: 行政事业单位离退休 20805, 住房改革支出 22102).
    func testCheckBudget() throws {
        let db = try DQProcess.temporaryDirectory(self).appendingPathComponent("budget-check.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", db]).status, 0)
        let file = BudgetCommandTests.budget("2018-jiangsu-shengji-renda-bangongting-bumen-yusuan")
        XCTAssertEqual(try DQProcess.run(["import", "--db", db, file]).status, 0)
        let table = try DQProcess.run(["check", "--db", db, "--for", "江苏省人大常委会办公厅", "--year", "2018", "--format", "table"])
        XCTAssertEqual(table.status, 1, "an error was found: " + table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("【江苏省人大常委会办公厅（2018年部门预算）】\n"), table.stdout)
        XCTAssertTrue(table.stdout.contains("D12.budget-growth"), table.stdout)
        XCTAssertTrue(table.stderr.contains("（1 份预算）"), table.stderr)
        Self.goldens.assert(table.stdout, named: "check/budget.table.txt")
        Self.goldens.assert(table.stderr, named: "check/budget.stderr.txt")
    }
}
