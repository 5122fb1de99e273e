import XCTest
import Core
import TestSupport
@testable import Importer
@testable import Store

/// A table whose identities fail wholesale is quarantined: kept, marked, reported once.
final class QuarantineTests: XCTestCase {
    static let wordText = "fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-word-text.txt"

    /// The Word text with the 支出决算表's figure columns shifted one to the left on every code
    /// and 合计 row: each row's 本年支出合计 cell is lost and the others move under the wrong heading.
    static func shifted() throws -> SourceText {
        let source = try ShanghaiFixture.text(wordText)
        let tables = FinalAccountsTableReader.locate(source.lines, template: .finalAccounts)
        let range = try XCTUnwrap(tables["支出决算表"])
        let lines = ColumnShift.shiftFigures(source.lines, in: range)
        XCTAssertNotEqual(lines, source.lines)
        return source.replacingLines(lines)
    }

    func testColumnShiftedTableIsQuarantinedAndReportedOnce() throws {
        let original = try ShanghaiFixture.read(Self.wordText)
        let result = try ShanghaiReader.read(TextNormalizer.normalize(try Self.shifted()), overrides: ImportOverrides())
        let table = try XCTUnwrap(result.document.tables.first { $0.title == "支出决算表" })
        XCTAssertEqual(table.status, .quarantined)
        XCTAssertNotNil(table.reason)
        XCTAssertTrue(table.rawCells?.contains("2010601\t1,503.52\t8.37") == true, table.rawCells ?? "")
        // Every other table is ok, and the original's 支出决算表 too.
        XCTAssertEqual(result.document.tables.filter { $0.status == .quarantined }.count, 1)
        XCTAssertTrue(original.document.tables.allSatisfy { $0.status == .ok }, "\(original.document.tables)")
        // Its facts are kept and marked; no other fact is.
        let marked = result.document.facts.filter { $0.status == .quarantined }
        XCTAssertGreaterThan(marked.count, 20)
        XCTAssertTrue(marked.allSatisfy { $0.provenance.table == "支出决算表" })
        XCTAssertTrue(result.document.facts.filter { $0.provenance.table == "支出决算表" }.allSatisfy { $0.status == .quarantined })
        // One warning for the table, no cascade of row warnings from it.
        let about = result.report.warnings.filter { $0.hasPrefix("支出决算表") }
        XCTAssertEqual(about.count, 1, "\(about)")
        XCTAssertTrue(about[0].contains("已隔离"), about[0])
        // The facts of the other tables are those of the original.
        let keep = { (r: ImportResult) in ShanghaiFixture.keys(ImportResult(
            document: { var d = r.document; d.facts = d.facts.filter { $0.provenance.table != "支出决算表" && $0.status == .ok }; return d }(),
            report: r.report)) }
        XCTAssertEqual(keep(original).filter { $0.key.measure == nil }, keep(result).filter { $0.key.measure == nil })
    }

    /// The store keeps the table's status and raw cells, and the facts' status and provenance.
    func testStoreKeepsStatusAndProvenance() throws {
        let result = try ShanghaiReader.read(TextNormalizer.normalize(try Self.shifted()), overrides: ImportOverrides())
        let database = try Database(.memory)
        try DatabaseSetup.populate(database, contents: .empty)
        _ = try DocumentWriter.write(result.document, into: database)
        let tables = try database.query("SELECT title, status, reason IS NOT NULL, raw_cells IS NOT NULL FROM source_table WHERE status != 'ok'")
        XCTAssertEqual(tables.map { "\($0[0].string ?? "")|\($0[1].string ?? "")|\($0[2].int64 ?? 0)|\($0[3].int64 ?? 0)" },
                       ["支出决算表|quarantined|1|1"])
        let counts = try database.query("SELECT status, count(*) FROM fact GROUP BY status ORDER BY status")
        XCTAssertEqual(counts.count, 2)
        // A table fact records its table, row, column heading and page.
        let row = try XCTUnwrap(try database.query("""
            SELECT source_table, row_label, column_label, page FROM fact
            WHERE code = '2010601' AND column_id = 'project' AND status = 'ok' AND source_table = '一般公共预算财政拨款支出决算表'
            """).first)
        XCTAssertEqual(row.prefix(3).map { $0.string ?? "" }, ["一般公共预算财政拨款支出决算表", "2010601 行政运行", "项目支出"])
        XCTAssertNotNil(row[3].int64)
    }

    /// Every table figure of the dev documents says which table, row, column and page it is from.
    func testEveryTableFigureHasItsPlace() throws {
        for name in LayoutVariantTests.names {
            let text = try ShanghaiFixture.text("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            let result = try ShanghaiReader.read(TextNormalizer.normalize(text), overrides: ImportOverrides())
            for f in result.document.facts where f.provenance.kind == "table" {
                let p = f.provenance
                XCTAssertNotNil(p.table, "\(name) line \(p.lineFrom)")
                XCTAssertNotNil(p.columnLabel, "\(name) line \(p.lineFrom)")
                // The page is the one the fixture's "[PDF page N" annotation before the line names.
                let marker = try XCTUnwrap(text.lines[..<p.lineFrom].last { $0.hasPrefix("[PDF page ") })
                let printed = Int(marker.dropFirst("[PDF page ".count).prefix { $0.isNumber })
                XCTAssertEqual(p.page, printed, "\(name) line \(p.lineFrom)")
            }
        }
    }
}
