import XCTest
import Core
@testable import Audit

/// The negative control on the dev documents (the seed and the three Shanghai documents):
/// every error and warning `check` reports is a defect found by reading, pinned here with
/// its reason; every other printed figure reconciles, and no error or warning cites it.
final class DevDocumentsControlTests: XCTestCase {
    typealias F = TextRulesFixture

    private func findings(_ document: AuditDocument) -> [Finding] {
        Auditor.Report(results: Auditor.evaluate(document)).findings
    }

    /// "rule severity line" of each error and warning, one per root cause.
    private func pins(_ findings: [Finding]) -> [String] {
        findings.filter { $0.severity != .info }.map { "\($0.rules) \($0.severity.rawValue) \($0.line)" }
    }

    /// Printed table and text figures cited by errors and warnings, as "line:printed".
    private func cited(_ findings: [Finding]) -> Set<String> {
        Set(findings.filter { $0.severity != .info }.flatMap(\.figures)
            .filter { ($0.sourceKind == "table" || $0.sourceKind == "text") && $0.printed != nil }
            .map { "\($0.lineFrom):\($0.printed!)" })
    }

    /// Every printed figure of the document, as "line:printed".
    private func printedFigures(_ document: AuditDocument) -> Set<String> {
        Set(document.facts.filter { !$0.derived && $0.printed != nil && ($0.sourceKind == "table" || $0.sourceKind == "text") }
            .map { "\($0.lineFrom):\($0.printed!)" })
    }

    /// Checks one document: the errors and warnings are exactly the pinned defects; the figures
    /// they cite are exactly the pinned defect figures; every other printed figure reconciles
    /// and is cited by no error or warning.
    private func control(_ document: AuditDocument, pinned: [String], defectFigures: Set<String>, reconcilingAtLeast: Int,
                         file: StaticString = #filePath, line: UInt = #line) {
        let all = findings(document)
        XCTAssertEqual(pins(all), pinned, file: file, line: line)
        let printed = printedFigures(document)
        let citedPrinted = cited(all).intersection(printed)
        XCTAssertEqual(citedPrinted, defectFigures, file: file, line: line)
        let reconciling = printed.subtracting(defectFigures)
        XCTAssertGreaterThanOrEqual(reconciling.count, reconcilingAtLeast, file: file, line: line)
        XCTAssertTrue(reconciling.isDisjoint(with: cited(all)), "a reconciling figure is cited", file: file, line: line)
    }

    /// The seed (遂宁市安居区委办 2023). Warnings, each a defect by reading:
    /// R4 (43, 50, 54, 140, 144) level-1 headings printed without their 一、二、… numbers;
    /// C4 (52) 基本支出 636.03 (line 56) and 一般公共预算基本支出 636.02 (line 105) are one figure printed two ways;
    /// D1 (76) the chart prints 84.70% for the text's 84.69%; G7 (162) a project named without its form;
    /// R2 (291) the template's “若涉及……应在……” left in; G6/G5/G4 (1193, 1195, 1301) the 档案工作经费 form's
    /// 51.95% cut to reach 100%, cost indicators above the executed 9.61, a 满意度 target “≤90%”;
    /// R3 (1656–1683) reviewers' comments left in; D10 (191) the glossary names 2080599 “其他社会保障和就业支出”
    /// (its item, line 95, and the catalog: 其他行政事业单位养老支出). Errors: R8 (1642) the 附表 only list the tables' names; G8 (56) 常年项目 889.16 > 项目支出 253.13;
    /// D4 (124, 131) 0 spent “完成预算100%”; D2 (152) shares of a 0 procurement total; D6 (273) a rate on a 0 budget.
    func testSeed() throws {
        control(try F.seed(), pinned: [
            "R4.section-numbers warning 43", "R4.section-numbers warning 50", "C4.basic-general warning 52",
            "R4.section-numbers warning 54", "G8.project-totals error 56", "D1.printed-twice warning 76",
            "D4.completion error 124", "D4.completion error 131", "R4.section-numbers warning 140",
            "R4.section-numbers warning 144", "D2.share error 152", "D2.share error 152",
            "G7.project-without-form warning 162", "D10.class-names warning 191", "D6.execution-zero-base error 273", "R2.instructions warning 291",
            "G6.downward-adjustment warning 1193", "G5.cost-indicators warning 1195", "G4.indicator-direction warning 1301",
            "R8.tables-published error 1642", "R3.reviewer-comments warning 1656", "R3.reviewer-comments warning 1659", "R3.reviewer-comments warning 1662",
            "R3.reviewer-comments warning 1665", "R3.reviewer-comments warning 1668", "R3.reviewer-comments warning 1674",
            "R3.reviewer-comments warning 1677", "R3.reviewer-comments warning 1683",
        ], defectFigures: ["105:636.02", "124:0", "131:0", "152:0", "271:889.16", "273:0", "52:889.16", "56:253.13", "56:636.03"],
           reconcilingAtLeast: 60)
    }

    /// 财政局: 208 类 326.71 in the 总表s (116, 246) but 326.72 in the 支出 tables and text (202, 296, 483);
    /// the text's 财政拨款收支总计 “0.3万元” (472) for 2961.68 (280); 201's share printed 71.73% (483) for
    /// 2106.66/2940.05 = 71.65%.
    func testCaizhengju() throws {
        control(try F.shanghai("caizhengju"), pinned: [
            "C1.class-totals error 116", "C2.fiscal-columns,C3.table-and-text error 246",
            "C3.table-and-text error 280", "D2.share error 482",
        ], defectFigures: ["116:326.71", "202:326.72", "246:326.71", "280:2,961.68", "296:326.72", "472:0.3", "482:2940.05",
                           "483:2106.66", "483:326.72"], reconcilingAtLeast: 150)
    }

    /// 规划和自然资源局: 基本支出 5377.64 (206, 576) vs 一般公共预算基本支出 5364.75 (342) though all income is
    /// 一般公共预算, and 人员经费 4884.09 (418) vs 4896.98 (577) — the same 12.89 gap; 210 and 212 类 differ by
    /// 0.01 between tables (137/217, 139/223, 253/310); 三公 rates printed on 0.00 budgets (431, 593, 594);
    /// 99.86% (484) for 9746.50/9759.38; 95.45% (496) for 9746.50/10210.34; “下降（增长）” left in (599);
    /// D10: 项 “机关事业单位退休人员活动费支出” (520) no table or catalog has under 20805, the former name
    /// “其他国土资源事务支出” (559) of 2200199, the 款 “住房保障支出” (563, 570) where 22102 is 住房改革支出.
    func testGuihuaziyuanju() throws {
        control(try F.shanghai("guihuaziyuanju"), pinned: [
            "C3.table-and-text,C4.basic-general error 129", "C1.class-totals error 137", "C1.class-totals error 139",
            "C2.fiscal-columns error 253", "C3.table-and-text error 418", "D4.completion error 431", "D4.completion error 431",
            "D2.share error 471", "D4.completion error 495", "D10.class-names warning 520", "D10.class-names warning 559",
            "D10.class-names warning 563", "D10.class-names warning 570", "R1.placeholders warning 599",
        ], defectFigures: ["129:9746.50", "137:236.63", "139:3845.25", "206:5377.64", "217:236.64", "223:3845.24", "253:236.63",
                           "310:236.64", "342:5364.75", "418:4884.09", "431:0.00", "471:9759.38", "483:9746.50",
                           "495:10210.34", "496:9746.50", "576:5377.64", "577:4896.98", "593:0.00", "594:0.00"],
           reconcilingAtLeast: 200)
    }

    /// 社会工作部 (a unit new in 2024): “增长100.00%” on a prior year of 0 (367, 378, 382, 472); 9.55% (391) for
    /// 29.42/307.82 = 9.56%; “完成年初预算的95.89%” (394) on a 年初预算 of 0 (393).
    func testShehuigongzuobu() throws {
        control(try F.shanghai("shehuigongzuobu"), pinned: [
            "D3.growth error 367", "D3.growth error 378", "D3.growth error 382", "D2.share error 388",
            "D4.completion error 393", "D3.growth error 472",
        ], defectFigures: ["367:307.82", "378:307.82", "382:307.82", "388:307.82", "391:29.42", "393:0", "394:307.82", "472:10.23"],
           reconcilingAtLeast: 100)
    }

    func testDump() throws {
        guard ProcessInfo.processInfo.environment["CONTROL_DUMP"] != nil else { return }
        var out = ""
        for (name, doc) in [("seed", try F.seed())] + (try F.shanghai.map { ($0, try F.shanghai($0)) }) {
            let f = findings(doc)
            out += "== \(name)\n" + pins(f).joined(separator: "\n") + "\n-- cited figures\n"
            out += cited(f).intersection(printedFigures(doc)).sorted().joined(separator: " ") + "\n"
        }
        try out.write(toFile: "/tmp/control-dump.txt", atomically: true, encoding: .utf8)
    }
}
