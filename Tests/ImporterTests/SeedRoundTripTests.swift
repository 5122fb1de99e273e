import Core
import Foundation
import Importer
import Store
import XCTest

/// Importing the seed text into an empty database gives the same rows as the embedded
/// seeds, compared row by row (ids replaced by what they refer to); and the seed text is
/// recognized as already loaded in a seeded database.
final class SeedRoundTripTests: XCTestCase {
    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/disclosures/000_aa60969cd7f058a1.txt").path

    /// Rows of a disclosure's tables with ids replaced by natural keys, one string per row.
    static let comparisons: [(table: String, sql: String)] = [
        ("fact", """
            SELECT f.measure_id, f.code, f.fund_id, f.column_id, f.year, f.amount_fen, f.quantity, f.printed, f.printed_unit,
                   f.derived, f.source_kind, f.line_from, f.line_to
            FROM fact f WHERE f.disclosure_id = ?
            """),
        ("derivation_input", """
            SELECT f.line_from, f.measure_id, f.year, d.position, d.sign, i.measure_id, i.line_from, s.kind, s.line_from, s.printed
            FROM derivation_input d JOIN fact f ON f.id = d.fact_id
            LEFT JOIN fact i ON i.id = d.input_fact_id LEFT JOIN statement s ON s.id = d.input_statement_id
            WHERE f.disclosure_id = ?
            """),
        ("statement", """
            SELECT s.kind, s.printed, s.direction, s.rate_scaled, s.rate_decimals, s.amount_fen, s.basis, s.source_kind,
                   s.line_from, s.line_to, p.measure_id, p.code, p.year, p.line_from, b.measure_id, b.code, b.year, b.line_from
            FROM statement s LEFT JOIN fact p ON p.id = s.part_fact_id LEFT JOIN fact b ON b.id = s.base_fact_id
            WHERE s.disclosure_id = ?
            """),
        ("project", """
            SELECT seq, code, name, department, implementer, annual_goal, goal_achieved, overview, conclusion, problems,
                   improvements, owner, finance_owner, has_form, line_from, line_to FROM project WHERE disclosure_id = ?
            """),
        ("project_figure", """
            SELECT p.seq, x.funding_row, x.field, x.amount_fen, x.rate_scaled, x.rate_decimals, x.points_centi, x.printed,
                   x.source_kind, x.line_from, x.line_to
            FROM project_figure x JOIN project p ON p.id = x.project_id WHERE p.disclosure_id = ?
            """),
        ("indicator", """
            SELECT p.seq, i.seq, i.level1, i.level2, i.level3, i.operator_printed, i.operator, i.target, i.unit, i.actual,
                   i.weight_centi, i.score_centi, i.reason, i.is_total, i.line_from, i.line_to
            FROM indicator i JOIN project p ON p.id = i.project_id WHERE p.disclosure_id = ?
            """),
        ("paragraph", "SELECT section, body, source_kind, line_from, line_to FROM paragraph WHERE disclosure_id = ?"),
    ]

    static func rows(_ database: Database, disclosure: Int64) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (table, sql) in comparisons {
            result[table] = try database.query(sql, [.integer(disclosure)]).map { "\($0)" }.sorted()
        }
        return result
    }

    func testImportingTheSeedTextReproducesTheSeeds() throws {
        let imported = try Connections.memory(contents: .empty)
        let result = try DocumentImporter.read(path: Self.seedPath)
        guard case .imported(let id, _, _) = try DocumentWriter.write(result.document, into: imported.writer) else {
            return XCTFail("the seed text was not imported")
        }
        let seeded = try Connections.memory()
        let expected = try Self.rows(seeded.reader, disclosure: 1)
        let actual = try Self.rows(imported.reader, disclosure: id)
        for (table, _) in Self.comparisons {
            let want = expected[table] ?? [], got = actual[table] ?? []
            XCTAssertFalse(want.isEmpty, table)
            XCTAssertEqual(got.count, want.count, "\(table): row count")
            XCTAssertEqual(Set(got).subtracting(want).sorted(), [], "\(table): imported rows the seeds lack")
            XCTAssertEqual(Set(want).subtracting(got).sorted(), [], "\(table): seeded rows the import lacks")
        }
        let unit = try imported.reader.query("SELECT u.name, u.region, d.year, d.sha256 FROM disclosure d JOIN unit u ON u.id = d.unit_id")
        let seededUnit = try seeded.reader.query("SELECT u.name, u.region, d.year, d.sha256 FROM disclosure d JOIN unit u ON u.id = d.unit_id")
        XCTAssertEqual(unit, seededUnit)
        XCTAssertEqual(try imported.reader.query("SELECT name FROM unit WHERE parent_id IS NOT NULL ORDER BY name"),
                       try seeded.reader.query("SELECT name FROM unit WHERE parent_id IS NOT NULL ORDER BY name"))
    }

    func testTheSeedTextIsAlreadyLoadedInTheDefaultDatabase() throws {
        let seeded = try Connections.memory()
        let before = try seeded.reader.scalar("SELECT count(*) FROM fact")
        let result = try DocumentImporter.read(path: Self.seedPath)
        XCTAssertEqual(try DocumentWriter.write(result.document, into: seeded.writer), .alreadyLoaded(disclosureID: 1))
        XCTAssertEqual(try seeded.reader.scalar("SELECT count(*) FROM fact"), before)
    }
}
