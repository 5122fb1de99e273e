import XCTest
import Core
@testable import Audit

/// The constructed windows whose tables the partial reader reads (fixtures/disclosures/README.md):
/// every figure in them agrees, so `check` finds nothing in them (no error, no warning), and a
/// 目录 entry for the tables part (“二、部门决算报表”) is no table's name.
final class PartialTablesAuditTests: XCTestCase {
    func testNoFindingOnTheConsistentWindows() throws {
        for path in ["fixtures/disclosures/constructed/2024-zhejiang-lucheng-shehuigongzuobu-bumen-juesuan.txt",
                     "fixtures/disclosures/constructed/2024-hubei-jianghan-caizhengju-bumen-juesuan.txt"] {
            let imported = try MutationHarness.importAndAudit(try MutationHarness.lines(of: path), name: (path as NSString).lastPathComponent)
            let document = try AuditLoader.load(imported.connections.writer, disclosureID: imported.disclosureID)
            XCTAssertEqual(document.template, "partial", path)
            XCTAssertTrue(document.facts.contains { $0.sourceKind == "table" }, path)
            XCTAssertEqual(imported.findings.filter { $0.severity != .info }.map { "\($0.ruleID) \($0.message)" }, [], path)
        }
    }
}
