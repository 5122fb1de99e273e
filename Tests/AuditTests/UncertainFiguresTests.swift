import XCTest
import Core
@testable import Audit
@testable import Importer
import Store
import TestSupport

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

/// A table the importer quarantined is reported once (B7) and no other finding cites it.
final class QuarantinedTableTests: XCTestCase {
    func testShiftedTableIsOneFindingAndNoCascade() throws {
        let path = TextRulesFixture.root + "/fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-word-text.txt"
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let range = try XCTUnwrap(FinalAccountsTableReader.locate(lines, template: .finalAccounts)["支出决算表"])
        let original = try Self.audit(lines)
        let shifted = try Self.audit(ColumnShift.shiftFigures(lines, in: range))

        XCTAssertTrue(original.document.quarantinedTables.isEmpty)
        XCTAssertEqual(shifted.document.quarantinedTables.map(\.title), ["支出决算表"])
        let b7 = shifted.findings.filter { $0.ruleID == B7TablesRead.id }
        XCTAssertEqual(b7.map(\.severity), [.warning])
        XCTAssertEqual(b7.first?.line, range.lowerBound)
        // No other finding cites a figure of the shifted table, and none is new elsewhere.
        let cascade = shifted.findings.filter { $0.ruleID != B7TablesRead.id && $0.figures.contains { range.contains($0.lineFrom) } }
        XCTAssertEqual(cascade.map(\.message), [])
        let before = Set(original.findings.map(\.message))
        XCTAssertEqual(shifted.findings.filter { $0.ruleID != B7TablesRead.id && !before.contains($0.message) }.map(\.message), [])
        // A rule that needed the table says why it could not run, naming the table once.
        let reasons = shifted.results.compactMap { result -> String? in
            if case .couldNotEvaluate(let reason) = result.outcome, reason.contains("支出决算表") { return reason } else { return nil }
        }
        XCTAssertFalse(reasons.isEmpty)
        XCTAssertTrue(reasons.allSatisfy { $0.components(separatedBy: "支出决算表").count == 2 }, "\(reasons)")
    }

    static func audit(_ lines: [String]) throws -> (document: AuditDocument, results: [Auditor.Result], findings: [Finding]) {
        let file = NSTemporaryDirectory() + "quarantine-\(UUID().uuidString).txt"
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try DocumentImporter.read(path: file, sourceFile: "2024-shanghai-putuo-caizhengju-word-text.txt")
        let connections = try Connections.memory(contents: .empty)
        guard case .imported(let id, _, _) = try DocumentWriter.write(result.document, into: connections.writer) else {
            throw FixtureError("not imported")
        }
        let document = try AuditLoader.load(connections.reader, disclosureID: id)
        let results = Auditor.evaluate(document)
        return (document, results, Auditor.Report(results: results).findings)
    }
}
