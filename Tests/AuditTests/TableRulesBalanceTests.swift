import XCTest
@testable import Audit

/// Family A: balance identities, on real documents and mutated ones.
final class TableRulesBalanceTests: XCTestCase {
    typealias F = TableRulesFixture

    func testA1IncomeSide() throws {
        // Negative: every real document reconciles (the seed: 总计 889.16 = 本年收入合计 889.16).
        XCTAssertEqual(A1IncomeSide.evaluate(try F.seed()), .pass(checked: 1))
        XCTAssertEqual(A1IncomeSide.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 1))
        // Break: 年初结转和结余 49.14 → 49.34.
        let broken = try F.shanghai(F.caizhengju, edits: [(139, "49.14", "49.34")])
        let findings = F.findings(A1IncomeSide.self, broken)
        XCTAssertEqual(F.summary(findings), ["error A1.income-side L135 2995.39/2995.59"])
        XCTAssertEqual(findings.first?.difference, "-0.20")
        XCTAssertTrue(findings.first?.figures.contains { $0.printed == "49.34" && $0.sourceKind == "table" && $0.lineFrom == 139 } ?? false)
        XCTAssertTrue(findings.first?.message.contains("收支总计") ?? false)
    }

    func testA1TextWithUnknownPartsCannotBeDecidedWhenShort() throws {
        // Positive on text: the seed's 收支总计 raised above 本年收入合计 — the gap could be an undisclosed 年初结转.
        let seed = try F.seedText(edits: [(45, "889.16", "899.16")])
        guard case .couldNotEvaluate(let why) = A1IncomeSide.evaluate(seed) else {
            return XCTFail("\(A1IncomeSide.evaluate(seed))")
        }
        XCTAssertTrue(why.contains("年初结转和结余"), why)
        // …but a 收入 above the 总计 is an error whatever the undisclosed parts are.
        let over = try F.seedText(edits: [(52, "889.16", "899.16")])
        XCTAssertEqual(F.summary(F.findings(A1IncomeSide.self, over)), ["error A1.income-side L45 889.16/899.16"])
    }

    func testA2ExpenditureSide() throws {
        XCTAssertEqual(A2ExpenditureSide.evaluate(try F.seed()), .pass(checked: 1))
        XCTAssertEqual(A2ExpenditureSide.evaluate(try F.shanghai(F.guihua)), .pass(checked: 1))
        let broken = try F.shanghai(F.caizhengju, edits: [(139, "55.34", "55.54")])
        XCTAssertEqual(F.summary(F.findings(A2ExpenditureSide.self, broken)), ["error A2.expenditure-side L135 2995.39/2995.59"])
        XCTAssertTrue(A1IncomeSide.evaluate(broken) == .pass(checked: 1), "A1 does not read the 年末 side")
    }

    func testA3IncomeSources() throws {
        XCTAssertEqual(A3IncomeSources.evaluate(try F.seed()), .pass(checked: 1))
        XCTAssertEqual(A3IncomeSources.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 1))
        // Break: 其他收入 6.20 → 6.40 in the 总表.
        let broken = try F.shanghai(F.caizhengju, edits: [(116, "6.20", "6.40")])
        XCTAssertEqual(F.summary(F.findings(A3IncomeSources.self, broken)), ["error A3.income-sources L109 2946.25/2946.45"])
    }

    func testA4ExpenditureParts() throws {
        XCTAssertEqual(A4ExpenditureParts.evaluate(try F.seed()), .pass(checked: 1))
        XCTAssertEqual(A4ExpenditureParts.evaluate(try F.shanghai(F.guihua)), .pass(checked: 1))
        // Break: the seed's 项目支出 253.13 → 253.33: 636.03 + 253.33 ≠ 889.16.
        let seed = try F.seedText(edits: [(56, "253.13", "253.33")])
        XCTAssertEqual(F.summary(F.findings(A4ExpenditureParts.self, seed)), ["error A4.expenditure-parts L56 889.16/889.36"])
        // Break in a table: 支出决算表 合计 row 项目支出 603.14 → 603.34.
        let broken = try F.shanghai(F.caizhengju, edits: [(187, "603.14", "603.34")])
        XCTAssertEqual(F.summary(F.findings(A4ExpenditureParts.self, broken)), ["error A4.expenditure-parts L135 2940.05/2940.25"])
    }

    func testA5FiscalBalance() throws {
        // The seed prints only the 财政拨款收支总计: nothing to add up.
        guard case .couldNotEvaluate = A5FiscalBalance.evaluate(try F.seed()) else { return XCTFail() }
        XCTAssertEqual(A5FiscalBalance.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 2))
        XCTAssertEqual(A5FiscalBalance.evaluate(try F.shanghai(F.shehui)), .pass(checked: 2))
        // Break: 年初财政拨款结转和结余 21.63 → 21.83.
        let broken = try F.shanghai(F.caizhengju, edits: [(274, "21.63", "21.83")])
        XCTAssertEqual(F.summary(F.findings(A5FiscalBalance.self, broken)), ["error A5.fiscal-balance L272 2961.68/2961.88"])
    }

    func testA6GeneralParts() throws {
        // Positive (real): 规划资源局 9746.50 against 5364.75 + 4381.74 = 9746.49 — a rounding note.
        let findings = F.findings(A6GeneralParts.self, try F.shanghai(F.guihua))
        XCTAssertEqual(F.summary(findings), ["info A6.general-parts L273 9746.50/9746.49"])
        XCTAssertEqual(findings.first?.difference, "0.01")
        XCTAssertEqual(A6GeneralParts.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 1))
        // The seed does not state the 一般公共预算项目支出.
        guard case .couldNotEvaluate = A6GeneralParts.evaluate(try F.seed()) else { return XCTFail() }
        // Break: 一般公共预算表 合计 row 项目支出 603.14 → 603.34.
        let broken = try F.shanghai(F.caizhengju, edits: [(309, "603.14", "603.34")])
        XCTAssertEqual(F.summary(F.findings(A6GeneralParts.self, broken)), ["error A6.general-parts L273 2940.05/2940.25"])
    }
}
