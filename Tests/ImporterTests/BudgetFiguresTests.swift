import Core
import Foundation
@testable import Importer
import XCTest

/// Budget figures beyond the answer keys, each read by hand with its line: the Jiangsu 政府采购
/// table (合计 and 品目大类 subtotals) and income sources outside 财政拨款, the 收支总计 of both
/// templates (also with its label wrapped around the amount), the Shanghai narrative's 面向中小企业预留, and the Shanghai 三公 table placed by
/// its headings where its identities leave a figure open.
final class BudgetFiguresTests: XCTestCase {
    static let fy18 = "fixtures/disclosures/budgets/2018-jiangsu-shengji-gaojifayuan-bumen-yusuan.txt"
    static let rd18 = "fixtures/disclosures/budgets/2018-jiangsu-shengji-renda-bangongting-bumen-yusuan.txt"
    static let rd17 = "fixtures/disclosures/budgets/2017-jiangsu-shengji-renda-bangongting-bumen-yusuan.txt"
    static let sw17b = "fixtures/disclosures/budgets/2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-biaoge.txt"
    static let sw17w = "fixtures/disclosures/budgets/2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-wenjian.txt"
    static let swB = "fixtures/disclosures/budgets/2025-shanghai-putuo-shangwuwei-bumen-yusuan.txt"
    static let zfB = "fixtures/disclosures/budgets/2025-shanghai-putuo-quzhengfu-bangongshi-bumen-yusuan.txt"
    static let wl23 = "fixtures/disclosures/budgets/2023-shanghai-putuo-wanli-jiedao-bumen-yusuan.txt"
    static let fly = "fixtures/disclosures/budgets/2024-shanghai-putuo-shehui-fuliyuan-danwei-yusuan.txt"

    static func read(_ relative: String) throws -> ImportedDocument {
        try DocumentImporter.read(try ShanghaiFixture.text(relative)).document
    }

    /// The amounts in 分 of the facts of `measure` from `kind` ("table"/"text") at `line`.
    static func figures(_ document: ImportedDocument, _ measure: String, _ kind: String, line: Int) -> [Int64] {
        document.facts.filter {
            $0.measureID == measure && $0.column == "budget" && $0.provenance.kind == kind && $0.provenance.lineFrom == line
        }.compactMap(\.amountFen)
    }

    /// fy18 十二 政府采购预算表: 合计 4,641.62 (line 470) = 一、货物 A 962.86 (471) + 二、工程 B 539.00
    /// (488) + 三、服务 C 3,139.76 (493); the items under each 大类 are not taken for it.
    func testJiangsuProcurementTable() throws {
        let document = try Self.read(Self.fy18)
        XCTAssertEqual(Self.figures(document, "procurement", "table", line: 470), [4_641_620_000])
        XCTAssertEqual(Self.figures(document, "procurement_goods", "table", line: 471), [962_860_000])
        XCTAssertEqual(Self.figures(document, "procurement_works", "table", line: 488), [539_000_000])
        XCTAssertEqual(Self.figures(document, "procurement_services", "table", line: 493), [3_139_760_000])
        let tableFacts = document.facts.filter { $0.measureID?.hasPrefix("procurement") == true && $0.provenance.kind == "table" }
        XCTAssertEqual(tableFacts.count, 4, tableFacts.map { "\($0.measureID ?? "") \($0.printed ?? "")" }.joined(separator: ", "))
        XCTAssertTrue(tableFacts.allSatisfy { $0.fund == "all" && $0.printedUnit == "万元" })
        // The 收支预算总表's 收入合计 (line 230) is the 收支总计: 33,172.15.
        XCTAssertEqual(Self.figures(document, "grand_total", "table", line: 230), [33_172_150_000])
    }

    /// sw17b prints only 一、货物A 496.20 (line 521) and 三、服务C 1,278.50 (line 626) under 合计
    /// 1,774.70 (line 517): no 工程 figure is made up. Its 收支预算总表 prints 二、财政专户管理资金
    /// 147.20 (line 16) and 收入合计 20,849.45 (line 54).
    func testJiangsuTablesOfASplitDisclosure() throws {
        let document = try Self.read(Self.sw17b)
        XCTAssertEqual(Self.figures(document, "procurement", "table", line: 517), [1_774_700_000])
        XCTAssertEqual(Self.figures(document, "procurement_goods", "table", line: 521), [496_200_000])
        XCTAssertEqual(Self.figures(document, "procurement_services", "table", line: 626), [1_278_500_000])
        XCTAssertFalse(document.facts.contains { $0.measureID == "procurement_works" })
        XCTAssertEqual(Self.figures(document, "income_fiscal_account", "table", line: 16), [147_200_000])
        XCTAssertEqual(Self.figures(document, "grand_total", "table", line: 54), [20_849_450_000])
        // 三、其他资金 (line 18) is blank: nothing is stored for it.
        XCTAssertFalse(document.facts.contains { $0.measureID == "income_other_funds" })
    }

    /// The narratives: sw17w line 138 “财政专户管理资金收入预算总计 147.20 万元” and line 166 “财政专户
    /// 管理资金 147.20 万元，占 0.71%”; rd18 line 684 “财政专户管理资金收入预算总计0万元”, line 691
    /// “其他资金收入预算总计0万元” and line 734 “其他资金 0 万元，占 0 %”.
    func testJiangsuIncomeSourcesInTheText() throws {
        let narrative = try Self.read(Self.sw17w)
        XCTAssertEqual(Self.figures(narrative, "income_fiscal_account", "text", line: 138), [147_200_000])
        XCTAssertEqual(Self.figures(narrative, "income_fiscal_account", "text", line: 166), [147_200_000])
        let share = narrative.statements.first { s in
            s.kind == "share" && s.partFact.map { narrative.facts[$0].measureID == "income_fiscal_account" } == true
        }
        XCTAssertEqual(share.map { [$0.rateScaled ?? -1, Int64($0.rateDecimals ?? -1)] }, [71, 2])
        let renda = try Self.read(Self.rd18)
        XCTAssertEqual(Self.figures(renda, "income_fiscal_account", "text", line: 684), [0])
        XCTAssertEqual(Self.figures(renda, "income_other_funds", "text", line: 691), [0])
        XCTAssertEqual(Self.figures(renda, "income_other_funds", "text", line: 734), [0])
    }

    /// 六 三 政府采购: wl23 line 807 “面向中小企业预留政府采购项目预算金额332.00万元，其中，预留给小型和
    /// 微型企业的政府采购项目预算为232.40万元”; zfB line 384: 34万元 and 34万元. swB states none.
    func testShanghaiProcurementReservedForSMEs() throws {
        let wanli = try Self.read(Self.wl23)
        XCTAssertEqual(Self.figures(wanli, "procurement_sme_reserved", "text", line: 807), [332_000_000])
        XCTAssertEqual(Self.figures(wanli, "procurement_micro_reserved", "text", line: 807), [232_400_000])
        let office = try Self.read(Self.zfB)
        XCTAssertEqual(Self.figures(office, "procurement_sme_reserved", "text", line: 384), [34_000_000])
        XCTAssertEqual(Self.figures(office, "procurement_micro_reserved", "text", line: 384), [34_000_000])
        let commerce = try Self.read(Self.swB)
        XCTAssertFalse(commerce.facts.contains { $0.measureID?.hasSuffix("_reserved") == true })
    }

    /// 表一 收入总计 is the 收支总计 (no 结转 rows): fly line 107 12,121,164 元 and swB line 157
    /// 371,514,655.00 元, exact in 分, stored as 收支总计 and 本年收入合计.
    func testShanghaiGrandTotal() throws {
        let welfare = try Self.read(Self.fly)
        XCTAssertEqual(Self.figures(welfare, "grand_total", "table", line: 107), [1_212_116_400])
        XCTAssertEqual(Self.figures(welfare, "income_total", "table", line: 107), [1_212_116_400])
        let commerce = try Self.read(Self.swB)
        XCTAssertEqual(Self.figures(commerce, "grand_total", "table", line: 157), [37_151_465_500])
    }

    /// The 三公 table's row leaves figures the identities cannot place; the headings place them.
    /// fly line 344 “6.4 0 0 6.4 [blank] 6.4 0”: 运行费 6.4 and 机关运行经费 0 (the text, line 355, says
    /// the unit has none); 购置费 is blank and not stored. swB line 369 “1.00 1.00 171.01”: 公务接待费
    /// 1.00 (text line 377) and 机关运行经费 171.01 (text line 379); 因公出国 is blank.
    func testShanghaiSangongRowPlacedByHeadings() throws {
        let welfare = try Self.read(Self.fly)
        XCTAssertEqual(Self.figures(welfare, "vehicle_operation", "table", line: 344), [6_400_000])
        XCTAssertEqual(Self.figures(welfare, "admin_operating", "table", line: 344), [0])
        XCTAssertEqual(Self.figures(welfare, "vehicle_purchase", "table", line: 344), [])
        let commerce = try Self.read(Self.swB)
        XCTAssertEqual(Self.figures(commerce, "sangong_reception", "table", line: 369), [1_000_000])
        XCTAssertEqual(Self.figures(commerce, "admin_operating", "table", line: 369), [171_010_000])
        XCTAssertEqual(Self.figures(commerce, "sangong_abroad", "table", line: 369), [])
    }

    /// rd17's 收支预算总表 wraps its letter-spaced left labels around their amounts: line 259 “收入合”,
    /// line 260 “13,649.07  支出合计  13,649.07”, line 261 “计”: 收入合计 13,649.07 is the 收支总计.
    /// The same way 一、财政 / 13,649.07 / 拨款 (lines 155–157) and 1. 一 般 公 / 13,649.07 / 共预算
    /// (160–162). 2. 政 府 性 / 基金预算 (165–167) wraps around a right-hand row's figure only: nothing for it.
    func testJiangsuIncomeTotalWrappedAroundItsAmount() throws {
        let document = try Self.read(Self.rd17)
        XCTAssertEqual(Self.figures(document, "grand_total", "table", line: 260), [13_649_070_000])
        XCTAssertEqual(Self.figures(document, "fiscal_income", "table", line: 156), [13_649_070_000])
        XCTAssertEqual(Self.figures(document, "income_general", "table", line: 161), [13_649_070_000])
        XCTAssertFalse(document.facts.contains { $0.measureID == "income_gov_fund" && $0.provenance.kind == "table" })
        // The 支出用途 figure on line 166 (三、单位预留机动经费 128.43) stays out of the left side.
        XCTAssertFalse(document.facts.contains { $0.provenance.table == "收支预算总表" && $0.provenance.lineFrom == 166 })
    }

    /// rd18 prints its 收支预算总表's “收入合计 15897.44” on one line (186). Wrapped the rd17 way
    /// (“收 入 合” above, the amount with an empty label cell, “计” below), the variant reads the
    /// same 收支总计 (now line 187) and every other fact the same.
    func testJiangsuWrappedIncomeTotalVariantReadsTheSame() throws {
        let text = try ShanghaiFixture.text(Self.rd18)
        let row = text.lines[185]
        guard let label = row.range(of: "收入合计") else { return XCTFail("rd18 line 186 changed: \(row)") }
        let amountLine = row.replacingCharacters(in: label, with: "    ")
        let indent = String(row[..<label.lowerBound])
        var lines = text.lines
        lines.replaceSubrange(185...185, with: [indent + "收 入 合", amountLine, indent + "计"])
        let original = try DocumentImporter.read(text).document
        let variant = try DocumentImporter.read(text.replacingLines(lines)).document
        XCTAssertEqual(Self.figures(original, "grand_total", "table", line: 186), [15_897_440_000])
        XCTAssertEqual(Self.figures(variant, "grand_total", "table", line: 187), [15_897_440_000])
        // Every fact the same, at the line of the original it was read from (186 = the variant's 187).
        func key(_ fact: ImportedFact, _ line: Int) -> String {
            "\(fact.measureID ?? "") \(fact.code ?? "") \(fact.fund) \(fact.column) \(fact.amountFen ?? -1) \(fact.provenance.kind) \(line)"
        }
        let originalLine = { (line: Int) in line < 186 ? line : line == 187 ? 186 : line - 2 }
        XCTAssertEqual(variant.facts.map { key($0, originalLine($0.provenance.lineFrom)) }.sorted(),
                       original.facts.map { key($0, $0.provenance.lineFrom) }.sorted())
    }

    /// Every Jiangsu narrative states its 机关运行经费 and, where it has none, its 公务用车购置:
    /// fy18 line 727 “一般公共预算机关运行经费预算支出 3407.38 万” (the table's 合计, line 445) and
    /// line 707 “公务用车购置预算支出 0 万元”, which says what the table's blank 购置费 cell (line
    /// 431) leaves open.
    func testJiangsuAdminOperatingAndVehiclePurchaseInTheText() throws {
        let document = try Self.read(Self.fy18)
        XCTAssertEqual(Self.figures(document, "admin_operating", "text", line: 727), [3_407_380_000])
        XCTAssertEqual(Self.figures(document, "admin_operating", "table", line: 445), [3_407_380_000])
        XCTAssertEqual(Self.figures(document, "vehicle_purchase", "text", line: 707), [0])
        XCTAssertEqual(Self.figures(document, "vehicle_purchase", "table", line: 431), [])
    }
}
