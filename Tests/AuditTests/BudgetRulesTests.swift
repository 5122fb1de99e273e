import XCTest
import Core
import Importer
import Store
@testable import Audit

/// `check` on budget documents (预算): the rules that apply to them, the table identities of
/// the budget templates, text against tables, template residue, and the negative control on
/// every dev budget document. Planted defects change one printed figure of a fixture.
final class BudgetRulesTests: XCTestCase {
    typealias B = BudgetFixture
    static let shangwuwei = "2025-shanghai-putuo-shangwuwei-bumen-yusuan"
    static let fayuan18 = "2018-jiangsu-shengji-gaojifayuan-bumen-yusuan"
    static let renda18 = "2018-jiangsu-shengji-renda-bangongting-bumen-yusuan"

    /// "rule severity line" of each error, one per root cause.
    private func errors(_ findings: [Finding]) -> [String] {
        findings.filter { $0.severity == .error }.map { "\($0.rules) \($0.severity.rawValue) \($0.line)" }
    }

    /// The negative control: every dev budget disclosure (15, the split ones as one) checks with
    /// one error only, a defect by reading: renda 2018 prints 单位预留机动经费 1685.72, up 1557.29
    /// on last year's budget, “增长1312.56 %” (lines 723–724), but 1557.29 ÷ (1685.72 − 1557.29)
    /// = 1557.29 ÷ 128.43 = 1212.56% (128.43 is the 2017 budget's 单位预留机动经费, 2017 file
    /// line 410). Its warnings are template placeholders left in the text (“增加（减少）”,
    /// renda 2018 lines 682–915, renda 2019 lines 617–788). Two more errors are shares forced
    /// to sum to 100% (D2): fayuan 2017 line 623 单位预留机动经费 182.92 of 本年支出预算合计
    /// 28849.38 (line 620) is 0.634%, printed “占 0.64%” (59.35 + 40.01 + 0.64 = 100); renda 2018
    /// line 748 1685.72 of 15897.44 (line 744) is 10.604%, printed “占10.61%” (49.55 + 39.84 + 10.61 = 100).
    func testEveryDevBudgetChecksWithoutFalseErrors() throws {
        let connections = try Connections.memory(contents: .empty)
        let ids = try B.load(B.files, into: connections)
        XCTAssertEqual(ids.count, 15)
        var pinned: [String] = [], names: [String] = []
        for id in ids {
            let document = try AuditLoader.load(connections.reader, disclosureID: id)
            XCTAssertTrue(document.isBudget)
            let results = Auditor.evaluate(document)
            // Only rules that audit budgets run, and every budget rule does.
            let budgetRules = Set(AuditRules.all.filter { $0.applies(to: "预算") }.map { $0.id })
            XCTAssertEqual(Set(results.map(\.ruleID)), budgetRules)
            let findings = Auditor.Report(results: results).findings
            pinned += errors(findings).map { "\(document.unitName) \(document.year) \($0)" }
            for finding in findings where finding.severity == .warning && finding.ruleID != "D10.class-names" {
                XCTAssertEqual(finding.ruleID, "R1.placeholders", "\(document.unitName) \(document.year): \(finding.message)")
                XCTAssertTrue(finding.message.contains("（减少）"), finding.message)
            }
            names += findings.filter { $0.ruleID == "D10.class-names" }.map { "\(document.unitName) \(document.year) \($0.line)" }
        }
        XCTAssertEqual(pinned, ["江苏省高级人民法院 2017 D2.share error 620", "江苏省人大常委会办公厅 2018 D12.budget-growth error 723",
                                "江苏省人大常委会办公厅 2018 D2.share error 744"])
        // D10 warnings, defects by reading: renda 2018 and 2019 label the 款 行政事业单位离退休 (20805)
        // and 住房改革支出 (22102) “（类）” (2018 lines 807–823; 2019 -wenjian lines 253–268, numbered
        // 719–734 after the 465 lines of the -biaoge tables); the 福利院 2024 text names 210 by its former
        // name 医疗卫生与计划生育支出 (line 73) while its code tables print 卫生健康支出 (lines 133, 171, 228).
        XCTAssertEqual(names, ["江苏省人大常委会办公厅 2018 807", "江苏省人大常委会办公厅 2018 811", "江苏省人大常委会办公厅 2018 813",
                               "江苏省人大常委会办公厅 2018 816", "江苏省人大常委会办公厅 2018 823",
                               "江苏省人大常委会办公厅 2019 719", "江苏省人大常委会办公厅 2019 724", "江苏省人大常委会办公厅 2019 727",
                               "江苏省人大常委会办公厅 2019 731", "江苏省人大常委会办公厅 2019 734", "上海市普陀区社会福利院 2024 73"])
    }

    /// Rules for final accounts only never run on a budget and the budget rules never on a final account.
    func testRulesRunOnTheirKindsOnly() throws {
        let budget = try B.document(Self.shangwuwei)
        let ran = Set(Auditor.evaluate(budget).map(\.ruleID))
        for id in ["A1.income-side", "A5.fiscal-balance", "D4.completion", "G8.project-totals", "R8.tables-published"] {
            XCTAssertFalse(ran.contains(id), id)
        }
        for id in ["A7.budget-balance", "A8.fiscal-parts", "B1.code-hierarchy", "B2.table-total", "B3.row-identity", "C3.table-and-text",
                   "C5.admin-operating", "D10.class-names", "R7.year-residue"] {
            XCTAssertTrue(ran.contains(id), id)
        }
        let seed = try TextRulesFixture.seed()
        let final = Set(Auditor.evaluate(seed).map(\.ruleID))
        XCTAssertFalse(final.contains("A7.budget-balance"))
        XCTAssertFalse(final.contains("D12.budget-growth"))
        XCTAssertTrue(final.contains("A1.income-side"))
        // The identities hold on the honest document: each rule passed (not merely ran).
        for result in Auditor.evaluate(budget) where ["A7.budget-balance", "A8.fiscal-parts", "B1.code-hierarchy", "B2.table-total",
                                                      "B3.row-identity", "B4.economic-detail", "B5.personnel-public"].contains(result.ruleID) {
            guard case .pass(let checked) = result.outcome else { return XCTFail("\(result.ruleID): \(result.outcome)") }
            XCTAssertGreaterThan(checked, 0)
        }
    }

    /// The one finding citing a printed figure of `line`, with the rules it names.
    private func single(_ findings: [Finding], line: Int, file: StaticString = #filePath, at: UInt = #line) -> Finding? {
        let citing = findings.filter { $0.severity == .error && $0.figures.contains { $0.lineFrom == line && $0.printed != nil } }
        XCTAssertEqual(citing.count, 1, citing.map(\.message).joined(separator: "\n"), file: file, line: at)
        return citing.first
    }

    /// 商务委 2025 表一 (line 157): 支出总计 changed to 371,514,955.00 breaks 收入总计 = 支出总计 (A7),
    /// the table's Σ 类 (B2) and the same total in 支出预算总表 (C3, line 234): one finding.
    func testPlantedTotalIsOneFinding() throws {
        let document = try B.document(Self.shangwuwei, replacing: "支出总计            371,514,655.00",
                                      with: "支出总计            371,514,955.00", atLine: 157)
        let finding = try XCTUnwrap(single(B.findings(document), line: 157))
        XCTAssertTrue(finding.rules.contains("A7.budget-balance"), finding.rules)
        XCTAssertTrue(finding.rules.contains("B2.table-total"), finding.rules)
    }

    /// fayuan 2018 line 598: 项目支出 11343.27 万元 of 本年支出预算合计 33172.15 (line 596) is 34.20%;
    /// printed “占 43.20%” it is one D2 finding, and the honest document has none.
    func testPlantedShareIsOneFinding() throws {
        let honest = B.findings(try B.document(Self.fayuan18))
        XCTAssertFalse(honest.contains { $0.rules.contains("D2.share") && $0.severity == .error })
        let document = try B.document(Self.fayuan18, replacing: "项目支出 11343.27 万元，占 34.20%",
                                      with: "项目支出 11343.27 万元，占 43.20%", atLine: 598)
        let finding = try XCTUnwrap(single(B.findings(document), line: 598))
        XCTAssertEqual(finding.rules, "D2.share")
        XCTAssertTrue(finding.message.contains("43.20%") && finding.message.contains("34.20%"), finding.message)
    }

    /// 表一 财政拨款收入 (line 146) printed 100,000 short: ≠ 一般公共预算资金 (A8; a larger one would leave
    /// room for parts the table leaves blank), ≠ 财政拨款支出 (A7), and the text's
    /// 37,151.47万元 (line 100) no longer covers it (C3, across units): one finding.
    func testPlantedFiscalIncomeIsOneFinding() throws {
        let document = try B.document(Self.shangwuwei, replacing: "财政拨款收入                  371,514,655.00",
                                      with: "财政拨款收入                  371,414,655.00", atLine: 146)
        let finding = try XCTUnwrap(single(B.findings(document), line: 146))
        XCTAssertTrue(finding.rules.contains("A8.fiscal-parts"), finding.rules)
        XCTAssertTrue(finding.rules.contains("A7.budget-balance"), finding.rules)
        XCTAssertTrue(finding.rules.contains("C3.table-and-text"), finding.rules)
    }

    /// 支出预算总表 row 2011301 行政运行 (line 206): 合计 changed breaks the row (B3), its 款 (B1) and
    /// the same figure in 收入预算总表 (C1): one finding.
    func testPlantedRowIsOneFinding() throws {
        let document = try B.document(Self.shangwuwei, replacing: "9,389,913.00    9,389,913.00",
                                      with: "9,389,923.00    9,389,913.00", atLine: 206)
        let finding = try XCTUnwrap(single(B.findings(document), line: 206))
        XCTAssertTrue(finding.rules.contains("B3.row-identity"), finding.rules)
        XCTAssertTrue(finding.rules.contains("B1.code-hierarchy"), finding.rules)
    }

    /// The text's 万元 against the tables' 元: 37,151.47万元 covers 371,514,655.00元; 37,151.57 does not.
    func testTextAgainstTableAcrossUnits() throws {
        let honest = try B.document(Self.shangwuwei)
        XCTAssertTrue(TextRulesFixture.findings(C3TableAndText.self, honest).isEmpty)
        let document = try B.document(Self.shangwuwei, replacing: "收入预算37,151.47万元", with: "收入预算37,151.57万元", atLine: 100)
        let findings = TextRulesFixture.findings(C3TableAndText.self, document)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line)" }, ["error 100"])
    }

    /// fy18 line 582: 基本支出 18570.82, 增加1447.63万元, “增长 8.45%” (1447.63 ÷ 17123.19 = 8.454%);
    /// printed 9.45% it is one D12 error.
    func testPlantedBudgetGrowth() throws {
        let honest = try B.document(Self.fayuan18)
        guard case .pass(let checked) = D12BudgetGrowth.evaluate(honest) else { return XCTFail("D12 did not pass") }
        // Five rates: 收支总计, 基本, 项目, 单位预留机动经费 (lines 562–588) and 机关运行经费 (727–728:
        // 减少 5786.02 万元, 减少 62.94% of 3407.38 + 5786.02).
        XCTAssertEqual(checked, 5, "five rates: 收支总计, 基本, 项目, 单位预留机动经费, 机关运行经费")
        let document = try B.document(Self.fayuan18, replacing: "增长 8.45%", with: "增长 9.45%", atLine: 582)
        let findings = TextRulesFixture.findings(D12BudgetGrowth.self, document)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line) \($0.expected ?? "")" }, ["error 581 8.45%"])
    }

    /// fy18 line 431: the 三公/会议费/培训费 合计 2,558.26 = 620.75 + 271.26 + 1,666.25; a 合计 off by
    /// 10 is one E7 error (planted on the loaded figure: the table reader places a row only where its
    /// identities hold).
    func testSangongMeetingsTrainingTotal() throws {
        var document = try B.document(Self.fayuan18)
        guard case .pass = E7SangongMeetingsTraining.evaluate(document) else { return XCTFail("E7 did not pass") }
        let index = try XCTUnwrap(document.facts.firstIndex { $0.measureID == "sangong_meetings_training" })
        XCTAssertEqual(document.facts[index].lineFrom, 431)
        document.facts[index].amountFen! += 10_000_000
        document.facts[index].printed = "2,568.26"
        let findings = TextRulesFixture.findings(E7SangongMeetingsTraining.self, document)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line)" }, ["error 431"])
    }

    /// Jiangsu prints 人员经费 and 公用经费 only in the text: fy18 一般公共预算基本支出 18,570.82 (table, line
    /// 386) = 人员经费 15163.44 (line 666) + 公用经费 3407.38 (line 670); 人员经费 printed 15263.44 is one B6 error.
    func testBasicSplitFromTheText() throws {
        let honest = try B.document(Self.fayuan18)
        guard case .pass(1) = B6BasicSplit.evaluate(honest) else { return XCTFail("\(B6BasicSplit.evaluate(honest))") }
        let document = try B.document(Self.fayuan18, replacing: "人员经费 15163.44", with: "人员经费 15263.44", atLine: 666)
        let findings = TextRulesFixture.findings(B6BasicSplit.self, document)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.figures.map(\.lineFrom))" }, ["error [386, 666, 670]"])
    }

    /// R7 on a budget: “截至2024年8月31日” in the 2025 budget (line 386) is right; comparing 2025 with
    /// “2025年预算” (line 102) is residue.
    func testBudgetYearResidue() throws {
        let honest = try B.document(Self.shangwuwei)
        XCTAssertTrue(TextRulesFixture.findings(R7YearResidue.self, honest).isEmpty)
        let document = try B.document(Self.shangwuwei, replacing: "比2024年预算增加", with: "比2025年预算增加", atLine: 102)
        let findings = TextRulesFixture.findings(R7YearResidue.self, document)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line) \($0.stated ?? "")" }, ["warning 102 2025年"])
    }
}
