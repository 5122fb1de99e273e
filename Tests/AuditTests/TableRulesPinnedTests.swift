import XCTest
@testable import Audit

/// What the table rules (families A, B, C) report on each real document, pinned: one line per
/// rule that passes, does not apply or could not be evaluated, one line per finding
/// ("severity rule first-line stated/expected").
final class TableRulesPinnedTests: XCTestCase {
    typealias F = TableRulesFixture

    /// The seed (Sichuan, narrative only): identities hold where the text states enough; the
    /// 基本支出 636.02 vs 人员经费 + 公用经费 = 636.03 rounding note, and 基本支出 636.03 (line 56)
    /// vs 一般公共预算基本支出 636.02 (line 105) although all income is 一般公共预算.
    func testSeed() throws {
        XCTAssertEqual(F.pin(try F.seed()), [
            "A1.income-side: pass(1)",
            "A2.expenditure-side: pass(1)",
            "A3.income-sources: pass(1)",
            "A4.expenditure-parts: pass(1)",
            "A5.fiscal-balance: could not",
            "A6.general-parts: could not",
            "B1.code-hierarchy: pass(5)",
            "B2.table-total: pass(1)",
            "B3.row-identity: n/a",
            "B4.economic-detail: n/a",
            "B5.personnel-public: n/a",
            "info B6.basic-split L105 636.02/636.03",
            "B7.tables-read: n/a",
            "C1.class-totals: n/a",
            "C2.fiscal-columns: n/a",
            "C3.table-and-text: n/a",
            "warning C4.basic-general L52 636.02/636.03",
            "C5.admin-operating: pass(1)",
            "C6.sangong-economic: n/a",
        ])
    }

    /// 财政局: 0.01 rounding gaps in the 收入决算表 / 支出决算表 / 一般公共预算表 totals and in the 301/302
    /// detail; 208 printed 326.71 in both 总表 and 326.72 in the detail tables; the text's
    /// 财政拨款收支总计 "0.3万元".
    func testCaizhengju() throws {
        XCTAssertEqual(F.pin(try F.shanghai(F.caizhengju)), [
            "A1.income-side: pass(1)",
            "A2.expenditure-side: pass(1)",
            "A3.income-sources: pass(1)",
            "A4.expenditure-parts: pass(1)",
            "A5.fiscal-balance: pass(2)",
            "A6.general-parts: pass(1)",
            "B1.code-hierarchy: pass(54)",
            "info B2.table-total L135 2946.25/2946.26",
            "info B2.table-total L187 2336.91；2940.05/2336.92；2940.06",
            "info B2.table-total L309 2940.05；2336.91/2940.06；2336.92",
            "B3.row-identity: pass(29)",
            "info B4.economic-detail L319 2082.85；171.07/2082.86；171.09",
            "B5.personnel-public: pass(2)",
            "B6.basic-split: pass(1)",
            "B7.tables-read: pass(1)",
            "error C1.class-totals L116 326.72/326.71",
            "error C2.fiscal-columns L246 326.72/326.71",
            "error C3.table-and-text L246 326.72/326.71",
            "error C3.table-and-text L280 0.30/2961.68",
            "C4.basic-general: n/a",
            "C5.admin-operating: pass(1)",
            "C6.sangong-economic: n/a",
        ])
    }

    /// 规划资源局: 210 and 212 differ by 0.01 between 总表 and 支出决算表; the text's 基本支出 5377.64 and
    /// 人员经费 4896.98 against the tables' 5364.75 and 4884.09; rounding notes in the 财政拨款总表,
    /// the 212/21201/2120101 rows, 302 and 人员经费.
    func testGuihuaziyuanju() throws {
        XCTAssertEqual(F.pin(try F.shanghai(F.guihua)), [
            "A1.income-side: pass(1)",
            "A2.expenditure-side: pass(1)",
            "A3.income-sources: pass(1)",
            "A4.expenditure-parts: pass(1)",
            "A5.fiscal-balance: pass(2)",
            "info A6.general-parts L273 9746.50/9746.49",
            "B1.code-hierarchy: pass(88)",
            "info B2.table-total L273 9746.50；9746.50/9746.49；9746.49",
            "info B3.row-identity L316 3832.36；1092.80；1092.80/3832.35；1092.79；1092.79",
            "info B4.economic-detail L351 440.90/440.88",
            "info B5.personnel-public L351 4884.09/4884.10",
            "B6.basic-split: pass(1)",
            "B7.tables-read: pass(1)",
            "error C1.class-totals L137 236.64/236.63",
            "error C1.class-totals L139 3845.24/3845.25",
            "error C2.fiscal-columns L253 236.64/236.63",
            "error C3.table-and-text L342 5377.64/5364.75",
            "error C3.table-and-text L418 4896.98/4884.09",
            "warning C4.basic-general L129 5364.75/5377.64",
            "C5.admin-operating: pass(1)",
            "C6.sangong-economic: pass(4)",
        ])
    }

    /// 社会工作部: only two rounding notes.
    func testShehuigongzuobu() throws {
        XCTAssertEqual(F.pin(try F.shanghai(F.shehui)), [
            "A1.income-side: pass(1)",
            "A2.expenditure-side: pass(1)",
            "A3.income-sources: pass(1)",
            "A4.expenditure-parts: pass(1)",
            "A5.fiscal-balance: pass(2)",
            "A6.general-parts: pass(1)",
            "B1.code-hierarchy: pass(52)",
            "B2.table-total: pass(10)",
            "B3.row-identity: pass(25)",
            "info B4.economic-detail L268 10.23/10.22",
            "B5.personnel-public: pass(2)",
            "info B6.basic-split L259 105.58/105.59",
            "B7.tables-read: pass(1)",
            "C1.class-totals: pass(4)",
            "C2.fiscal-columns: pass(4)",
            "C3.table-and-text: pass(29)",
            "C4.basic-general: pass(1)",
            "C5.admin-operating: pass(1)",
            "C6.sangong-economic: n/a",
        ])
    }

    /// No table rule raises an error on a figure that reconciles: on the seed nothing above info
    /// except the C4 warning; and every finding names printed figures with lines.
    func testFindingsCarryTheirFigures() throws {
        let documents = [try F.seed(), try F.shanghai(F.caizhengju), try F.shanghai(F.guihua), try F.shanghai(F.shehui)]
        for document in documents {
            for rule in AuditRules.tableRules {
                for finding in F.findings(rule, document) {
                    XCTAssertEqual(finding.ruleID, rule.id)
                    XCTAssertEqual(finding.family, rule.family)
                    XCTAssertFalse(finding.figures.isEmpty, finding.message)
                    XCTAssertTrue(finding.figures.allSatisfy { $0.printed != nil && $0.lineFrom > 0 }, finding.message)
                    XCTAssertNotNil(finding.expected); XCTAssertNotNil(finding.stated); XCTAssertNotNil(finding.difference)
                    XCTAssertFalse(finding.message.contains("\n"))
                }
            }
        }
        let seedErrors = AuditRules.tableRules.flatMap { F.findings($0, try! F.seed()) }.filter { $0.severity == .error }
        XCTAssertEqual(seedErrors, [])
    }
}
