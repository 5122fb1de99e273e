import Core
@testable import Importer
import XCTest

/// Tables of windows of unknown templates other than the 三公 table, read by their titles and
/// headings with the 9-table template's descriptions, kept only where the table's own identities
/// hold. The windows (fixtures/disclosures/constructed, README) were written from the figures of
/// the dev documents in layouts no reader was written for, and each figure below was written by
/// hand from the window's lines before the reader was run on it: the reader must store none of
/// its figures wrongly, and at least what it read when measured.
final class PartialTablesTests: XCTestCase {
    static let zhejiang = "fixtures/disclosures/constructed/2024-zhejiang-lucheng-shehuigongzuobu-bumen-juesuan.txt"
    static let hubei = "fixtures/disclosures/constructed/2024-hubei-jianghan-caizhengju-bumen-juesuan.txt"

    /// A figure of the key: its line, measure or code, fund (codes only), column and amount in 分.
    struct Figure {
        var line: Int
        var key: String
        var fund: String?
        var column: String
        var fen: Int64
    }

    /// 分 per 0.01 万元.
    static let wan: Int64 = 10_000

    static func measure(_ line: Int, _ measure: String, _ hundredths: Int64, column: String = "actual") -> Figure {
        Figure(line: line, key: measure, fund: nil, column: column, fen: hundredths * wan)
    }

    /// A code row's figures: 合计, then 基本支出 and 项目支出 where printed (nil: blank or “-”).
    static func code(_ line: Int, _ code: String, fund: String, _ total: Int64, basic: Int64? = nil, project: Int64? = nil) -> [Figure] {
        [Figure(line: line, key: code, fund: fund, column: "actual", fen: total * wan)]
            + (basic.map { [Figure(line: line, key: code, fund: fund, column: "basic", fen: $0 * wan)] } ?? [])
            + (project.map { [Figure(line: line, key: code, fund: fund, column: "project", fen: $0 * wan)] } ?? [])
    }

    /// How many of the key's figures the document stores, and every printed figure it stores that the key does not hold.
    static func score(_ document: ImportedDocument, key: [Figure]) -> (read: Int, wrong: [String]) {
        var read = 0, wrong: [String] = []
        for fact in document.facts where !fact.isDerived {
            let value = fact.amountFen ?? fact.quantity ?? -1
            let matches = key.contains { figure in
                figure.line == fact.provenance.lineFrom && figure.key == (fact.measureID ?? fact.code)
                    && (figure.fund == nil || figure.fund == fact.fund) && figure.column == fact.column && figure.fen == value
            }
            if matches && fact.year == document.year { read += 1 } else {
                wrong.append("第\(fact.provenance.lineFrom)行 \(fact.measureID ?? fact.code ?? "") \(fact.fund) \(fact.column) \(fact.printed ?? "")")
            }
        }
        return (read, wrong)
    }

    // MARK: keys (written from the windows' lines before the reader was run)

    /// The Zhejiang-style window: 部门收支决算总表 (lines 23–29, 金额 columns, 总计 on both sides) and the
    /// 一般公共预算财政拨款支出决算表 with its columns in the order 基本支出, 项目支出, 合计 (lines 35–52).
    static var zhejiangKey: [Figure] {
        var key = [
            measure(23, "income_general", 30_782), code(23, "201", fund: "all", 26_487)[0],
            measure(24, "income_gov_fund", 0), code(24, "208", fund: "all", 1_082)[0],
            measure(25, "income_other", 0), code(25, "210", fund: "all", 271)[0],
            code(26, "221", fund: "all", 2_942)[0],
            measure(27, "income_total", 30_782), measure(27, "expenditure_total", 30_782),
            measure(28, "opening_balance", 0), measure(28, "closing_balance", 0),
            measure(29, "grand_total", 30_782),
        ]
        key += code(35, "201", fund: "general", 26_487, basic: 6_263, project: 20_224)
        key += code(36, "20139", fund: "general", 26_487, basic: 6_263, project: 20_224)
        key += code(37, "2013901", fund: "general", 5_132, basic: 5_132)
        key += code(38, "2013950", fund: "general", 1_131, basic: 1_131)
        key += code(39, "2013999", fund: "general", 20_224, project: 20_224)
        for (line, c, v) in [(40, "208", 1_082), (41, "20805", 1_082), (42, "2080505", 618), (43, "2080506", 464), (44, "210", 271),
                             (45, "21011", 271), (46, "2101101", 222), (47, "2101102", 49), (48, "221", 2_942), (49, "22102", 2_942),
                             (50, "2210201", 1_770), (51, "2210203", 1_172)] as [(Int, String, Int64)] {
            key += code(line, c, fund: "general", v, basic: v)
        }
        key += [measure(52, "general_basic", 10_558), measure(52, "general_project", 20_224), measure(52, "general_expenditure", 30_782)]
        // The 情况说明: line 58 收支总计; line 62 一般公共预算财政拨款支出 and its 基本支出, 项目支出.
        key += [measure(58, "grand_total", 30_782), measure(62, "general_expenditure", 30_782), measure(62, "general_basic", 10_558),
                measure(62, "general_project", 20_224)]
        return key
    }

    /// The Hubei-style window: 收入支出决算总表 printed as one column (收入 rows, then 支出 rows, lines
    /// 21–41) and the 一般公共预算财政拨款支出决算表 in 元, codes in 类/款/项 columns, “-” for blank cells
    /// (lines 48–67).
    static var hubeiKey: [Figure] {
        var key = [
            measure(21, "income_general", 294_005), measure(28, "income_other", 620), measure(29, "income_total", 294_625),
            measure(31, "opening_balance", 4_914), measure(32, "grand_total", 299_539),
            code(34, "201", fund: "all", 210_666)[0], code(35, "208", fund: "all", 32_671)[0], code(36, "210", fund: "all", 6_099)[0],
            code(37, "221", fund: "all", 44_569)[0], measure(38, "expenditure_total", 294_005), measure(40, "closing_balance", 5_534),
        ]
        key += code(48, "201", fund: "general", 210_666, basic: 150_352, project: 60_314)
        key += code(49, "20106", fund: "general", 210_666, basic: 150_352, project: 60_314)
        key += code(50, "2010601", fund: "general", 151_189, basic: 150_352, project: 837)
        key += code(51, "2010602", fund: "general", 1_000, project: 1_000)
        key += code(52, "2010607", fund: "general", 13_525, project: 13_525)
        key += code(53, "2010608", fund: "general", 44_952, project: 44_952)
        for (line, c, v) in [(54, "208", 32_671), (55, "20805", 32_671), (56, "2080501", 8_465), (57, "2080505", 16_075),
                             (58, "2080506", 8_038), (59, "2080599", 93), (60, "210", 6_099), (61, "21011", 6_099), (62, "2101101", 6_099),
                             (63, "221", 44_569), (64, "22102", 44_569), (65, "2210201", 18_719), (66, "2210203", 25_850)] as [(Int, String, Int64)] {
            key += code(line, c, fund: "general", v, basic: v)
        }
        key += [measure(67, "general_expenditure", 294_005), measure(67, "general_basic", 233_691), measure(67, "general_project", 60_314)]
        key += [measure(73, "grand_total", 299_539), measure(77, "general_expenditure", 294_005), measure(77, "general_basic", 233_691),
                measure(77, "general_project", 60_314)]
        return key
    }

    func testKeysCountEveryStatedFigure() {
        // 总表: 12 of the 13 figures printed (the right-hand 总计 names no measure of its own); code table 39; text 4.
        XCTAssertEqual(Self.zhejiangKey.count, 12 + 39 + 4)
        // 总表: 11 of 12; code table 44; text 4.
        XCTAssertEqual(Self.hubeiKey.count, 11 + 44 + 4)
    }

    static func read(_ relative: String) throws -> ImportResult { try DocumentImporter.read(try ShanghaiFixture.text(relative)) }

    static func read(_ lines: [String]) throws -> ImportResult {
        try DocumentImporter.read(SourceText(lines: lines, sourceFile: "x.txt", sha256: String(repeating: "0", count: 64), encoding: "UTF-8"))
    }

    /// Measured: every figure of both tables (12 + 39), none of the four 情况说明 figures (the
    /// 收支总计 wording is no rule's; the 基本支出/项目支出 after 其中 are of 一般公共预算 while the 9-table
    /// rules read them as all funds', so they are left out). Columns printed 基本支出, 项目支出, 合计.
    func testZhejiangWindow() throws {
        let result = try Self.read(Self.zhejiang)
        let d = result.document
        XCTAssertEqual(d.template, "partial")
        XCTAssertEqual(d.unit.name, "中共温州市鹿城区委社会工作部")
        XCTAssertEqual(d.year, 2024)
        XCTAssertEqual(d.tables.map(\.title), ["部门收支决算总表", "一般公共预算财政拨款支出决算表"])
        XCTAssertEqual(d.tables.map(\.lineFrom), [19, 32])
        let (read, wrong) = Self.score(d, key: Self.zhejiangKey)
        XCTAssertEqual(wrong, [])
        XCTAssertGreaterThanOrEqual(read, 51)
        let basic = try XCTUnwrap(d.facts.first { $0.code == "2013901" && $0.column == "basic" })
        XCTAssertEqual(basic.provenance.table, "一般公共预算财政拨款支出决算表")
        XCTAssertEqual(basic.provenance.columnLabel, "基本支出")
        XCTAssertEqual(basic.provenance.rowLabel, "2013901 行政运行")
    }

    /// Measured: every figure of both tables (11 + 44, the code table in 元), none of the four
    /// 情况说明 figures (as in the Zhejiang window).
    func testHubeiWindow() throws {
        let result = try Self.read(Self.hubei)
        let d = result.document
        XCTAssertEqual(d.unit.name, "武汉市江汉区财政局")
        XCTAssertEqual(d.tables.map(\.title), ["2024年度收入支出决算总表", "2024年度一般公共预算财政拨款支出决算表"])
        let (read, wrong) = Self.score(d, key: Self.hubeiKey)
        XCTAssertEqual(wrong, [])
        XCTAssertGreaterThanOrEqual(read, 55)
        XCTAssertEqual(d.facts.first { $0.code == "2080599" && $0.column == "basic" }?.printedUnit, "元")
    }

    /// A code table one of whose sums fails is not read at all; a two-sided table keeps the rows
    /// of the sums that hold and none of the rows of a sum that fails.
    func testTablesWhoseIdentitiesFailAreNotStored() throws {
        var lines = try ShanghaiFixture.text(Self.hubei).lines
        // Line 57: 2080505 basic 1,607,500.00 → 1,607,600.00 (208 05's 基本支出 no longer adds up).
        lines[56] = lines[56].replacingOccurrences(of: "1,607,500.00      1,607,500.00", with: "1,607,500.00      1,607,600.00")
        // Line 28: 其他收入 6.20 → 6.30 (本年收入合计 no longer the sum of the income rows).
        lines[27] = lines[27].replacingOccurrences(of: "6.20", with: "6.30")
        let result = try Self.read(lines)
        let d = result.document
        XCTAssertEqual(d.tables.map(\.title), ["2024年度收入支出决算总表"])
        XCTAssertTrue(d.facts.allSatisfy { $0.provenance.kind != "table" || $0.provenance.lineFrom < 43 })
        XCTAssertTrue(result.report.warnings.contains { $0.hasPrefix("第44行「2024年度一般公共预算财政拨款支出决算表」") }, "\(result.report.warnings)")
        let kept = Set(d.facts.filter { $0.provenance.kind == "table" }.map { $0.measureID ?? $0.code ?? "" })
        XCTAssertEqual(kept, ["opening_balance", "grand_total", "201", "208", "210", "221", "expenditure_total", "closing_balance"])
        let (_, wrong) = Self.score(d, key: Self.hubeiKey)
        XCTAssertEqual(wrong, [])
    }

    /// A table whose money unit is not printed is not read: its unit is not assumed.
    func testTableWithoutMoneyUnitIsNotRead() throws {
        var lines = try ShanghaiFixture.text(Self.hubei).lines
        lines[44] = ""   // line 45: 单位：元
        let result = try Self.read(lines)
        XCTAssertFalse(result.document.facts.contains { $0.provenance.kind == "table" && $0.provenance.lineFrom > 43 })
        XCTAssertTrue(result.report.warnings.contains { $0.contains("未写明金额单位") }, "\(result.report.warnings)")
    }

    func testTitles() {
        for (line, title) in [("附表1", nil), ("  部门收支决算总表", "收入支出决算总表"), ("表1 2024年度收入支出决算表", "收入支出决算总表"),
                              ("五、一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
                              ("2024年度部门支出决算表", "支出决算表"), ("财政拨款收入支出决算表", nil),
                              ("政府性基金预算财政拨款支出决算表", nil), ("一般公共预算财政拨款基本支出决算表", nil),
                              ("收入支出决算总表反映了全部收支。", nil)] as [(String, String?)] {
            XCTAssertEqual(PartialTables.spec(titled: line)?.title, title, line)
        }
    }
}
