import Core
import Foundation
@testable import Importer
@testable import Store
import XCTest

/// The Jiangsu provincial 部门预算 (twelve 公开表 in 万元) and the disclosure published as two
/// files (narrative -wenjian and tables -biaoge): answer key read by hand, lines cited.
final class JiangsuBudgetTests: XCTestCase {
    static let fy18 = "fixtures/disclosures/budgets/2018-jiangsu-shengji-gaojifayuan-bumen-yusuan.txt"
    static let sw17b = "fixtures/disclosures/budgets/2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-biaoge.txt"
    static let sw17w = "fixtures/disclosures/budgets/2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan-wenjian.txt"

    static func read(_ relative: String) throws -> ImportResult {
        try DocumentImporter.read(try ShanghaiFixture.text(relative))
    }

    /// (measure or code, fund, amount in 分, line) of a document's 预算数 column.
    static func assertFigures(_ document: ImportedDocument, _ expected: [(String, String, Int64, Int)],
                              file: StaticString = #filePath, line: UInt = #line) {
        for (key, fund, fen, at) in expected {
            let found = document.facts.contains {
                ($0.measureID == key || $0.code == key) && $0.fund == fund && $0.column == "budget" && $0.amountFen == fen
                    && $0.provenance.lineFrom == at
            }
            XCTAssertTrue(found, "\(key) \(fund) \(fen) at line \(at)", file: file, line: line)
        }
    }

    func testAnswerKeyOfASingleFileDocument() throws {
        let document = try Self.read(Self.fy18).document
        XCTAssertEqual([document.template, document.kind, document.scope, String(document.year)],
                       ["jiangsu_budget", "预算", "部门", "2018"])
        XCTAssertEqual(document.unit.name, "江苏省高级人民法院")
        XCTAssertEqual(document.unit.region, "江苏省")
        Self.assertFigures(document, [
            ("fiscal_income", "fiscal", 33_172_150_000, 185),        // 一、财政拨款 33,172.15
            ("expenditure_total", "all", 33_172_150_000, 273),       // 支出预算总表 合计
            ("basic", "all", 18_570_820_000, 273),
            ("project", "all", 11_343_270_000, 273),
            ("reserve_funds", "all", 3_258_060_000, 273),            // 单位预留机动经费 beside 基本/项目
            ("204", "fiscal", 26_200_880_000, 299),                  // 204 公共安全支出 (concatenated codes)
            ("general_basic", "general", 18_570_820_000, 386),
            ("sangong_meetings_training", "fiscal", 2_558_260_000, 431),   // 合计 incl. 会议费 and 培训费
            ("sangong", "fiscal", 620_750_000, 431),                 // 小计 = the 三公
            ("sangong_abroad", "fiscal", 170_000_000, 431),
            ("sangong_reception", "fiscal", 183_950_000, 431),
            ("meeting_fees", "fiscal", 271_260_000, 431),
            ("training_fees", "fiscal", 1_666_250_000, 431),
            ("admin_operating", "general", 3_407_380_000, 445),      // 机关运行经费 table's 合计
        ])
        // The narrative: 人员经费 only in the text (fy18:666), a change with its rate (fy18:581–582).
        XCTAssertTrue(document.facts.contains {
            $0.measureID == "personnel" && $0.amountFen == 15_163_440_000 && $0.provenance == Provenance("text", 666)
        })
        let basic = document.statements.filter { s in s.partFact.map { document.facts[$0].measureID == "basic" } == true }
        XCTAssertEqual(basic.map(\.kind), ["change", "growth", "share"])      // fy18:581–582, then 占 55.98% (fy18:597)
        XCTAssertEqual(basic.first?.amountFen, 1_447_630_000)                 // 增加 1447.63 万元
        XCTAssertEqual([basic[1].rateScaled, Int64(basic[1].rateDecimals ?? -1)], [845, 2])   // 增长 8.45%
        XCTAssertTrue(document.facts.contains { $0.measureID == "fiscal_income" && $0.provenance.kind == "text" })   // fy18:566
        // The empty 购置费 cell of line 431 leaves 266.80 as either 购置 or 运行: neither is stored.
        XCTAssertFalse(document.facts.contains {
            ($0.measureID == "vehicle_purchase" || $0.measureID == "vehicle_operation") && $0.provenance.kind == "table"
        })
        // The text says which: 公务用车运行维护费支出 266.8 万元 (fy18:708).
        XCTAssertTrue(document.facts.contains {
            $0.measureID == "vehicle_operation" && $0.amountFen == 266_800_000 && $0.provenance == Provenance("text", 708)
        })
    }

    /// The narrative's shares, 政府采购 and 绩效目标 statements of fy18, read by hand: each share
    /// with its part (the figure before it) and its whole (the total its "其中" list follows, or
    /// the whole it names).
    func testNarrativeSharesProcurementAndTargets() throws {
        let document = try Self.read(Self.fy18).document
        func fact(_ index: Int?) -> ImportedFact? { index.map { document.facts[$0] } }
        // (part measure, part 分, part line, rate scaled, decimals, base measure, base 分, base line, base source)
        let expected: [(String, Int64, Int, Int64, Int, String, Int64, Int, String)] = [
            ("income_general", 33_172_150_000, 593, 100, 0, "income_total", 33_172_150_000, 592, "text"),         // 占 100%
            ("basic", 18_570_820_000, 597, 5598, 2, "expenditure_total", 33_172_150_000, 596, "text"),            // 占 55.98%
            ("project", 11_343_270_000, 598, 3420, 2, "expenditure_total", 33_172_150_000, 596, "text"),          // 占 34.20%
            ("reserve_funds", 3_258_060_000, 599, 982, 2, "expenditure_total", 33_172_150_000, 596, "text"),      // 占 9.82%
            ("fiscal_expenditure", 33_172_150_000, 623, 100, 0, "expenditure_total", 33_172_150_000, 226, "table"), // 占本年支出合计的 100%
            ("sangong_abroad", 170_000_000, 700, 2739, 2, "sangong", 620_750_000, 431, "table"),                  // 占“三公”经费的 27.39%
            ("vehicle_operation", 266_800_000, 701, 4298, 2, "sangong", 620_750_000, 431, "table"),               // 42.98%
            ("sangong_reception", 183_950_000, 702, 2963, 2, "sangong", 620_750_000, 431, "table"),               // 29.63%
        ]
        let shares = document.statements.filter { $0.kind == "share" }
        XCTAssertEqual(shares.count, expected.count, shares.map(\.printed).joined(separator: " "))
        for (measure, fen, line, rate, decimals, baseMeasure, baseFen, baseLine, baseSource) in expected {
            let share = shares.first { fact($0.partFact)?.measureID == measure && fact($0.partFact)?.provenance.lineFrom == line }
            XCTAssertEqual(fact(share?.partFact)?.amountFen, fen, measure)
            XCTAssertEqual([share?.rateScaled, share.map { Int64($0.rateDecimals ?? -1) }], [rate, Int64(decimals)], measure)
            let base = fact(share?.baseFact)
            XCTAssertEqual([base?.measureID, base?.provenance.kind], [baseMeasure, baseSource], measure)
            XCTAssertEqual([base?.amountFen, base.map { Int64($0.provenance.lineFrom) }], [baseFen, Int64(baseLine)], measure)
        }
        // 政府采购 (fy18:736–737) and 绩效目标 (fy18:741–742).
        let text: [(String, Int64, Int)] = [
            ("procurement", 4_641_620_000, 736), ("procurement_goods", 962_860_000, 737), ("procurement_works", 539_000_000, 737),
            ("procurement_services", 3_139_760_000, 737), ("perf_targets", 6, 741), ("perf_targets_budget", 4_481_300_000, 742),
        ]
        for (measure, value, line) in text {
            let found = document.facts.filter { $0.measureID == measure && $0.provenance.kind == "text" }
            XCTAssertEqual(found.map { $0.amountFen ?? $0.quantity }, [value], measure)
            XCTAssertEqual(found.map(\.provenance.lineFrom), [line], measure)
        }
    }

    /// The split disclosure's narrative states shares of its own totals (sw17w:170–173) and of
    /// 本年支出合计 without "的" (sw17w:189–190: 20702.25 / 20849.45 = 99.29%).
    func testSharesOfASplitDisclosuresNarrative() throws {
        let narrative = try Self.read(Self.sw17w).document
        let shares = narrative.statements.filter { $0.kind == "share" }
        let fiscal = try XCTUnwrap(shares.first { $0.partFact.map { narrative.facts[$0].measureID } == "fiscal_expenditure" })
        XCTAssertEqual([fiscal.rateScaled, Int64(fiscal.rateDecimals ?? -1)], [9929, 2])
        XCTAssertEqual(fiscal.partFact.map { narrative.facts[$0].amountFen }, 20_702_250_000)
        XCTAssertEqual(fiscal.baseFact.map { narrative.facts[$0].amountFen }, 20_849_450_000)
        let reserve = try XCTUnwrap(shares.first { $0.partFact.map { narrative.facts[$0].measureID } == "reserve_funds" })
        XCTAssertEqual(reserve.provenance.lineFrom, 173)                        // 单位预留机动经费 196.72 万元，占 0.94%
        XCTAssertEqual(reserve.baseFact.map { narrative.facts[$0].provenance.lineFrom }, 170)
    }

    /// -biaoge (tables) and -wenjian (narrative) are one disclosure: recognized as parts of the
    /// same unit (names spelled differently), year and kind, joined with the narrative's lines
    /// after the tables', and written in one transaction.
    func testTwoFilesAreOneDisclosure() throws {
        let tables = try Self.read(Self.sw17b), narrative = try Self.read(Self.sw17w)
        XCTAssertEqual(tables.document.unit.name, "中国共产党江苏省委员会办公厅")   // sw17b:2
        XCTAssertEqual(narrative.document.unit.name, "江苏省委办公厅")              // sw17w:1
        XCTAssertEqual([tables.document.year, narrative.document.year], [2017, 2017])
        XCTAssertTrue(narrative.document.tables.isEmpty)
        XCTAssertEqual(DisclosureParts.groups([tables, narrative], asOne: false), [[0, 1]])
        let joined = DisclosureParts.join([tables, narrative]).document
        XCTAssertEqual(joined.unit.name, "中国共产党江苏省委员会办公厅")
        XCTAssertTrue(joined.unit.aliases.contains("江苏省委办公厅"))
        XCTAssertEqual(joined.lineCount, tables.document.lineCount + narrative.document.lineCount)
        XCTAssertEqual(joined.sourceFile, Self.sw17b + " + " + Self.sw17w)
        Self.assertFigures(joined, [
            ("expenditure_total", "all", 20_849_450_000, 106),       // sw17b:106 合计 incl. 财政专户 money
            ("reserve_funds", "all", 196_720_000, 106),
            ("fiscal_income", "fiscal", 20_702_250_000, 10),         // sw17b:10 一、财政拨款
            ("201", "fiscal", 16_845_170_000, 141),                  // sw17b:141 财政拨款 类 201
        ])
        // 人员经费 is stated only in the narrative part (sw17w:219), at its line after the tables' lines.
        XCTAssertTrue(joined.facts.contains {
            $0.measureID == "personnel" && $0.amountFen == 7_819_470_000 && $0.provenance.lineFrom == tables.document.lineCount + 219
        })
        // The narrative's first line is line 1 of the second part: tables' line count + 1.
        XCTAssertTrue(joined.paragraphs.contains { $0.line == tables.document.lineCount + 1 && $0.body.hasPrefix("江苏省委办公厅") })
        let database = try BudgetReaderTests.database()
        guard case .imported(let id, _, _) = try DocumentWriter.write(joined, into: database) else { return XCTFail("not imported") }
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM disclosure"), .integer(1))
        XCTAssertEqual(try database.scalar("SELECT line_count FROM disclosure WHERE id = ?", [.integer(id)]),
                       .integer(Int64(joined.lineCount)))
        // Other budgets, or another year, are not parts of it.
        let other = try Self.read(Self.fy18)
        XCTAssertEqual(DisclosureParts.groups([tables, other, narrative], asOne: false), [[0, 2], [1]])
        XCTAssertEqual(DisclosureParts.groups([tables, other], asOne: true), [[0, 1]])
    }
}
