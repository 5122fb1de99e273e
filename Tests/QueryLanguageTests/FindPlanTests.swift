import Core
import Foundation
@testable import QueryLanguage
import Store
import XCTest

/// `find` over a few named units scans their paragraphs with instr(); over every unit, or
/// units of more than `ParagraphSearch.scanLimit` disclosures, it asks the trigram index. Both plans
/// must give the same rows, cells and order.
final class FindPlanTests: XCTestCase {
    /// Four units with two years of paragraphs each (one hard-wrapped over three lines, one
    /// reviewer's comment), and units without disclosures that only make a scope large
    /// (each counts as one disclosure).
    static let unitIDs: [Int64] = [7001, 7002, 7003, 7004]
    static let fillerIDs: [Int64] = (1...Int64(ParagraphSearch.scanLimit + 8)).map { 7100 + $0 }

    private static func harness() throws -> QueryHarness {
        let connections = try Connections.memory()
        let writer = connections.writer
        try writer.transaction {
            try writer.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4)
                INSERT INTO unit (id, name, region, kind) SELECT 7000 + i, printf('检索第%d单位', i), '检索区', '单位' FROM n
                """)
            try writer.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
                INSERT INTO unit (id, name, region, kind) SELECT 7100 + i, printf('填充第%02d单位', i), '填充区', '单位' FROM n
                """, [.integer(Int64(fillerIDs.count))])
            try writer.run("""
                INSERT INTO disclosure (unit_id, year, kind, template, title, source_file, sha256, money_unit, line_count, origin)
                SELECT u.id, y.year, '决算', 'shanghai', u.name || y.year, u.name || y.year || '.txt',
                       printf('%060d%04d', u.id, y.year), '万元', 100, 'import'
                FROM unit u CROSS JOIN (SELECT 2023 AS year UNION ALL SELECT 2024) y WHERE u.region = '检索区'
                """)
            // Bodies differ by unit (its number) and year; unit 4 lacks the wrapped paragraph.
            try writer.run("""
                INSERT INTO paragraph (disclosure_id, section, body, source_kind, line_from, line_to, line_starts)
                SELECT d.id, p.section, replace(replace(p.body, 'N', u.id - 7000), 'Y', d.year), p.kind, p.line_from, p.line_to,
                       p.line_starts
                FROM disclosure d JOIN unit u ON u.id = d.unit_id AND u.region = '检索区'
                CROSS JOIN (
                    SELECT '说明' AS section, '第N单位Y年慰问费支出12.5万元，主要用于春节慰问困难职工。' AS body, 'text' AS kind,
                           10 AS line_from, 10 AS line_to, NULL AS line_starts
                    UNION ALL SELECT '说明', '本年会议费支出主要用于召开年度工作会议，比上年减少的主要原因是压缩会议规模（第N单位）。', 'text',
                           20, 22, '12:21,30:22'
                    UNION ALL SELECT '说明', '信息化项目采购ABC系统，第N单位Y年完成验收。', 'text', 30, 30, NULL
                    UNION ALL SELECT '审核意见', '请核实第N单位慰问费的口径。', 'residue', 40, 40, NULL
                ) p
                WHERE NOT (u.id = 7004 AND p.line_from = 20)
                """)
            try writer.run("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('rebuild')")
            try writer.run("ANALYZE")
        }
        return QueryHarness(connections)
    }

    /// Each row as block and cells, so that any difference of value or order shows.
    private static func rows(_ harness: QueryHarness, _ statement: String) throws -> [String] {
        try harness.rows(statement).map { row in
            ([row.block ?? "-"] + row.cells.map { "\($0)" }).joined(separator: " | ")
        }
    }

    static let texts = [
        "慰问",           // two characters: always instr()
        "慰问费",         // three
        "主要原因",       // four
        "压缩会议规模",   // six
        "召开年度",       // across the first wrap (starts on line 20)
        "开年度工作会议", // across it too, starting on line 21
        "12.5万元",       // digits and punctuation
        "第2单位2024年",  // one unit, one year
        "不存在的文字",   // no match
        "abc",            // cased: the index folds case, so it keeps the index
    ]

    func testNamedUnitsScanAndGiveTheRowsOfTheFullTextIndex() throws {
        var harness = try Self.harness()
        var matched = 0
        for scope in [[Self.unitIDs[1]], [Self.unitIDs[0], Self.unitIDs[2], Self.unitIDs[3]], Self.unitIDs] {
            for text in Self.texts {
                let statement = "find \(text)"
                harness.context.units = scope
                let scanned = try harness.compile(statement)
                let scannedRows = try Self.rows(harness, statement)
                harness.context.units = scope + Self.fillerIDs
                let searched = try harness.compile(statement)
                let searchedRows = try Self.rows(harness, statement)
                let cased = !ParagraphSearch.matchesAsIndexed(text)
                if text.count >= 3 {
                    XCTAssertEqual(scanned.text.contains("paragraph_fts"), cased, "\(statement) over \(scope.count) units")
                    XCTAssertTrue(searched.text.contains("paragraph_fts"), "\(statement) over \(scope.count + Self.fillerIDs.count) units")
                }
                XCTAssertEqual(scannedRows, searchedRows, "\(statement) over \(scope)")
                matched += scannedRows.count
            }
        }
        XCTAssertGreaterThan(matched, 50, "the texts match the fixture")
        harness.context.units = []
        // Every unit: the index, and the same rows per unit as the scan of one.
        let all = try harness.compile("find 慰问费")
        XCTAssertTrue(all.text.contains("paragraph_fts"))
        for (index, id) in Self.unitIDs.enumerated() {
            let name = "检索第\(index + 1)单位"
            harness.context.units = [id]
            let one = try Self.rows(harness, "find 慰问费")
            harness.context.units = []
            XCTAssertEqual(try Self.rows(harness, "find 慰问费").filter { $0.hasPrefix(name + " |") }, one)
            XCTAssertEqual(try Self.rows(harness, "find 慰问费 for \(name)"), one)
        }
    }

    func testWrappedMatchReportsTheLineItStartsOn() throws {
        let harness = try Self.harness()
        let lines = { (text: String) in try harness.rows("find \(text) for 检索第1单位").map { $0.integer(1) } }
        XCTAssertEqual(try lines("召开年度"), [20, 20])
        XCTAssertEqual(try lines("开年度工作会议"), [21, 21])
        XCTAssertEqual(try lines("压缩会议规模"), [22, 22])
        XCTAssertEqual(try lines("abc"), [30, 30], "the index folds case: abc finds ABC")
        XCTAssertEqual(try lines("ABC"), [30, 30])
    }

    /// The plan of a scoped `find`: the unit's disclosures, then their paragraphs by
    /// `paragraph_disclosure`; never the full-text index of every unit.
    func testScopedFindReadsTheUnitsParagraphsOnly() throws {
        var harness = try Self.harness()
        for scope in [[Self.unitIDs[1]], Self.unitIDs] {
            harness.context.units = scope
            let query = try harness.compile("find 主要原因")
            let plan = try harness.connections.reader.query("EXPLAIN QUERY PLAN " + query.text, query.parameters.map(Value.init))
                .map { $0[3].string ?? "" }
            XCTAssertTrue(plan.contains("SEARCH p USING INDEX paragraph_disclosure (disclosure_id=?)"), plan.joined(separator: "\n"))
            XCTAssertFalse(plan.contains { $0.contains("paragraph_fts") }, plan.joined(separator: "\n"))
        }
    }

    /// instr() is exact only for texts the trigram tokenizer does not fold: every character
    /// that SQLite folds (read back from the index through fts5vocab), and what it folds to,
    /// must make `matchesAsIndexed` false. Scalars up to U+1FFFF (cased characters end there).
    func testFoldedCharactersKeepTheIndex() throws {
        let db = try Connections.memory().writer
        try db.run("CREATE VIRTUAL TABLE temp.folds USING fts5(body, tokenize = 'trigram')")
        try db.run("CREATE VIRTUAL TABLE temp.fold_terms USING fts5vocab(temp, folds, 'instance')")
        let scalars = (1..<0x20000).compactMap { Unicode.Scalar(UInt32($0)) }
        try db.transaction {
            for scalar in scalars {
                let text = String(repeating: String(Character(scalar)), count: 3)
                try db.run("INSERT INTO temp.folds(rowid, body) VALUES (?, ?)", [.integer(Int64(scalar.value)), .text(text)])
            }
        }
        var folded = 0
        for row in try db.query("SELECT doc, term FROM temp.fold_terms") {
            guard let doc = row[0].int64, let term = row[1].string, let scalar = Unicode.Scalar(UInt32(doc)),
                  let target = term.unicodeScalars.first else { continue }
            guard target != scalar else { continue }
            folded += 1
            XCTAssertFalse(ParagraphSearch.matchesAsIndexed(String(scalar)), "U+\(String(scalar.value, radix: 16)) folds")
            XCTAssertFalse(ParagraphSearch.matchesAsIndexed(String(target)), "U+\(String(target.value, radix: 16)) is folded to")
        }
        XCTAssertGreaterThan(folded, 26, "at least A–Z fold")
        XCTAssertTrue(ParagraphSearch.matchesAsIndexed("慰问费12.5万元（一）、"))
        XCTAssertFalse(ParagraphSearch.matchesAsIndexed("ＡＢＣ"))
    }
}
