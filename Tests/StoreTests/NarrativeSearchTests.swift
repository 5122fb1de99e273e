import XCTest
@testable import Store

/// Chinese full-text search over paragraphs: the trigram index finds 3+ character
/// substrings; 1-2 character queries need the substring scan.
final class NarrativeSearchTests: XCTestCase {
    var database: Database!

    override func setUpWithError() throws {
        database = try Connections.memory().reader
    }

    private func lines(_ sql: String, _ text: String) throws -> [Int64] {
        try database.query(sql, [.text(text)]).compactMap { $0[0].int64 }
    }

    func testTrigramIndexFindsLongerWords() throws {
        let found = try lines("""
            SELECT p.line_from FROM paragraph_fts JOIN paragraph p ON p.id = paragraph_fts.rowid
            WHERE paragraph_fts MATCH ? ORDER BY p.line_from
            """, "\"春节慰问费\"")
        let scanned = try lines("SELECT line_from FROM paragraph WHERE instr(body, ?) > 0 ORDER BY line_from", "春节慰问费")
        XCTAssertFalse(found.isEmpty)
        XCTAssertEqual(found, scanned)
        XCTAssertTrue(found.contains(160))
    }

    func testTheSeedParagraphsAreAllIndexed() throws {
        // Each paragraph of three characters or more is found by the index through its first three.
        let unfound = try database.scalar("""
            SELECT count(*) FROM paragraph p WHERE length(p.body) >= 3 AND p.id NOT IN (
                SELECT rowid FROM paragraph_fts WHERE paragraph_fts MATCH '"' || replace(substr(p.body, 1, 3), '"', '""') || '"')
            """)
        XCTAssertEqual(unfound, 0)
        XCTAssertGreaterThan(try database.scalar("SELECT count(*) FROM paragraph")?.int64 ?? 0, 300)
        try Connections.memory().writer.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")
    }

    func testShortWordsNeedTheSubstringScan() throws {
        let viaIndex = try lines("""
            SELECT rowid FROM paragraph_fts WHERE paragraph_fts MATCH ?
            """, "\"慰问\"")
        XCTAssertEqual(viaIndex, [], "trigram cannot match two characters")
        let scanned = try lines("SELECT line_from FROM paragraph WHERE instr(body, ?) > 0 ORDER BY line_from", "慰问")
        XCTAssertTrue(scanned.contains(1387))
        XCTAssertGreaterThan(scanned.count, 3)
    }

    func testResidueIsKeptApartFromTheText() throws {
        let residue = try lines("SELECT line_from FROM paragraph WHERE source_kind = 'residue' AND instr(body, ?) > 0", "模版")
        XCTAssertEqual(residue, [1668])
    }
}
