import XCTest
import Core
@testable import Audit

/// Findings only from figures read with certainty: a rule that would need an uncertain
/// figure says "could not evaluate" with the reason, and no finding cites the figure.
final class UncertainFiguresTests: XCTestCase {
    typealias F = TextRulesFixture

    /// 规划 line 342: 一般公共预算财政拨款基本支出 5364.75, against 5377.64 at lines 206 and 576.
    func testARuleNeedingAnUncertainFigureCouldNotEvaluate() throws {
        var doc = try F.shanghai("guihuaziyuanju")
        let certainResults = Auditor.evaluate(doc)
        let before = Auditor.Report(results: certainResults).findings
        XCTAssertTrue(before.contains { $0.figures.contains { $0.lineFrom == 342 && $0.printed == "5364.75" } })
        let index = try XCTUnwrap(doc.facts.firstIndex { $0.lineFrom == 342 && $0.printed == "5364.75" })
        doc.uncertain = [UncertainFact(fact: doc.facts.remove(at: index), reason: "第 342 行表格错位")]
        let results = Auditor.evaluate(doc)
        let after = Auditor.Report(results: results).findings
        XCTAssertFalse(after.contains { $0.figures.contains { $0.lineFrom == 342 } }, after.map(\.message).joined(separator: "\n"))
        let c4 = try XCTUnwrap(results.first { $0.ruleID == "C4.basic-general" }?.outcome)
        guard case .couldNotEvaluate(let reason) = c4 else { return XCTFail("C4: \(c4)") }
        XCTAssertTrue(reason.contains("第 342 行表格错位"), reason)
        // C3's other finding (人员经费 4884.09, line 418, vs 4896.98 at 577) does not need line 342: it alone stays.
        let c3 = try XCTUnwrap(results.first { $0.ruleID == "C3.table-and-text" }?.outcome)
        guard case .fail(let kept) = c3 else { return XCTFail("C3: \(c3)") }
        XCTAssertEqual(kept.map(\.line), [418])
        // Rules that do not touch the figure end as before.
        for (old, new) in zip(certainResults, results) where !["C3.table-and-text", "C4.basic-general"].contains(old.ruleID) {
            if old.outcome != new.outcome, case .couldNotEvaluate = new.outcome { continue }
            XCTAssertEqual(old.outcome, new.outcome, old.ruleID)
        }
    }

    /// The loader decides certainty in one place: a printed figure read as neither an amount
    /// nor a count is uncertain.
    func testUnreadableFigureIsUncertain() {
        let fact = AuditFact(id: 1, measureID: "sangong", code: nil, fund: "fiscal", column: "actual", year: 2024,
                             amountFen: nil, quantity: nil, printed: "1O.52", printedUnit: "万元", derived: false,
                             sourceKind: "text", lineFrom: 12, lineTo: 12)
        XCTAssertEqual(AuditLoader.uncertainty(of: fact), "第 12 行所印“1O.52”读不出数值")
        var certain = fact
        certain.amountFen = 105_200
        XCTAssertNil(AuditLoader.uncertainty(of: certain))
    }
}
