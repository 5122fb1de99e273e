import XCTest
import Core
import Importer
import Store
@testable import Audit

/// Rules that reach budget documents beyond the budget identities — C5 (机关运行经费 ≤ 公用经费),
/// D10 (类/款/项 names of the text) and F1 on 面向中小企业预留: each honest dev document passes (or
/// is out of the rule's reach, with the reason), and one planted change is one finding at its line.
final class BudgetRulesReachTests: XCTestCase {
    typealias B = BudgetFixture
    static let shangwuwei = "2025-shanghai-putuo-shangwuwei-bumen-yusuan"
    static let fayuan17 = "2017-jiangsu-shengji-gaojifayuan-bumen-yusuan"
    static let fayuan18 = "2018-jiangsu-shengji-gaojifayuan-bumen-yusuan"
    static let renda18 = "2018-jiangsu-shengji-renda-bangongting-bumen-yusuan"
    static let wanli = "2023-shanghai-putuo-wanli-jiedao-bumen-yusuan"

    /// swB: 机关运行经费 171.01 万元 (三公 table, line 369) against 公用经费 1,710,062.00 元 (table 8 合计,
    /// line 357): 171.01 covers 171.00620 at its printed precision, so C5 passes; printed 181.01 it is
    /// one finding citing line 369.
    func testShanghaiAdminOperatingAgainstPublicFunds() throws {
        let honest = try B.document(Self.shangwuwei)
        XCTAssertEqual(C5AdminOperating.evaluate(honest), .pass(checked: 1))
        let document = try B.document(Self.shangwuwei, replacing: "171.01", with: "181.01", atLine: 369)
        let findings = B.findings(document)
        XCTAssertEqual(findings.count, 1, findings.map(\.message).joined(separator: "\n"))
        let finding = try XCTUnwrap(findings.first)
        XCTAssertTrue(finding.rules.contains("C5.admin-operating"), finding.rules)
        XCTAssertTrue(finding.figures.contains { $0.lineFrom == 369 && $0.printed == "181.01" }, finding.message)
        XCTAssertTrue(finding.figures.contains { $0.lineFrom == 357 }, finding.message)
    }

    /// fy18: the 机关运行经费 table (合计 3,407.38, line 445) itemises only 302 items of the 一般公共
    /// 预算基本支出 table, and equals the text's 公用经费 3407.38 (line 670): C5 passes. Its 合计 printed
    /// 3,507.38 is one finding at line 445.
    func testJiangsuAdminOperatingAgainstPublicFunds() throws {
        let honest = try B.document(Self.fayuan18)
        XCTAssertEqual(C5AdminOperating.evaluate(honest), .pass(checked: 1))
        let document = try B.document(Self.fayuan18, replacing: "3,407.38", with: "3,507.38", atLine: 445)
        let citing = B.findings(document).filter { $0.rules.contains("C5.admin-operating") }
        XCTAssertEqual(citing.count, 1, citing.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(citing.first?.figures.contains { $0.lineFrom == 445 && $0.printed == "3,507.38" } == true)
        XCTAssertEqual(citing.first?.line, 445)
    }

    /// fy17's 机关运行经费 9,193.40 (line 470) counts project money (its text says so, lines 718–722):
    /// its table itemises 302 商品和服务支出 9,050.00 (line 471), more than the 3,528.37 of 302 in the
    /// 一般公共预算基本支出 table (line 439), and 31002 办公设备购置 143.40 (line 487), which that table
    /// does not print. It exceeds 公用经费 3528.37 (line 687) by definition, so C5 does not compare them.
    func testAdminOperatingWiderThanBasicIsNotCompared() throws {
        let document = try B.document(Self.fayuan17)
        guard case .notApplicable(let reason) = C5AdminOperating.evaluate(document) else {
            return XCTFail("\(C5AdminOperating.evaluate(document))")
        }
        XCTAssertTrue(reason.contains("302") && reason.contains("9,050.00"), reason)
    }

    /// swB names every 项 by 类（类）款（款）项（项） (lines 108–135): D10 resolves them all; the 类 of
    /// line 108 printed “一般公共事务支出” is one warning at line 108.
    func testShanghaiClassNames() throws {
        let honest = try B.document(Self.shangwuwei)
        guard case .pass(let checked) = D10ClassNames.evaluate(honest) else { return XCTFail("\(D10ClassNames.evaluate(honest))") }
        XCTAssertGreaterThanOrEqual(checked, 3)
        let document = try B.document(Self.shangwuwei, replacing: "“一般公共服务支出（类）商贸事务（款）",
                                      with: "“一般公共事务支出（类）商贸事务（款）", atLine: 108)
        let findings = B.findings(document)
        XCTAssertEqual(findings.map { "\($0.rules) \($0.severity.rawValue) \($0.line)" }, ["D10.class-names warning 108"])
        XCTAssertTrue(findings.first?.message.contains("一般公共事务支出") == true)
    }

    /// rd18 line 807 labels the 款 行政事业单位离退休 (20805) “（类）”: the finding says which 款 it names.
    func testKuanLabelledAsClass() throws {
        let findings = TextRulesFixture.findings(D10ClassNames.self, try B.document(Self.renda18))
        let first = try XCTUnwrap(findings.first { $0.line == 807 })
        XCTAssertTrue(first.message.contains("款 20805"), first.message)
        XCTAssertTrue(findings.contains { $0.line == 816 && $0.message.contains("款 22102") })   // 住房改革支出（类）
    }

    /// wl23 line 805–807: 政府采购预算 830.00 = 10.00 + 550.00 + 270.00, of which 面向中小企业预留 332.00 and
    /// of that 小微企业 232.40: F1 passes. The reserve printed 932.00 exceeds the 830.00: one finding, at line 807.
    func testProcurementReservedForSMEs() throws {
        let honest = try B.document(Self.wanli)
        guard case .pass(let checked) = F1Procurement.evaluate(honest) else { return XCTFail("\(F1Procurement.evaluate(honest))") }
        XCTAssertEqual(checked, 3, "Σ 货物/工程/服务, 预留 ≤ 总额, 小微 ≤ 预留")
        let document = try B.document(Self.wanli, replacing: "预算金额332.00万元", with: "预算金额932.00万元", atLine: 807)
        let findings = B.findings(document)
        // One error, citing the changed reserve (line 807) against the total (line 805).
        XCTAssertEqual(findings.map { "\($0.rules) \($0.severity.rawValue)" }, ["F1.procurement error"])
        XCTAssertEqual(findings.first?.figures.map { "\($0.lineFrom) \($0.printed ?? "")" }, ["807 932.00", "805 830.00"])
    }
}
