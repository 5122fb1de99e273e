import XCTest
import Core
@testable import Audit

/// The table rules on a 政府性基金预算财政拨款收入支出决算表 with data (the constructed
/// fixtures/disclosures/constructed/2024-shanghai-putuo-guihuaziyuanju-fund-table.txt, table at
/// lines 442–465): consistent figures give no finding about the table; a changed figure, or a
/// closing balance that is not 年初 + 收入 − 支出, is found on its line.
final class FundTableRulesTests: XCTestCase {
    static let path = "fixtures/disclosures/constructed/2024-shanghai-putuo-guihuaziyuanju-fund-table.txt"
    static let table = 442...465

    func tableFindings(_ lines: [String]) throws -> [Finding] {
        let imported = try MutationHarness.importAndAudit(lines, name: "fund-table.txt")
        return imported.findings.filter { finding in
            ["B", "R"].contains(finding.family)
                && finding.figures.contains { $0.sourceKind == "table" && Self.table.contains($0.lineFrom) }
        }
    }

    func testConsistentTableGivesNoFinding() throws {
        let lines = try MutationHarness.lines(of: Self.path)
        XCTAssertTrue(lines[441].contains("合计") && lines[441].contains("1180.50"), lines[441])
        let findings = try tableFindings(lines)
        XCTAssertEqual(findings.map(\.message), [])
    }

    /// Line 456, 2120803: 年初 12.00 + 收入 500.00 − 支出 450.50 = 61.50 (年末), 支出 450.50 = 20.00 + 430.50.
    func testChangedFiguresAreFound() throws {
        let lines = try MutationHarness.lines(of: Self.path)
        XCTAssertTrue(lines[455].hasPrefix("2120803"), lines[455])
        for (old, new, rule) in [("430.50", "430.70", "B3.row-identity"), ("61.50", "61.70", "B3.row-identity")] {
            var mutated = lines
            mutated[455] = mutated[455].replacingOccurrences(of: old, with: new)
            let findings = try tableFindings(mutated)
            XCTAssertTrue(findings.contains { $0.message.contains("［\(rule)］2120803") && $0.figures.contains { $0.lineFrom == 456 } },
                          "\(old) → \(new): \(findings.map(\.message))")
            // Its 款 21208 (line 454) no longer adds up either (reported with it, one root cause).
            XCTAssertTrue(findings.contains { $0.message.contains("B1.code-hierarchy］21208") && $0.message.contains("第 454 行") },
                          "\(old) → \(new): \(findings.map(\.message))")
        }
    }
}
