import XCTest
import Core
import Store
@testable import Audit

/// Y3 on the three consecutive Jiangsu budgets of 高级人民法院 (2017–2019): every change a budget
/// states against last year's budget leads back to the figure last year's budget prints, e.g.
/// 2018 基本支出 18,570.82 (2018 file line 273) “增加1447.63万元” (lines 581–582) → 17,123.19, the 2017
/// 基本支出 (2017 file line 324).
final class BudgetAcrossYearsTests: XCTestCase {
    static let years = ["2017", "2018", "2019"].map { "\($0)-jiangsu-shengji-gaojifayuan-bumen-yusuan" }

    private func documents(replacing old: String? = nil, with new: String = "", atLine line: Int? = nil,
                           in changed: String? = nil) throws -> [AuditDocument] {
        let connections = try Connections.memory(contents: .empty)
        let ids = try BudgetFixture.load(Self.years, into: connections, replacing: old, with: new, atLine: line, in: changed)
        return try ids.map { try AuditLoader.load(connections.reader, disclosureID: $0) }
    }

    func testConsecutiveBudgetsAgree() throws {
        let documents = try documents()
        XCTAssertEqual(documents.map(\.year), [2017, 2018, 2019])
        guard case .notApplicable = Y3PriorBudget.evaluate(documents[0]) else { return XCTFail("2017 has no prior budget loaded") }
        for document in documents.dropFirst() {
            guard case .pass(let checked) = Y3PriorBudget.evaluate(document) else {
                return XCTFail("\(document.year): \(Y3PriorBudget.evaluate(document))")
            }
            XCTAssertGreaterThanOrEqual(checked, 7, "\(document.year)")
        }
    }

    /// 2018's change of 基本支出 printed 1457.63: the implied 17,113.19 is not 2017's 17,123.19 — one
    /// finding (the growth rate it also breaks, D12, is the same root cause).
    func testPlantedChangeIsOneFinding() throws {
        let name = Self.years[1]
        let documents = try documents(replacing: "1447.63 万元，增长", with: "1457.63 万元，增长", atLine: 582, in: name)
        let findings = TextRulesFixture.findings(Y3PriorBudget.self, documents[1])
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line) \($0.expected ?? "")" }, ["warning 581 17123.19"])
        let all = BudgetFixture.findings(documents[1]).filter { $0.figures.contains { $0.lineFrom == 581 } }
        XCTAssertEqual(all.count, 1, all.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(all.first.map { Set([$0.ruleID] + $0.relatedRules) }, ["D12.budget-growth", "Y3.prior-budget"])
    }
}
