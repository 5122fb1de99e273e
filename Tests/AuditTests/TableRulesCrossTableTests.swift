import XCTest
@testable import Audit

/// Family C: the same quantity in two tables, or in a table and the text.
final class TableRulesCrossTableTests: XCTestCase {
    typealias F = TableRulesFixture

    func testC1ClassTotals() throws {
        // Positive (real): 规划资源局 总表 prints 210 as 236.63 and 212 as 3845.25; its 支出决算表 236.64 and 3845.24.
        let findings = F.findings(C1ClassTotals.self, try F.shanghai(F.guihua))
        XCTAssertEqual(F.summary(findings), ["error C1.class-totals L137 236.64/236.63", "error C1.class-totals L139 3845.24/3845.25"])
        XCTAssertEqual(findings[1].figures.map(\.lineFrom), [223, 139])
        XCTAssertEqual(findings[1].difference, "-0.01")
        XCTAssertTrue(findings[1].message.contains("收入支出决算总表第 139 行为 3845.25"), findings[1].message)
        // Negative.
        XCTAssertEqual(C1ClassTotals.evaluate(try F.shanghai(F.shehui)), .pass(checked: 4))
        guard case .notApplicable = C1ClassTotals.evaluate(try F.seed()) else { return XCTFail() }
        // Break: 社会工作部 总表 210 2.71 → 2.91.
        let broken = try F.shanghai(F.shehui, edits: [(85, "2.71", "2.91")])
        XCTAssertEqual(F.summary(F.findings(C1ClassTotals.self, broken)), ["error C1.class-totals L85 2.71/2.91"])
    }

    func testC2FiscalColumns() throws {
        // Positive (real): 财政局 财政拨款总表 208 326.71 against 326.72 in the 一般公共预算表.
        XCTAssertEqual(F.summary(F.findings(C2FiscalColumns.self, try F.shanghai(F.caizhengju))),
                       ["error C2.fiscal-columns L246 326.72/326.71"])
        XCTAssertEqual(C2FiscalColumns.evaluate(try F.shanghai(F.shehui)), .pass(checked: 4))
        guard case .notApplicable = C2FiscalColumns.evaluate(try F.seed()) else { return XCTFail() }
        // Break: 社会工作部 一般公共预算表 201 合计 264.87 → 265.87.
        let broken = try F.shanghai(F.shehui, edits: [(229, "264.87", "265.87")])
        XCTAssertEqual(F.summary(F.findings(C2FiscalColumns.self, broken)), ["error C2.fiscal-columns L184 265.87/264.87"])
    }

    func testC3TableAndText() throws {
        // Positive (real): 规划资源局 text states 基本支出 5377.64 and 人员经费 4896.98 where the table has 5364.75 and 4884.09.
        let findings = F.findings(C3TableAndText.self, try F.shanghai(F.guihua))
        XCTAssertEqual(F.summary(findings), ["error C3.table-and-text L342 5377.64/5364.75", "error C3.table-and-text L418 4896.98/4884.09"])
        XCTAssertEqual(findings[1].figures.map(\.sourceKind), ["text", "table"])
        XCTAssertEqual(findings[1].figures.map(\.printed), ["4896.98", "4884.09"])
        // 财政局's text states the 财政拨款收支总计 as 0.3 万元 (line 472), and 208 as 326.72
        // (line 483) where the 财政拨款 summary prints 326.71 (line 246).
        XCTAssertEqual(F.summary(F.findings(C3TableAndText.self, try F.shanghai(F.caizhengju))),
                       ["error C3.table-and-text L246 326.72/326.71", "error C3.table-and-text L280 0.30/2961.68"])
        // Negative.
        XCTAssertEqual(C3TableAndText.evaluate(try F.shanghai(F.shehui)), .pass(checked: 29), "20 figures, and the 9 项 决算 of the itemised list (lines 399-439)")
        guard case .notApplicable = C3TableAndText.evaluate(try F.seed()) else { return XCTFail() }
        // Break: 社会工作部 text 人员经费 95.36 → 95.56.
        let broken = try F.shanghai(F.shehui, edits: [(442, "95.36", "95.56")])
        XCTAssertEqual(F.summary(F.findings(C3TableAndText.self, broken)), ["error C3.table-and-text L320 95.56/95.36"])
    }

    func testC4BasicGeneral() throws {
        // Positive (real): the seed's income is all 一般公共预算, yet 基本支出 636.03 ≠ 一般公共预算基本支出 636.02.
        let seed = F.findings(C4BasicGeneral.self, try F.seed())
        XCTAssertEqual(F.summary(seed), ["warning C4.basic-general L52 636.02/636.03"])
        XCTAssertEqual(F.summary(F.findings(C4BasicGeneral.self, try F.shanghai(F.guihua))),
                       ["warning C4.basic-general L129 5364.75/5377.64"])
        // Negative.
        XCTAssertEqual(C4BasicGeneral.evaluate(try F.shanghai(F.shehui)), .pass(checked: 1))
        XCTAssertEqual(C4BasicGeneral.evaluate(try F.seedText(edits: [(105, "636.02", "636.03")])), .pass(checked: 1))
        guard case .notApplicable = C4BasicGeneral.evaluate(try F.shanghai(F.caizhengju)) else { return XCTFail() }
        // Break: 社会工作部 支出决算表 合计 row 基本支出 105.58 → 105.78.
        let broken = try F.shanghai(F.shehui, edits: [(149, "105.58", "105.78")])
        XCTAssertEqual(F.summary(F.findings(C4BasicGeneral.self, broken)), ["warning C4.basic-general L77 105.58/105.78"])
    }

    func testC5AdminOperating() throws {
        // Negative on all four documents (the seed and 财政局 print 机关运行经费 = 公用经费).
        for document in [try F.seed(), try F.shanghai(F.caizhengju), try F.shanghai(F.guihua), try F.shanghai(F.shehui)] {
            XCTAssertEqual(C5AdminOperating.evaluate(document), .pass(checked: 1))
        }
        // Positive / break: 财政局 机关运行经费 184.65 → 185.65.
        let broken = try F.shanghai(F.caizhengju, edits: [(566, "184.65", "185.65")])
        let findings = F.findings(C5AdminOperating.self, broken)
        XCTAssertEqual(F.summary(findings), ["warning C5.admin-operating L422 185.65/≤ 184.65"])
        XCTAssertEqual(findings[0].difference, "1.00")
    }

    func testC6SangongEconomic() throws {
        // Negative (real): 规划资源局 30217 0.39 = 公务接待费 0.39; 30212, 30231, 31013 all 0.00.
        let guihua = try F.shanghai(F.guihua)
        XCTAssertEqual(C6SangongEconomic.evaluate(guihua), .pass(checked: 4))
        guard case .notApplicable = C6SangongEconomic.evaluate(try F.seed()) else { return XCTFail() }
        // Positive / break: 30217 公务接待费 0.39 → 1.39 (changed in the loaded document: the importer
        // drops 302 details that no longer add up).
        let broken = F.mutated(guihua, line: 379, printed: "0.39", to: "1.39")
        let findings = F.findings(C6SangongEconomic.self, broken)
        // A part larger than the whole it belongs to cannot be right: an error.
        XCTAssertEqual(F.summary(findings), ["error C6.sangong-economic L379 1.39/≤ 0.39"])
        XCTAssertTrue(findings[0].message.contains("30217"), findings[0].message)
        // Within one unit of the last printed digit (0.40 against 0.39) it may be rounding: a note.
        let close = F.mutated(guihua, line: 379, printed: "0.39", to: "0.40")
        XCTAssertEqual(F.summary(F.findings(C6SangongEconomic.self, close)), ["info C6.sangong-economic L379 0.40/≤ 0.39"])
    }
}
