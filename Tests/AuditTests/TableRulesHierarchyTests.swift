import XCTest
@testable import Audit

/// Family B: hierarchy and row arithmetic, on real documents and mutated ones.
final class TableRulesHierarchyTests: XCTestCase {
    typealias F = TableRulesFixture

    func testB1CodeHierarchy() throws {
        // Negative: the seed's 类 in the text (line 76) are the sums of the 项 it lists (lines 82–102).
        XCTAssertEqual(B1CodeHierarchy.evaluate(try F.seed()), .pass(checked: 5))
        XCTAssertEqual(B1CodeHierarchy.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 54))
        XCTAssertEqual(B1CodeHierarchy.evaluate(try F.shanghai(F.shehui)), .pass(checked: 52))
        // Break: 20805 行政事业单位养老支出 in the 一般公共预算表 raised by 0.20 in 合计 and 基本支出
        // (the row still adds up): 208 ≠ Σ 款 and 20805 ≠ Σ 项, in both columns.
        let broken = try F.shanghai(F.caizhengju, edits: [(297, "326.72", "326.92"), (297, "326.72", "326.92")])
        let findings = F.findings(B1CodeHierarchy.self, broken)
        XCTAssertEqual(F.summary(findings), [
            "error B1.code-hierarchy L296 326.72/326.92", "error B1.code-hierarchy L297 326.92/326.72",
            "error B1.code-hierarchy L296 326.72/326.92", "error B1.code-hierarchy L297 326.92/326.72",
        ])
        XCTAssertTrue(findings[0].message.hasPrefix("208 社会保障和就业支出（一般公共预算财政拨款，决算数） 326.72"), findings[0].message)
        // Positive on text: the seed's 2080505 54.18 → 55.18 makes Σ 项 exceed the 类 (error). The
        // 项 2089999 is printed as "1" (± 0.5), so a smaller change stays inside the interval.
        let seed = try F.seedText(edits: [(93, "54.18", "55.18")])
        XCTAssertEqual(F.summary(F.findings(B1CodeHierarchy.self, seed)), ["error B1.code-hierarchy L76 57.34/58.34"])
        let inside = try F.seedText(edits: [(93, "54.18", "54.38")])
        XCTAssertEqual(F.summary(F.findings(B1CodeHierarchy.self, inside)), ["info B1.code-hierarchy L76 57.34/57.54"])
        // A 项 lowered in the text may be one left out: a warning.
        let lower = try F.seedText(edits: [(93, "54.18", "53.18")])
        XCTAssertEqual(F.findings(B1CodeHierarchy.self, lower).map(\.severity), [.warning])
    }

    func testB2TableTotal() throws {
        // Positive (real): 财政局 合计 rows are 0.01 below Σ 类 in three tables — rounding notes, one per table.
        let findings = F.findings(B2TableTotal.self, try F.shanghai(F.caizhengju))
        XCTAssertEqual(F.summary(findings), [
            "info B2.table-total L135 2946.25/2946.26",
            "info B2.table-total L187 2336.91；2940.05/2336.92；2940.06",
            "info B2.table-total L309 2940.05；2336.91/2940.06；2336.92",
        ])
        XCTAssertTrue(findings[1].message.contains("支出决算表有 2 处尾差"), findings[1].message)
        // Negative.
        XCTAssertEqual(B2TableTotal.evaluate(try F.seed()), .pass(checked: 1))
        XCTAssertEqual(B2TableTotal.evaluate(try F.shanghai(F.shehui)), .pass(checked: 10))
        // Break: the seed's 一般公共预算财政拨款支出 at line 76 raised by 0.10.
        let seed = try F.seedText(edits: [(76, "889.16", "889.26")])
        XCTAssertEqual(F.summary(F.findings(B2TableTotal.self, seed)), ["error B2.table-total L76 889.26/889.16"])
    }

    func testB3RowIdentity() throws {
        // Positive (real): 规划资源局 212 / 21201 / 2120101 合计 0.01 above 基本 + 项目: one grouped note.
        let findings = F.findings(B3RowIdentity.self, try F.shanghai(F.guihua))
        XCTAssertEqual(F.summary(findings), ["info B3.row-identity L316 3832.36；1092.80；1092.80/3832.35；1092.79；1092.79"])
        XCTAssertEqual(findings[0].figures.map(\.lineFrom), [316, 318, 321])
        // Negative.
        XCTAssertEqual(B3RowIdentity.evaluate(try F.shanghai(F.shehui)), .pass(checked: 25))
        guard case .notApplicable = B3RowIdentity.evaluate(try F.seed()) else { return XCTFail() }
        // Break: 支出决算表 201 基本支出 62.63 → 62.83 (合计 264.87, 项目支出 202.24).
        let broken = try F.shanghai(F.shehui, edits: [(150, "62.63", "62.83")])
        XCTAssertEqual(F.summary(F.findings(B3RowIdentity.self, broken)), ["error B3.row-identity L150 264.87/265.07"])
    }

    func testB4EconomicDetail() throws {
        // Positive (real): 财政局 301 and 302 off their detail by 0.01 and 0.02 — one grouped note.
        let findings = F.findings(B4EconomicDetail.self, try F.shanghai(F.caizhengju))
        XCTAssertEqual(F.summary(findings), ["info B4.economic-detail L319 2082.85；171.07/2082.86；171.09"])
        XCTAssertEqual(findings[0].difference, "-0.01；-0.02")
        guard case .notApplicable = B4EconomicDetail.evaluate(try F.seed()) else { return XCTFail() }
        // Negative: a document whose detail adds up after fixing its one 0.01 gap (社会工作部 30201 3.78 → 3.79).
        let fixed = try F.shanghai(F.shehui, edits: [(269, "3.78", "3.79")])
        XCTAssertEqual(B4EconomicDetail.evaluate(fixed), .pass(checked: 4))
        // Break: 30101 262.33 → 262.53. The importer drops details that do not add up to their
        // 类 (it warns "明细未导入"), so the figure is changed in the loaded document.
        let broken = F.mutated(try F.shanghai(F.caizhengju), line: 321, printed: "262.33", to: "262.53")
        XCTAssertEqual(F.summary(F.findings(B4EconomicDetail.self, broken)), [
            "error B4.economic-detail L319 2082.85/2083.06",
            "info B4.economic-detail L319 171.07/171.09",
        ])
    }

    func testB5PersonnelPublic() throws {
        // Positive (real): 规划资源局 人员经费 4884.09 against 301 + 303 = 4884.10 — a rounding note.
        XCTAssertEqual(F.summary(F.findings(B5PersonnelPublic.self, try F.shanghai(F.guihua))),
                       ["info B5.personnel-public L351 4884.09/4884.10"])
        XCTAssertEqual(B5PersonnelPublic.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 2))
        guard case .notApplicable = B5PersonnelPublic.evaluate(try F.seed()) else { return XCTFail() }
        // Break: 人员经费合计 2,152.26 → 2,152.46.
        let broken = try F.shanghai(F.caizhengju, edits: [(422, "2,152.26", "2,152.46")])
        XCTAssertEqual(F.summary(F.findings(B5PersonnelPublic.self, broken)), ["error B5.personnel-public L319 2152.46/2152.26"])
    }

    func testB6BasicSplit() throws {
        // Positive (real): the seed's 636.02 against 555.34 + 80.69 = 636.03: inside the attainable
        // interval [636.02, 636.04] but not the 四舍五入 value — a rounding note, not an error.
        let findings = F.findings(B6BasicSplit.self, try F.seed())
        XCTAssertEqual(F.summary(findings), ["info B6.basic-split L105 636.02/636.03"])
        XCTAssertEqual(findings[0].figures.map(\.printed), ["636.02", "555.34", "80.69"])
        XCTAssertEqual(findings[0].figures.map(\.sourceKind), ["text", "text", "text"])
        // Negative.
        XCTAssertEqual(B6BasicSplit.evaluate(try F.shanghai(F.caizhengju)), .pass(checked: 1))
        XCTAssertEqual(B6BasicSplit.evaluate(try F.seedText(edits: [(105, "636.02", "636.03")])), .pass(checked: 1))
        // Break: 人员经费 555.34 → 555.54 in the seed text.
        let broken = try F.seedText(edits: [(107, "555.34", "555.54")])
        XCTAssertEqual(F.summary(F.findings(B6BasicSplit.self, broken)), ["error B6.basic-split L105 636.02/636.23"])
    }

    /// The reading-order variant of caizhengju with 2210201's 基本支出 cell misprinted (line 226:
    /// 187.19 → 187.09): the reader cannot place the row's cells and leaves them out, so 22102's
    /// 基本支出 445.69 (line 225) has no children in that column; B1 names the blank rows (lines
    /// 226, 227) so the auditor sees where the cells went.
    func testB1NamesChildRowsWithABlankCell() throws {
        let variant = "fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-reading-order.txt"
        let document = try F.shanghai(variant, edits: [(226, "187.19 187.19", "187.19 187.09")])
        let finding = F.findings(B1CodeHierarchy.self, document).first { $0.line == 225 }
        XCTAssertNotNil(finding)
        let blank = finding?.figures.filter { $0.printed == nil && $0.sourceKind == "table" }.map(\.lineFrom)
        XCTAssertEqual(blank, [226, 227])
        XCTAssertTrue(finding?.message.contains("2210201、2210203 的“基本支出”栏空白") == true, finding?.message ?? "")
        // As printed, the variant has no such finding.
        XCTAssertNil(F.findings(B1CodeHierarchy.self, try F.shanghai(variant)).first { $0.line == 225 })
    }
}
