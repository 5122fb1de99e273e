import XCTest
import Audit

/// `dq check --rules`: every rule documented once, with its severity and an example.
final class RuleCatalogTests: XCTestCase {
    func testEveryRuleIsDocumented() {
        let ids = AuditRules.all.map { $0.id }
        XCTAssertEqual(Set(ids).count, ids.count, "rule ids are unique")
        XCTAssertEqual(RuleCatalog.documentedIDs, Set(ids), "one entry per rule, none for a rule that does not exist")
        for entry in RuleCatalog.entries {
            XCTAssertFalse(entry.severity.isEmpty, entry.id)
            XCTAssertFalse(entry.example.isEmpty, entry.id)
            XCTAssertTrue(["error", "warning", "info"].contains { entry.severity.contains($0) }, entry.id)
        }
    }
}
