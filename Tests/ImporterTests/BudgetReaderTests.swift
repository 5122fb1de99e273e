import Core
import Foundation
@testable import Importer
@testable import Store
import XCTest

/// The Shanghai budget template (部门预算 / 单位预算): an answer key read by hand from the
/// budget documents in fixtures/disclosures/budgets (file:line cited per figure), checked
/// through the database (fact_value of the 预算 disclosure), and the document kind/scope rules.
final class BudgetReaderTests: XCTestCase {
    static let swB = "fixtures/disclosures/budgets/2025-shanghai-putuo-shangwuwei-bumen-yusuan.txt"
    static let swU = "fixtures/disclosures/budgets/2025-shanghai-putuo-shangwuwei-danwei-yusuan.txt"
    static let fly = "fixtures/disclosures/budgets/2024-shanghai-putuo-shehui-fuliyuan-danwei-yusuan.txt"
    static let wl23 = "fixtures/disclosures/budgets/2023-shanghai-putuo-wanli-jiedao-bumen-yusuan.txt"

    /// One hand-read figure: measure or code, fund, column, amount in 分 (or a count), line.
    struct Expected {
        var key: String
        var fund: String
        var column = "budget"
        var value: Int64
        var line: Int
        var source = "table"
    }

    static func expected(_ key: String, _ fund: String, _ column: String, _ value: Int64, line: Int,
                         text: Bool = false) -> Expected {
        Expected(key: key, fund: fund, column: column, value: value, line: line, source: text ? "text" : "table")
    }

    static func expected(_ key: String, _ fund: String, _ value: Int64, line: Int, text: Bool = false) -> Expected {
        expected(key, fund, "budget", value, line: line, text: text)
    }

    static let answers: [String: [Expected]] = [
        swB: [
            expected("fiscal_income", "fiscal", 37_151_465_500, line: 146),          // 一、财政拨款收入 371,514,655.00
            expected("201", "all", 2_160_173_300, line: 146),                        // 一、一般公共服务支出 21,601,733.00
            expected("income_total", "all", 37_151_465_500, line: 157),              // 收入总计
            expected("expenditure_total", "all", 37_151_465_500, line: 157),         // 支出总计
            expected("201", "all", "basic", 1_229_173_300, line: 204),               // 201 … 12,291,733.00
            expected("201", "all", "project", 931_000_000, line: 204),               // 201 … 9,310,000.00
            expected("basic", "all", 1_983_065_500, line: 234),                      // 合计 … 19,830,655.00
            expected("project", "all", 35_168_400_000, line: 234),                   // 合计 … 351,684,000.00
            expected("personnel", "general", 1_812_059_300, line: 357),              // 合计 … 18,120,593.00
            expected("public_funds", "general", 171_006_200, line: 357),             // 合计 … 1,710,062.00
            expected("sangong", "fiscal", 1_000_000, line: 369),                     // 三公 table 1.00 万元
            expected("admin_operating", "general", 171_010_000, line: 379, text: true),  // 机关运行经费预算为171.01万元
            expected("procurement", "all", 38_200_000, line: 381, text: true),       // 政府采购预算38.20万元
            expected("procurement_services", "all", 30_400_000, line: 381, text: true),
            expected("perf_targets", "all", 25, line: 384, text: true),              // 项目共25个
            expected("perf_targets_budget", "all", 11_381_600_000, line: 384, text: true),  // 11381.60万元
        ],
        swU: [
            expected("201", "all", 2_160_173_300, line: 145),                        // 单位 table 1: 合计 21,601,733.00
            expected("201", "all", "project", 931_000_000, line: 145),               // … 项目支出 9,310,000.00
            expected("expenditure_total", "all", 37_151_465_500, line: 156),
            expected("project", "all", 35_168_400_000, line: 156),                   // 支出总计 … 351,684,000.00
        ],
        fly: [
            expected("income_total", "all", 1_212_120_000, line: 49, text: true),    // 收入预算1,212.12万元
            expected("208", "all", 1_128_162_400, line: 92),                         // 11,281,624 (whole 元)
            expected("208", "all", "project", 262_000_000, line: 92),                // … 2,620,000 under 项目支出
            expected("210", "all", 50_372_400, line: 94),                            // 医疗卫生与计划生育支出 (former name)
            expected("income_business", "all", 262_000_000, line: 98),               // 二、事业收入 2,620,000
            expected("208", "all", "income_business", 262_000_000, line: 117),       // 收入预算总表 事业收入 column
            expected("208", "all", "basic", 866_162_400, line: 155),
            expected("basic", "all", 950_116_400, line: 183),
            expected("personnel", "general", 738_021_400, line: 330),
            expected("sangong", "fiscal", 6_400_000, line: 344),                     // 6.4 万元
            expected("sangong_vehicle", "fiscal", 6_400_000, line: 350, text: true),
        ],
        wl23: [
            expected("fiscal_income", "fiscal", 16_497_864_000, line: 201),          // 164,978,640 (whole 元)
            expected("project", "all", 6_557_234_300, line: 498),
            expected("general_basic", "general", 9_940_629_700, line: 778),
            expected("sangong", "fiscal", 22_910_000, line: 792),
            expected("sangong_vehicle", "fiscal", 21_560_000, line: 792),            // all seven cells printed
            expected("admin_operating", "general", 786_090_000, line: 792),
            expected("procurement", "all", 830_000_000, line: 805, text: true),      // 政府采购预算830.00万元
            expected("procurement_goods", "all", 10_000_000, line: 805, text: true), // 货物预算10.00万元
            expected("procurement_works", "all", 550_000_000, line: 805, text: true),
            expected("procurement_services", "all", 270_000_000, line: 806, text: true),  // 服务预算 / 270.00万元
            expected("perf_targets", "all", 5, line: 810, text: true),               // 编报绩效目标的项目5个 (no 共)
            expected("perf_targets_budget", "all", 3_328_130_000, line: 811, text: true),  // 3328.13万元
        ],
    ]

    static func database() throws -> Database {
        let database = try Database(.memory)
        try DatabaseSetup.populate(database, contents: .empty)
        return database
    }

    @discardableResult
    static func importFile(_ relative: String, into database: Database, replace: Bool = false) throws -> DocumentWriter.Outcome {
        let result = try DocumentImporter.read(try ShanghaiFixture.text(relative))
        return try DocumentWriter.write(result.document, into: database, replace: replace)
    }

    func testAnswerKeyOfFourBudgetDocuments() throws {
        let database = try Self.database()
        var checked = 0
        for (file, answers) in Self.answers.sorted(by: { $0.key < $1.key }) {
            guard case .imported(let id, _, _) = try Self.importFile(file, into: database) else {
                return XCTFail("\(file) not imported")
            }
            XCTAssertEqual(try database.scalar("SELECT kind FROM disclosure WHERE id = ?", [.integer(id)]), .text("预算"))
            for answer in answers {
                let rows = try database.query("""
                    SELECT coalesce(amount_fen, quantity), source_kind FROM fact
                    WHERE disclosure_id = ? AND (measure_id = ?2 OR code = ?2) AND fund_id = ? AND column_id = ? AND line_from = ?
                    """, [.integer(id), .text(answer.key), .text(answer.fund), .text(answer.column), .integer(Int64(answer.line))])
                XCTAssertTrue(rows.contains { $0[0] == .integer(answer.value) && $0[1] == .text(answer.source) },
                              "\(file):\(answer.line) \(answer.key) \(answer.fund) \(answer.column): expected \(answer.value), got \(rows)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, Self.answers.values.map(\.count).reduce(0, +))
    }

    func testCoverGivesUnitYearAndScope() throws {
        let b = try DocumentImporter.read(try ShanghaiFixture.text(Self.swB)).document
        let u = try DocumentImporter.read(try ShanghaiFixture.text(Self.swU)).document
        let f = try DocumentImporter.read(try ShanghaiFixture.text(Self.fly)).document
        XCTAssertEqual([b.template, b.kind, b.scope, String(b.year)], ["shanghai_budget", "预算", "部门", "2025"])
        XCTAssertEqual([u.kind, u.scope, String(u.year)], ["预算", "单位", "2025"])
        XCTAssertEqual(b.unit.name, u.unit.name)   // swB:3 and swU:3 name the same body
        XCTAssertEqual(b.unit.name, "上海市普陀区商务委员会")
        XCTAssertEqual(b.unit.region, "上海市普陀区")
        XCTAssertEqual([f.unit.name, f.scope, String(f.year)], ["上海市普陀区社会福利院", "单位", "2024"])   // fly:1, 4
    }

    func testComparisonWithLastYearsBudget() throws {
        let document = try DocumentImporter.read(try ShanghaiFixture.text(Self.swB)).document
        // swB:100–101: 财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元
        let increase = try XCTUnwrap(document.statements.first { $0.provenance.lineFrom == 100 })
        XCTAssertEqual(increase.kind, "change")
        XCTAssertEqual(increase.direction, "增加")
        XCTAssertEqual(increase.amountFen, 24_558_180_000)
        XCTAssertEqual(increase.partFact.map { document.facts[$0].measureID }, "fiscal_income")
        // swB:373: “三公”经费预算数为1.00万元，与2024年预算持平
        let flat = try XCTUnwrap(document.statements.first { $0.provenance.lineFrom == 373 })
        XCTAssertEqual([flat.direction, flat.partFact.flatMap { document.facts[$0].measureID }], ["持平", "sangong"])
        XCTAssertEqual(flat.amountFen, 0)
    }

    /// A 部门预算 and a 单位预算 of one body and year, and a 决算 beside them, never collide;
    /// --replace replaces the same kind and scope only.
    func testKindsAndScopesNeverCollide() throws {
        let database = try Self.database()
        try Self.importFile(Self.swB, into: database)
        try Self.importFile(Self.swU, into: database)
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM disclosure WHERE kind = '预算'"), .integer(2))
        XCTAssertEqual(try database.scalar("SELECT count(DISTINCT unit_id) FROM disclosure"), .integer(1))
        // A 决算 of the same unit and year beside both budgets.
        var final = try DocumentImporter.read(try ShanghaiFixture.text(Self.swB)).document
        final.kind = "决算"
        final.template = "shanghai"
        final.sha256 = String(repeating: "f", count: 64)
        guard case .imported(let finalID, _, let replacedNothing) = try DocumentWriter.write(final, into: database) else {
            return XCTFail("决算 not imported")
        }
        XCTAssertNil(replacedNothing)
        // The same 部门预算 from another file: refused without --replace, and with it replaces only that document.
        var again = try DocumentImporter.read(try ShanghaiFixture.text(Self.swB)).document
        again.sha256 = String(repeating: "e", count: 64)
        XCTAssertThrowsError(try DocumentWriter.write(again, into: database)) { error in
            XCTAssertTrue("\(error)".contains("部门预算已载入"), "\(error)")
        }
        guard case .imported(_, _, let replaced?) = try DocumentWriter.write(again, into: database, replace: true) else {
            return XCTFail("not replaced")
        }
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM disclosure WHERE id = ?", [.integer(replaced)]), .integer(0))
        let kinds = try database.query("SELECT kind, scope FROM disclosure ORDER BY kind, scope").map { "\($0[0])\($0[1])" }
        XCTAssertEqual(kinds.count, 3, "\(kinds)")
        XCTAssertEqual(try database.scalar("SELECT kind FROM disclosure WHERE id = ?", [.integer(finalID)]), .text("决算"))
    }

    /// Tables 1–8 print 元: every table figure of a budget converts exactly (its cents kept).
    func testYuanTablesAreExact() throws {
        let document = try DocumentImporter.read(try ShanghaiFixture.text(Self.swB)).document
        let yuan = document.facts.filter { $0.printedUnit == "元" }
        XCTAssertGreaterThan(yuan.count, 100)
        for fact in yuan {
            let digits = (fact.printed ?? "").filter { $0.isNumber }
            let printedFen = Int64(digits)! * ((fact.printed ?? "").contains(".") ? 1 : 100)
            XCTAssertEqual(fact.amountFen, printedFen, "line \(fact.provenance.lineFrom)")
        }
    }
}
