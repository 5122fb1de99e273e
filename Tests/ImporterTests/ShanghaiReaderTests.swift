import XCTest
import Core
@testable import Importer

/// Figures read by hand from the three Putuo 2024 documents, each with the line it is printed on.
final class ShanghaiReaderTests: XCTestCase {
    static let caizhengju = "fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt"
    static let guihua = "fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt"
    static let shehui = "fixtures/disclosures/2024-shanghai-putuo-shehuigongzuobu.txt"

    /// One expected figure: measure or code, fund, column, the number as printed, its line.
    struct Expect {
        var measure: String?
        var code: String?
        var fund: String
        var column: String = "actual"
        var year = 2024
        var printed: String
        var line: Int
        var kind = "table"
    }

    func m(_ measure: String, _ printed: String, line: Int, kind: String = "table") -> Expect {
        Expect(measure: measure, fund: "all", printed: printed, line: line, kind: kind)
    }

    func m(_ measure: String, _ fund: String, _ column: String, _ printed: String, line: Int, kind: String = "table") -> Expect {
        Expect(measure: measure, fund: fund, column: column, printed: printed, line: line, kind: kind)
    }

    func c(_ code: String, _ printed: String, line: Int) -> Expect {
        Expect(code: code, fund: "all", printed: printed, line: line)
    }

    func c(_ code: String, _ fund: String, _ column: String, _ printed: String, line: Int) -> Expect {
        Expect(code: code, fund: fund, column: column, printed: printed, line: line)
    }

    func check(_ file: String, _ expected: [Expect], file f: StaticString = #filePath, line l: UInt = #line) throws {
        let text = try ShanghaiFixture.text(file)
        let result = try ShanghaiReader.read(text, overrides: ImportOverrides())
        for e in expected {
            let fen = try XCTUnwrap(Amount(printed: e.printed, unit: .tenThousandYuan)?.fen)
            XCTAssertTrue(text.line(e.line).contains(e.printed), "line \(e.line) does not print \(e.printed)", file: f, line: l)
            let match = result.document.facts.first {
                $0.measureID == e.measure && $0.code == e.code && $0.fund == e.fund && $0.column == e.column
                    && $0.year == e.year && $0.provenance.lineFrom == e.line && $0.provenance.kind == e.kind
            }
            XCTAssertEqual(match?.amountFen, fen, "\(e.measure ?? e.code!) \(e.fund) \(e.column) line \(e.line)", file: f, line: l)
            XCTAssertEqual(match?.printed, e.printed, file: f, line: l)
        }
    }

    func testCaizhengju() throws {
        try check(Self.caizhengju, [
            m("grand_total", "2,995.39", line: 140),                         // 收支总计
            m("income_total", "2,946.25", line: 135),                        // 本年收入合计
            m("expenditure_total", "2,940.05", line: 135),                   // 本年支出合计 (总表)
            m("expenditure_total", "2,940.05", line: 188),                   // 本年支出合计 (支出决算表)
            m("income_general", "general", "actual", "2,940.05", line: 109),
            m("income_other", "6.20", line: 116),
            m("opening_balance", "49.14", line: 139),
            m("closing_balance", "55.34", line: 139),
            m("basic", "2,336.91", line: 187),                               // 基本支出
            m("project", "603.14", line: 187),                               // 项目支出
            m("personnel", "general", "actual", "2,152.26", line: 422),      // 人员经费
            m("public_funds", "general", "actual", "184.65", line: 422),     // 公用经费
            c("201", "2,106.66", line: 109),                                 // largest 类 (总表)
            c("201", "all", "basic", "1,503.52", line: 191),
            c("2010601", "1,511.89", line: 196),                             // largest 项 (支出决算表)
            c("2010601", "all", "project", "8.37", line: 196),
            c("2010602", "all", "project", "10.00", line: 197),              // blank 基本支出 cell stays blank
            c("2010601", "all", "income_other", "0.01", line: 155),
            c("2010601", "general", "basic", "1,503.52", line: 292),
            m("fiscal_grand_total", "fiscal", "actual", "2,961.68", line: 280),
            m("fiscal_opening_balance", "fiscal", "actual", "21.63", line: 274),
            m("general_expenditure", "general", "actual", "2,940.05", line: 309),
            c("30102", "general", "basic", "1,238.58", line: 324),
            m("sangong", "fiscal", "budget", "0.95", line: 434),             // 三公 budget
            m("sangong_reception", "fiscal", "budget", "0.95", line: 434),
            m("sangong", "fiscal", "actual", "0.00", line: 539, kind: "text"), // 三公 actual (table blank)
            m("admin_operating", "general", "actual", "184.65", line: 566, kind: "text"),
            m("procurement", "all", "actual", "251.25", line: 569, kind: "text"),
            m("procurement_goods", "all", "actual", "4.79", line: 570, kind: "text"),
            m("procurement_works", "all", "actual", "0", line: 570, kind: "text"),
            m("procurement_services", "all", "actual", "246.47", line: 570, kind: "text"),
        ])
        let result = try ShanghaiFixture.read(Self.caizhengju)
        let doc = result.document
        XCTAssertEqual(doc.unit.name, "上海市普陀区财政局")
        XCTAssertEqual(doc.unit.region, "上海市普陀区")
        XCTAssertEqual(doc.year, 2024)
        XCTAssertEqual(doc.template, "shanghai")
        XCTAssertEqual(doc.title, "上海市普陀区财政局2024年度部门决算")
        XCTAssertEqual(doc.moneyUnit, .tenThousandYuan)
        XCTAssertEqual(doc.lineCount, 609)
        // Blank cells: no 基本支出 fact for 2010602, nothing for 外交支出.
        XCTAssertFalse(doc.facts.contains { $0.code == "2010602" && $0.column == "basic" })
        XCTAssertFalse(doc.facts.contains { $0.code == "202" })
        XCTAssertFalse(doc.facts.contains { $0.measureID == "gov_fund_expenditure" || $0.measureID == "soe_expenditure" })
        // 机关运行经费 比2023年度增加2.55万元 → change statement and derived 2023 figure 182.10.
        let statement = try XCTUnwrap(doc.statements.first { $0.kind == "change" && $0.printed == "增加2.55万元" })
        XCTAssertEqual(statement.provenance.lineFrom, 566)
        let prior = try XCTUnwrap(statement.baseFact.map { doc.facts[$0] })
        XCTAssertEqual(prior.measureID, "admin_operating")
        XCTAssertEqual(prior.year, 2023)
        XCTAssertNil(prior.printed)
        XCTAssertEqual(prior.amountFen, Amount(printed: "182.10", unit: .tenThousandYuan)?.fen)
        XCTAssertEqual(prior.inputs.count, 2)
        XCTAssertEqual(prior.inputs.first?.source, .fact(statement.partFact!))
        // 收入支出总计减少56.95万元 → 2023 total 3,052.34.
        XCTAssertTrue(doc.facts.contains {
            $0.measureID == "grand_total" && $0.year == 2023 && $0.amountFen == Amount(printed: "3052.34", unit: .tenThousandYuan)?.fen
        })
        XCTAssertTrue(doc.facts.contains { $0.measureID == "vehicles_total" && $0.quantity == 0 && $0.provenance.lineFrom == 577 })
        XCTAssertTrue(doc.facts.contains { $0.measureID == "equipment_over_1m" && $0.quantity == 2 })
        // The rows that do not add up (by 0.01, as printed) are reported.
        XCTAssertTrue(result.report.warnings.contains { $0.contains("收入决算表") && $0.contains("2946.26") })
        XCTAssertTrue(doc.paragraphs.contains { $0.line == 566 && $0.section.contains("（一）机关运行经费支出情况") })
    }

    func testGuihuaziyuanju() throws {
        try check(Self.guihua, [
            m("grand_total", "9859.38", line: 156),
            m("income_total", "9746.50", line: 153),
            m("expenditure_total", "9759.38", line: 153),
            m("opening_balance", "112.88", line: 155),
            m("closing_balance", "100.00", line: 155),
            m("basic", "5377.64", line: 206),
            m("project", "4381.74", line: 206),
            m("personnel", "general", "actual", "4884.09", line: 418),
            m("public_funds", "general", "actual", "480.66", line: 418),
            c("220", "all", "income_total", "4461.67", line: 188),           // largest 类 (收入决算表)
            c("220", "all", "project", "2122.09", line: 228),
            c("2200150", "4416.67", line: 230),                              // largest 项
            c("2200150", "all", "basic", "2339.58", line: 230),
            c("212", "all", "actual", "3845.24", line: 223),                 // 支出决算表 (总表 prints 3845.25)
            c("2120201", "general", "project", "2250.88", line: 326),
            m("general_basic", "general", "actual", "5364.75", line: 342),
            c("30107", "general", "basic", "1594.02", line: 356),
            c("30207", "general", "basic", "8.05", line: 361),
            m("sangong", "fiscal", "budget", "2.85", line: 431),
            m("sangong", "fiscal", "actual", "0.39", line: 431),
            m("sangong_reception", "fiscal", "actual", "0.39", line: 431),
            m("admin_operating", "general", "actual", "142.80", line: 650, kind: "text"),
            m("procurement", "all", "actual", "2319.21", line: 656, kind: "text"),
            m("procurement_goods", "all", "actual", "122.43", line: 658, kind: "text"),
            m("procurement_works", "all", "actual", "1387.72", line: 659, kind: "text"),
            m("procurement_services", "all", "actual", "809.07", line: 659, kind: "text"),
        ])
        let doc = try ShanghaiFixture.read(Self.guihua).document
        XCTAssertEqual(doc.unit.name, "上海市普陀区规划和自然资源局")
        XCTAssertTrue(doc.facts.contains {
            $0.measureID == "admin_operating" && $0.year == 2023 && $0.printed == nil
                && $0.amountFen == Amount(printed: "156.32", unit: .tenThousandYuan)?.fen
        })
    }

    func testShehuigongzuobu() throws {
        try check(Self.shehui, [
            m("grand_total", "307.82", line: 106),
            m("income_total", "307.82", line: 103),
            m("expenditure_total", "307.82", line: 103),
            m("basic", "105.58", line: 149),
            m("project", "202.24", line: 149),
            m("personnel", "general", "actual", "95.36", line: 320),
            m("public_funds", "general", "actual", "10.23", line: 320),
            c("201", "all", "income_total", "264.87", line: 118),            // largest 类 (收入决算表)
            c("201", "all", "basic", "62.63", line: 150),
            c("2013999", "202.24", line: 154),                               // largest 项
            c("2013999", "all", "project", "202.24", line: 154),
            c("2013901", "all", "basic", "51.32", line: 152),
            c("2013999", "general", "project", "202.24", line: 235),
            c("30102", "general", "basic", "39.72", line: 270),
            c("30239", "general", "basic", "2.43", line: 299),
            m("admin_operating", "general", "actual", "10.23", line: 472, kind: "text"),
            m("procurement", "all", "actual", "21.07", line: 478, kind: "text"),
            m("procurement_goods", "all", "actual", "21.07", line: 478, kind: "text"),
            m("procurement_works", "all", "actual", "0", line: 479, kind: "text"),
            m("procurement_services", "all", "actual", "0", line: 479, kind: "text"),
        ])
        let doc = try ShanghaiFixture.read(Self.shehui).document
        XCTAssertEqual(doc.unit.name, "中共上海市普陀区委社会工作部")
        // 三公 table empty with its 说明: no 三公 facts; the 项目支出 cells left blank stay blank.
        XCTAssertFalse(doc.facts.contains { $0.measureID?.hasPrefix("sangong") == true })
        XCTAssertFalse(doc.facts.contains { $0.code == "2013901" && $0.column == "project" })
    }

    func testReadingOrderVariantsGiveTheSameFigures() throws {
        for name in ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"] {
            let layout = try ShanghaiFixture.read("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            let path = "fixtures/disclosures/variants/2024-shanghai-putuo-\(name)-reading-order.txt"
            let text = try ShanghaiFixture.text(path)
            let variant = try ShanghaiReader.read(text, overrides: ImportOverrides())
            var a = ShanghaiFixture.keys(layout), b = ShanghaiFixture.keys(variant)
            if name == "caizhengju" {
                // The 三公 row prints only "0.95 0.95". The table's sums allow 合计 and 出国 or 接待,
                // budget or actual; the 情况说明 (actual 0.00) rules out the actual column, so the
                // 合计 budget is placed, and the variant reports that 0.95 of 出国 or 接待 is not.
                let reception = ShanghaiFixture.Key(measure: "sangong_reception", code: nil, fund: "fiscal", column: "budget",
                                                    year: 2024, amount: 950_000, quantity: nil)
                XCTAssertEqual(a.removeValue(forKey: reception), 1)
                XCTAssertEqual(variant.report.warnings.filter { $0.contains("三公") },
                               ["财政拨款“三公”经费支出决算表：0.95 可能属于 因公出国（境）费预算数、公务接待费预算数，无法确定（第 383 行），未导入"])
            }
            // Reading order loses the cell positions: a 0.00 whose column the table's sums
            // cannot tell (any column adds up) is reported and left out, never put in a first column.
            for (key, _) in a where b[key] == nil && key.amount == 0 && key.code != nil {
                XCTAssertTrue(variant.report.warnings.contains { $0.contains("：\(key.code!) 行的 0.00 无法确定所在栏目") },
                              "\(name): \(key) missing without a warning")
                a.removeValue(forKey: key)
            }
            XCTAssertEqual(a, b, name)
            XCTAssertGreaterThan(b.count, 100, name)
            for f in variant.document.facts where f.printed != nil {
                XCTAssertTrue(text.line(f.provenance.lineFrom).filter { $0 != " " }.contains(f.printed!),
                              "\(name): line \(f.provenance.lineFrom) does not print \(f.printed!)")
            }
        }
    }

    /// When the 情况说明 states the part's budget, the reading-order 三公 row is placed whole.
    func testReadingOrderSangongRowSettledByTheText() throws {
        let path = "fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-reading-order.txt"
        let original = try ShanghaiFixture.text(path)
        var lines = original.lines
        let line = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("“三公”经费财政拨款支出年初预算为0.95万元") })
        lines.insert("公务接待费年初预算为0.95万元。", at: line)
        let text = SourceText(lines: lines, sourceFile: original.sourceFile, sha256: original.sha256, encoding: original.encoding)
        let result = try ShanghaiReader.read(text, overrides: ImportOverrides())
        let tableFigures = result.document.facts.filter { $0.provenance.kind == "table" && $0.measureID?.hasPrefix("sangong") == true }
            .map { "\($0.measureID!) \($0.column) \($0.amountFen!)" }
        XCTAssertEqual(tableFigures.sorted(), ["sangong budget 950000", "sangong_reception budget 950000"])
        XCTAssertFalse(result.report.warnings.contains { $0.contains("三公") }, "\(result.report.warnings)")
    }

    func testConfidence() throws {
        for file in [Self.caizhengju, Self.guihua, Self.shehui] {
            XCTAssertGreaterThan(ShanghaiReader.confidence(try ShanghaiFixture.text(file)), 0.5, file)
            let variant = file.replacingOccurrences(of: "disclosures/", with: "disclosures/variants/")
                .replacingOccurrences(of: ".txt", with: "-reading-order.txt")
            XCTAssertGreaterThan(ShanghaiReader.confidence(try ShanghaiFixture.text(variant)), 0.5, variant)
        }
        XCTAssertLessThan(ShanghaiReader.confidence(try ShanghaiFixture.text("fixtures/disclosures/000_aa60969cd7f058a1.txt")), 0.5)
    }

    func testOverrides() throws {
        let text = try ShanghaiFixture.text(Self.shehui)
        let result = try ShanghaiReader.read(text, overrides: ImportOverrides(unit: "区委社会工作部", year: 2025))
        XCTAssertEqual(result.document.unit.name, "区委社会工作部")
        XCTAssertEqual(result.document.year, 2025)
        // Prior-year figures keep the year the text compares with (与2023年度相比), not year − 1.
        XCTAssertTrue(result.document.facts.allSatisfy { $0.year == 2025 || $0.year == 2023 })
        XCTAssertTrue(result.document.facts.contains { $0.year == 2023 })
    }
}
