import Core
import Store
import XCTest

/// `fact.chosen`, kept by the writer: for each key of a unit's figures exactly one
/// occurrence is chosen (its own year's 决算 before a later one that restates it, then
/// table > text > chart), a 预算 never competes, and importing, replacing or removing a
/// disclosure re-decides the unit's keys in the same transaction.
final class ValueChoiceTests: XCTestCase {
    static let unit = ImportedUnit(name: "测试区选值局", region: "测试区")

    private var database: Database!

    override func setUpWithError() throws {
        database = try Database(.memory)
        try DatabaseSetup.populate(database, contents: .empty)
    }

    private static func fact(_ measure: String? = nil, code: String? = nil, fund: String = "all", column: String = "actual",
                             year: Int, fen: Int64, source: String = "table", line: Int) -> ImportedFact {
        ImportedFact(measureID: measure, code: code, fund: fund, column: column, year: year, amountFen: fen,
                     printed: String(fen / 1_000_000), printedUnit: "万元", provenance: Provenance(source, line))
    }

    private static func document(year: Int, kind: String = "决算", sha: Character, facts: [ImportedFact]) -> ImportedDocument {
        ImportedDocument(unit: unit, year: year, kind: kind, template: "shanghai", title: "\(unit.name)\(year)年度部门\(kind)",
                         sourceFile: "\(year)-\(kind)-\(sha).txt", sha256: String(repeating: sha, count: 64), lineCount: 500,
                         facts: facts)
    }

    @discardableResult
    private func write(_ document: ImportedDocument, replace: Bool = false) throws -> Int64 {
        guard case .imported(let id, _, _) = try DocumentWriter.write(document, into: database, replace: replace) else {
            XCTFail("not imported")
            return -1
        }
        return id
    }

    /// The chosen value of a key: (amount, the year of the disclosure it comes from, its line), or nil.
    private func chosen(_ measure: String? = nil, code: String? = nil, year: Int) throws -> [Int64]? {
        let rows = try database.query("""
            SELECT f.amount_fen, d.year, f.line_from FROM fact f JOIN disclosure d ON d.id = f.disclosure_id
            WHERE f.chosen = 1 AND f.measure_id IS ? AND f.code IS ? AND f.column_id = 'actual' AND f.year = ?
            """, [measure.map(Value.text) ?? .null, code.map(Value.text) ?? .null, .integer(Int64(year))])
        XCTAssertLessThanOrEqual(rows.count, 1, "one chosen fact per key")
        return rows.first.map { $0.compactMap(\.int64) }
    }

    /// The stored flags are what `fact_choice` decides from scratch, and every key with a
    /// 决算 fact has exactly one chosen fact.
    private func assertConsistent(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try database.scalar("""
            SELECT count(*) FROM fact f LEFT JOIN fact_choice c ON c.fact_id = f.id WHERE f.chosen != coalesce(c.chosen, 0)
            """), .integer(0), "stored flags differ from a fresh decision", file: file, line: line)
        XCTAssertEqual(try database.scalar("""
            SELECT count(*) FROM (SELECT sum(f.chosen) AS n FROM fact f JOIN disclosure d ON d.id = f.disclosure_id
                                  WHERE d.kind = '决算'
                                  GROUP BY d.unit_id, f.measure_id, f.code, f.fund_id, f.column_id, f.year) WHERE n != 1
            """), .integer(0), "a key without exactly one chosen fact", file: file, line: line)
    }

    func testLaterDisclosureRestatingAFigureAndItsReplacementAndRemovalFlipTheChoice() throws {
        // 2023 决算: its own total (table, line 40) and prior year (line 41), a code in the text only.
        let own2023 = [Self.fact("expenditure_total", year: 2023, fen: 100_000_000, line: 40),
                       Self.fact("expenditure_total", year: 2022, fen: 90_000_000, line: 41),
                       Self.fact(code: "2010101", year: 2023, fen: 5_000_000, source: "text", line: 80)]
        try write(Self.document(year: 2023, sha: "a", facts: own2023))
        XCTAssertEqual(try chosen("expenditure_total", year: 2023), [100_000_000, 2023, 40])
        XCTAssertEqual(try chosen(code: "2010101", year: 2023), [5_000_000, 2023, 80])
        try assertConsistent()

        // 2024 决算 restates 2023 (table) and prints 2024: the own-year 2023 figures stay
        // chosen, even the text one against a later table; the new year is the 2024 document's.
        let restating = [Self.fact("expenditure_total", year: 2024, fen: 120_000_000, line: 40),
                         Self.fact("expenditure_total", year: 2023, fen: 101_000_000, line: 41),
                         Self.fact(code: "2010101", year: 2023, fen: 5_100_000, line: 60)]
        try write(Self.document(year: 2024, sha: "b", facts: restating))
        XCTAssertEqual(try chosen("expenditure_total", year: 2023), [100_000_000, 2023, 40])
        XCTAssertEqual(try chosen(code: "2010101", year: 2023), [5_000_000, 2023, 80])
        XCTAssertEqual(try chosen("expenditure_total", year: 2024), [120_000_000, 2024, 40])
        try assertConsistent()

        // A 2023 预算 printing the same key never competes.
        try write(Self.document(year: 2023, kind: "预算", sha: "c",
                                facts: [Self.fact("expenditure_total", year: 2023, fen: 7_000_000, line: 1)]))
        XCTAssertEqual(try chosen("expenditure_total", year: 2023), [100_000_000, 2023, 40])
        XCTAssertEqual(try database.scalar("""
            SELECT count(*) FROM fact f JOIN disclosure d ON d.id = f.disclosure_id WHERE d.kind = '预算' AND f.chosen = 1
            """), .integer(0))
        try assertConsistent()

        // Replacing the 2023 决算 by one without those figures: the 2024 restatement takes over.
        try write(Self.document(year: 2023, sha: "d", facts: [Self.fact("expenditure_total", year: 2022, fen: 90_000_000, line: 41)]),
                  replace: true)
        XCTAssertEqual(try chosen("expenditure_total", year: 2023), [101_000_000, 2024, 41])
        XCTAssertEqual(try chosen(code: "2010101", year: 2023), [5_100_000, 2024, 60])
        try assertConsistent()

        // Replacing it back: the own-year figures win again.
        try write(Self.document(year: 2023, sha: "e", facts: own2023), replace: true)
        XCTAssertEqual(try chosen("expenditure_total", year: 2023), [100_000_000, 2023, 40])
        XCTAssertEqual(try chosen(code: "2010101", year: 2023), [5_000_000, 2023, 80])
        try assertConsistent()

        // Removing the 2023 决算 (and re-deciding the unit, as any remover must): the 2024 one's.
        try database.transaction {
            try database.run("DELETE FROM disclosure WHERE year = 2023 AND kind = '决算'")
            let unitID = try XCTUnwrap(try database.scalar("SELECT id FROM unit WHERE name = ?", [.text(Self.unit.name)])?.int64)
            try ValueChoice.refresh(unit: unitID, in: database)
        }
        XCTAssertEqual(try chosen("expenditure_total", year: 2023), [101_000_000, 2024, 41])
        XCTAssertNil(try chosen("expenditure_total", year: 2022))
        try assertConsistent()
    }

    /// Within one disclosure: table before text before chart, printed before derived, then
    /// the earliest line.
    func testWithinOneDisclosureTableBeatsTextBeatsChart() throws {
        try write(Self.document(year: 2024, sha: "f", facts: [
            Self.fact("expenditure_total", year: 2024, fen: 3, source: "chart", line: 10),
            Self.fact("expenditure_total", year: 2024, fen: 2, source: "text", line: 20),
            Self.fact("expenditure_total", year: 2024, fen: 1, source: "table", line: 90),
            Self.fact("expenditure_total", year: 2024, fen: 4, source: "table", line: 95),
            Self.fact("basic", year: 2024, fen: 6, source: "chart", line: 5),
            Self.fact("basic", year: 2024, fen: 5, source: "text", line: 50),
        ]))
        XCTAssertEqual(try chosen("expenditure_total", year: 2024), [1, 2024, 90])
        XCTAssertEqual(try chosen("basic", year: 2024), [5, 2024, 50])
        try assertConsistent()
    }

    /// A unit's only 决算 has its choice stored as its facts are written, without ranking them
    /// in SQL: the same as `fact_choice` decides, for printed against derived, ties on the line
    /// (the first written wins), codes in several funds and columns, and several years.
    func testOnlyDisclosureDecidesAsTheViewDoes() throws {
        var derived = Self.fact("basic", year: 2023, fen: 9, source: "table", line: 12)
        derived.printed = nil
        derived.inputs = [DerivationInput(sign: 1, .fact(1))]
        try write(Self.document(year: 2024, sha: "o", facts: [
            derived,
            Self.fact("expenditure_total", year: 2023, fen: 8, source: "table", line: 40),
            Self.fact("basic", year: 2023, fen: 7, source: "table", line: 60),
            Self.fact("basic", year: 2024, fen: 6, source: "text", line: 12),
            Self.fact("basic", year: 2024, fen: 5, source: "text", line: 12),
            Self.fact(code: "2010101", year: 2024, fen: 4, line: 70),
            Self.fact(code: "2010101", fund: "general", column: "basic", year: 2024, fen: 3, line: 71),
            Self.fact(code: "2010101", column: "basic", year: 2024, fen: 2, line: 72),
            Self.fact(code: "2010101", year: 2024, fen: 1, line: 69),
        ]))
        XCTAssertEqual(try chosen("basic", year: 2023), [7, 2024, 60], "printed before derived, whatever the line")
        XCTAssertEqual(try chosen("basic", year: 2024), [6, 2024, 12], "the first written of a tie")
        XCTAssertEqual(try chosen(code: "2010101", year: 2024), [1, 2024, 69], "the earliest line in fund all, column actual")
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM fact WHERE chosen = 1"), .integer(6))
        try assertConsistent()
        // A budget of the unit never competes; a second 决算 makes the unit's choice be decided in SQL.
        try write(Self.document(year: 2024, kind: "预算", sha: "p", facts: [Self.fact("basic", year: 2024, fen: 50, line: 1)]))
        try write(Self.document(year: 2023, sha: "q", facts: [Self.fact("basic", year: 2023, fen: 70, source: "text", line: 3)]))
        XCTAssertEqual(try chosen("basic", year: 2023), [70, 2023, 3], "its own year's 决算 wins")
        try assertConsistent()
    }

    /// The seed disclosure is decided when the database is made.
    func testSeedDatabaseHasItsChoiceStored() throws {
        let seeded = try Database(.memory)
        try DatabaseSetup.populate(seeded, contents: .seeded)
        database = seeded
        XCTAssertGreaterThan(try database.scalar("SELECT count(*) FROM fact WHERE chosen = 1")?.int64 ?? 0, 0)
        try assertConsistent()
    }
}
