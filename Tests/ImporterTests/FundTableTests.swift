import XCTest
import Core
import TestSupport
@testable import Importer
@testable import Store

/// The 政府性基金预算财政拨款收入支出决算表 with data (no dev document has one): the
/// guihuaziyuanju document with its empty table filled by scripts/fund_table_variant.py, in
/// three text forms. The figures are the script's FUND_ROWS, printed at the variant lines cited.
final class FundTableTests: XCTestCase {
    static let title = "政府性基金预算财政拨款收入支出决算表"
    static let forms = ["", "-word-text", "-reading-order"]

    static func path(_ form: String) -> String {
        "fixtures/disclosures/constructed/2024-shanghai-putuo-guihuaziyuanju-fund-table\(form).txt"
    }

    /// (code or measure, column) → 万元 as printed, from the variant's table (layout lines 442–466).
    static let expected: [String: String] = {
        let columns = ["opening_balance", "income_total", "actual", "basic", "project", "closing_balance"]
        let rows: [(String, [String])] = [
            ("207", ["0.00", "300.00", "300.00", "0.00", "300.00", "0.00"]),
            ("20709", ["0.00", "300.00", "300.00", "0.00", "300.00", "0.00"]),
            ("2070904", ["0.00", "300.00", "300.00", "0.00", "300.00", "0.00"]),
            ("212", ["12.00", "950.00", "880.50", "20.00", "860.50", "81.50"]),
            ("21208", ["12.00", "700.00", "640.50", "20.00", "620.50", "71.50"]),
            ("2120803", ["12.00", "500.00", "450.50", "20.00", "430.50", "61.50"]),
            ("2120899", ["0.00", "200.00", "190.00", "0.00", "190.00", "10.00"]),
            ("21213", ["0.00", "250.00", "240.00", "0.00", "240.00", "10.00"]),
            ("2121399", ["0.00", "250.00", "240.00", "0.00", "240.00", "10.00"]),
        ]
        var out: [String: String] = [:]
        for (code, figures) in rows { for (c, f) in zip(columns, figures) { out["\(code) \(c)"] = f } }
        let totals = ["gov_fund_opening_balance": "12.00", "income_gov_fund": "1250.00", "gov_fund_expenditure": "1180.50",
                      "gov_fund_basic": "20.00", "gov_fund_project": "1160.50", "gov_fund_closing_balance": "81.50"]
        for (measure, figure) in totals { out["\(measure) actual"] = figure }
        return out
    }()

    /// The fund table's facts as "key column" → 分.
    static func tableFacts(_ result: ImportResult) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for f in result.document.facts where f.provenance.table == title {
            XCTAssertEqual(f.fund, "gov_fund", "\(f)")
            XCTAssertNil(out["\(f.code ?? f.measureID!) \(f.column)"], "printed twice: \(f)")
            out["\(f.code ?? f.measureID!) \(f.column)"] = f.amountFen
        }
        return out
    }

    func testFiguresImportExactlyInEveryForm() throws {
        let want = Self.expected.mapValues { Amount(printed: $0, unit: .tenThousandYuan)!.fen }
        XCTAssertEqual(want["212 actual"], 880_500_000)
        for form in Self.forms {
            let result = try ShanghaiFixture.read(Self.path(form))
            XCTAssertEqual(Self.tableFacts(result), want, "form \(form)")
            XCTAssertFalse(result.report.warnings.contains { $0.hasPrefix(Self.title) }, "\(form): \(result.report.warnings)")
            let table = try XCTUnwrap(result.document.tables.first { $0.title == Self.title }, form)
            XCTAssertEqual(table.status, .ok)
            // The other tables read as in the original document.
            let original = try ShanghaiFixture.read("fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt")
            let others = { (r: ImportResult) in
                r.document.facts.filter { $0.provenance.table != Self.title && $0.provenance.kind == "table" }
                    .map { "\($0.measureID ?? $0.code ?? "") \($0.fund) \($0.column) \($0.amountFen ?? 0)" }.sorted()
            }
            XCTAssertEqual(others(result), others(original), form)
        }
    }

    /// The empty tables of the dev documents (本年度没有…故本表无数据) give no fact and no warning.
    func testEmptyTablesGiveNothing() throws {
        for name in LayoutVariantTests.names {
            let result = try ShanghaiFixture.read("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            XCTAssertFalse(result.document.facts.contains { $0.provenance.table?.hasSuffix("收入支出决算表") == true
                && $0.provenance.table != "收入支出决算表" && $0.provenance.table != "财政拨款收入支出决算总表" }, name)
            XCTAssertFalse(result.report.warnings.contains { $0.contains("政府性基金预算财政拨款收入支出决算表")
                || $0.contains("国有资本经营预算财政拨款收入支出决算表") }, name)
        }
    }

    /// Every coded row keeps its printed name: 2070904 is printed "地方旅游开发补助" where the
    /// catalog names it 地方旅游开发项目补助 (a renamed 项); wrapped names are joined.
    func testRowLabelsAreThePrintedNames() throws {
        let database = try Database(.memory)
        try DatabaseSetup.populate(database, contents: .empty)
        let catalogName = try database.query("SELECT name FROM func_code WHERE code = '2070904'").first?[0].string
        XCTAssertEqual(catalogName, "地方旅游开发项目补助")
        let names = ["207": "文化旅游体育与传媒支出", "20709": "旅游发展基金支出", "2070904": "地方旅游开发补助",
                     "21208": "国有土地使用权出让收入安排的支出", "2120899": "其他国有土地使用权出让收入安排的支出"]
        for form in Self.forms {
            let result = try ShanghaiFixture.read(Self.path(form))
            for (code, name) in names {
                let labels = Set(result.document.facts.filter { $0.provenance.table == Self.title && $0.code == code }
                    .map { $0.provenance.rowLabel ?? "" })
                XCTAssertEqual(labels, ["\(code) \(name)"], "form \(form)")
            }
            // Stored as printed.
            let store = try Database(.memory)
            try DatabaseSetup.populate(store, contents: .empty)
            _ = try DocumentWriter.write(result.document, into: store)
            let stored = try store.query("""
                SELECT DISTINCT row_label FROM fact WHERE code = '2070904' AND source_table = '\(Self.title)'
                """).map { $0[0].string ?? "" }
            XCTAssertEqual(stored, ["2070904 地方旅游开发补助"], form)
        }
    }

    /// The Word text's fund table with its figure columns shifted one to the left: quarantined,
    /// reported once, its figures kept and marked.
    func testColumnShiftIsQuarantined() throws {
        let source = try ShanghaiFixture.text(Self.path("-word-text"))
        let range = try XCTUnwrap(FinalAccountsTableReader.locate(source.lines, template: .finalAccounts)[Self.title])
        let shifted = source.replacingLines(ColumnShift.shiftFigures(source.lines, in: range))
        let result = try ShanghaiReader.read(TextNormalizer.normalize(shifted), overrides: ImportOverrides())
        let table = try XCTUnwrap(result.document.tables.first { $0.title == Self.title })
        XCTAssertEqual(table.status, .quarantined)
        XCTAssertTrue(table.rawCells?.contains("2120803\t500.00\t450.50") == true, table.rawCells ?? "")
        let facts = result.document.facts.filter { $0.provenance.table == Self.title }
        XCTAssertGreaterThan(facts.count, 40)
        XCTAssertTrue(facts.allSatisfy { $0.status == .quarantined })
        XCTAssertEqual(result.document.facts.filter { $0.status == .quarantined }.count, facts.count)
        XCTAssertEqual(result.report.warnings.filter { $0.hasPrefix(Self.title) }.count, 1, "\(result.report.warnings)")
    }

    /// Reading order with the 0.00 cells left blank: a figure is stored only where the table's
    /// identities (row, parent = Σ children) fix its column, and then in the right one; the
    /// others are reported, never stored under a guessed column.
    func testBlankCellsAreSolvedOrReported() throws {
        let source = try ShanghaiFixture.text(Self.path("-reading-order"))
        let range = try XCTUnwrap(FinalAccountsTableReader.locate(source.lines, template: .finalAccounts)[Self.title])
        var lines = source.lines
        for n in range { lines[n - 1] = lines[n - 1].split(separator: " ").filter { $0 != "0.00" }.joined(separator: " ") }
        XCTAssertNotEqual(lines, source.lines)
        let result = try ShanghaiReader.read(TextNormalizer.normalize(source.replacingLines(lines)), overrides: ImportOverrides())
        let want = Self.expected.mapValues { Amount(printed: $0, unit: .tenThousandYuan)!.fen }
        let got = Self.tableFacts(result)
        for (key, fen) in got { XCTAssertEqual(fen, want[key], "stored under \(key)") }
        // Rows whose figures fit one placement only: 212 prints all six, the 合计 too.
        XCTAssertEqual(got["212 closing_balance"], 81_500_000)
        XCTAssertEqual(got["21208 basic"], 20_000_000)
        let unplaced = result.report.warnings.filter { $0.hasPrefix(Self.title) && $0.contains("无法确定所在栏目") }
        let blanks = want.filter { $0.value == 0 }.count
        XCTAssertLessThanOrEqual(got.count, want.count - blanks)
        for key in want.keys where want[key] != 0 && got[key] == nil {
            let code = String(key.split(separator: " ")[0])
            XCTAssertTrue(unplaced.contains { $0.contains("：\(code) 行") }, "\(key) neither stored nor reported: \(unplaced)")
        }
    }
}

/// Printed row names of the dev documents' code tables: layout text wraps long names around
/// the code line (centred: pieces above and below; or top-aligned: pieces below), and each of
/// a document's three code tables wraps them its own way. Every table gives a code one name.
final class PrintedRowNameTests: XCTestCase {
    /// "code" → the names the code tables give it.
    static func names(_ path: String) throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for f in try ShanghaiFixture.read(path).document.facts where f.provenance.kind == "table" {
            guard let code = f.code, code.hasPrefix("2"), let label = f.provenance.rowLabel, label.hasPrefix(code) else { continue }
            out[code, default: []].insert(label)
        }
        return out
    }

    func testLayoutNamesAreTheWholeNames() throws {
        for name in LayoutVariantTests.names {
            let names = try Self.names("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            XCTAssertGreaterThan(names.count, 15, name)
            for (code, labels) in names where labels.count != 1 { XCTFail("\(name) \(code): \(labels.sorted())") }
        }
        // 规划和自然资源局: centred in the 一般公共预算财政拨款支出决算表 (lines 316-330: "城乡社区管理 /
        // 21201 / 事务", "行政运行 / 2120101", "城乡社区规划 / 21202 / 与管理"), top-aligned in the
        // 支出决算表 (lines 211-216: "2080506 机关事业单位职业年金缴 / 费支出").
        let planning = try Self.names("fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt")
        XCTAssertEqual(planning["21201"], ["21201 城乡社区管理事务"])
        XCTAssertEqual(planning["2120101"], ["2120101 行政运行"])
        XCTAssertEqual(planning["21202"], ["21202 城乡社区规划与管理"])
        XCTAssertEqual(planning["220"], ["220 自然资源海洋气象等支出"])
        XCTAssertEqual(planning["2080506"], ["2080506 机关事业单位职业年金缴费支出"])
        XCTAssertEqual(planning["2080599"], ["2080599 其他行政事业单位养老支出"])
        // 社会工作部 支出决算表 (lines 156-161): pieces above and below empty code lines.
        let social = try Self.names("fixtures/disclosures/2024-shanghai-putuo-shehuigongzuobu.txt")
        XCTAssertEqual(social["2080505"], ["2080505 机关事业单位基本养老保险缴费支出"])
        XCTAssertEqual(social["20805"], ["20805 行政事业单位养老支出"])
        // 财政局 支出决算表 (lines 205-210): the whole name below an empty code line.
        let finance = try Self.names("fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt")
        XCTAssertEqual(finance["2080505"], ["2080505 机关事业单位基本养老保险缴费支出"])
        XCTAssertEqual(finance["2080506"], ["2080506 机关事业单位职业年金缴费支出"])
    }
}
