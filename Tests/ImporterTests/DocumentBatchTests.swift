import Core
import Foundation
@testable import Store
import XCTest

/// DocumentWriter batches (`dq import` of many files): many documents per transaction, each in
/// its own savepoint, their paragraphs full-text indexed together at the commit.
final class DocumentBatchTests: XCTestCase {
    private typealias Fixture = DocumentWriterTests

    private func database() throws -> Database {
        let database = try Database(.memory)
        try DatabaseSetup.populate(database, contents: .seeded)
        return database
    }

    /// Every row of every table but the full-text indexes' segments (which depend on how many
    /// rows were indexed at once), in a stable order.
    private func contents(_ database: Database) throws -> String {
        let segments = ["paragraph_fts_data\n", "paragraph_fts_idx\n", "unit_search_data\n", "unit_search_idx\n"]
        return try Fixture.dump(database).components(separatedBy: "== ")
            .filter { table in !segments.contains { table.hasPrefix($0) } }
            .joined(separator: "== ")
    }

    /// The paragraphs the full-text index finds for `word`, and those that contain it.
    private func searched(_ word: String, in database: Database) throws -> (index: [Value], bodies: [Value]) {
        let index = try database.query("SELECT rowid FROM paragraph_fts WHERE paragraph_fts MATCH ? ORDER BY rowid",
                                       [.text("\"\(word)\"")]).map { $0[0] }
        let bodies = try database.query("SELECT id FROM paragraph WHERE instr(body, ?) > 0 ORDER BY id", [.text(word)]).map { $0[0] }
        return (index, bodies)
    }

    private func assertIndexMatchesParagraphs(_ database: Database, file: StaticString = #filePath, line: UInt = #line) throws {
        try database.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")
        for word in ["信息化", "财政信息化运维", "数据请核实", "机关运行经费"] {
            let found = try searched(word, in: database)
            XCTAssertEqual(found.index, found.bodies, word, file: file, line: line)
        }
    }

    private func unit(_ name: String, sha: Character, year: Int = 2024) -> ImportedDocument {
        var document = Fixture.document(sha: sha, unit: name, year: year)
        document.unit.aliases = []
        document.paragraphs.append(ImportedParagraph(section: "情况说明", body: "\(name)的机关运行经费有所下降。", kind: "text", line: 132))
        return document
    }

    private func failing(_ name: String, sha: Character) -> ImportedDocument {
        var document = unit(name, sha: sha)
        document.paragraphs.append(ImportedParagraph(section: "x", body: "", kind: "text", line: 200))   // CHECK fails last
        return document
    }

    /// A batch with a bad document between good ones leaves exactly the rows that a transaction
    /// per document leaves, and the same search results.
    func testBatchEndsAsSeparateTransactionsDo() throws {
        let documents = [unit("上海市普陀区甲局", sha: "a"), failing("上海市普陀区乙局", sha: "b"), unit("上海市普陀区丙局", sha: "c"),
                         unit("上海市普陀区丁局", sha: "d")]
        let batched = try database(), separate = try database()
        let writer = DocumentWriter(database: batched)
        try writer.beginBatch()
        XCTAssertTrue(writer.isInBatch)
        for (index, document) in documents.enumerated() {
            if index == 1 {
                let before = try contents(batched)
                XCTAssertThrowsError(try writer.write(document)) { error in
                    XCTAssertEqual((error as? DocumentWriteError)?.code, "I111", "\(error)")
                }
                XCTAssertTrue(batched.isInTransaction, "a bad document leaves the batch open")
                XCTAssertEqual(try contents(batched), before, "the bad document left nothing")
            } else {
                guard case .imported = try writer.write(document) else { return XCTFail("document \(index)") }
            }
        }
        // The same bytes again inside the batch: already loaded.
        XCTAssertEqual(try writer.write(documents[0]), .alreadyLoaded(disclosureID: 2))
        try writer.commitBatch()
        XCTAssertFalse(writer.isInBatch)
        XCTAssertFalse(batched.isInTransaction)

        let single = DocumentWriter(database: separate)
        for document in documents { _ = try? single.write(document) }
        XCTAssertEqual(try contents(batched), try contents(separate))
        for word in ["信息化", "机关运行经费", "经费有所下降", "丙局的机关", "乙局的机关"] {
            XCTAssertEqual(try searched(word, in: batched).index, try searched(word, in: separate).index, word)
        }
        XCTAssertEqual(try searched("经费有所下降", in: batched).index.count, 3, "the three good documents are indexed")
        try assertIndexMatchesParagraphs(batched)
    }

    /// Nothing of a batch is visible to another connection before its commit; a rolled-back batch
    /// leaves the database as before it.
    func testBatchIsOneTransaction() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dq-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dq.sqlite").path
        try DatabaseSetup.createFile(at: path, contents: .seeded)
        let connections = try Connections.existing(path: path)
        let before = try contents(connections.writer)
        let writer = DocumentWriter(database: connections.writer)
        try writer.beginBatch()
        _ = try writer.write(unit("上海市普陀区甲局", sha: "a"))
        XCTAssertEqual(try connections.reader.scalar("SELECT count(*) FROM disclosure WHERE origin = 'import'"), 0)
        writer.rollbackBatch()
        XCTAssertFalse(connections.writer.isInTransaction)
        XCTAssertEqual(try contents(connections.writer), before)

        try writer.beginBatch()
        _ = try writer.write(unit("上海市普陀区甲局", sha: "a"))
        try writer.commitBatch()
        XCTAssertEqual(try connections.reader.scalar("SELECT count(*) FROM disclosure WHERE origin = 'import'"), 1)
        XCTAssertEqual(try connections.reader.scalar(
            "SELECT count(*) FROM paragraph_fts WHERE paragraph_fts MATCH '\"甲局的机关\"'"), 1)
    }

    /// --replace inside a batch deletes a disclosure written earlier in the same batch (not yet
    /// indexed): its paragraphs are indexed first, so the delete takes them out of the index
    /// cleanly; a replacement that fails after that indexing leaves the earlier document's
    /// paragraphs to be indexed at the commit all the same.
    func testReplacingInsideABatchKeepsTheIndexExact() throws {
        let db = try database()
        let writer = DocumentWriter(database: db)
        try writer.beginBatch()
        _ = try writer.write(unit("上海市普陀区甲局", sha: "a"))
        var newer = unit("上海市普陀区甲局", sha: "b")
        newer.paragraphs[0].body = "主要用于财政数据治理支出。"
        guard case .imported(_, _, let replaced) = try writer.write(newer, replace: true), replaced != nil else {
            return XCTFail("not replaced")
        }
        _ = try writer.write(unit("上海市普陀区乙局", sha: "c"))
        var failingReplacement = failing("上海市普陀区乙局", sha: "d")
        failingReplacement.paragraphs[0].body = "不应留下的段落。"
        XCTAssertThrowsError(try writer.write(failingReplacement, replace: true))
        try writer.commitBatch()

        XCTAssertEqual(try db.query("SELECT sha256 FROM disclosure WHERE origin = 'import' ORDER BY id").map { $0[0].string?.first },
                       ["b", "c"])
        XCTAssertEqual(try searched("财政数据治理", in: db).index.count, 1)
        XCTAssertEqual(try searched("乙局的机关", in: db).index.count, 1)
        XCTAssertEqual(try searched("不应留下", in: db).index.count, 0)
        try assertIndexMatchesParagraphs(db)
        // The same documents one transaction each end with the same rows.
        let separate = try database()
        let single = DocumentWriter(database: separate)
        _ = try single.write(unit("上海市普陀区甲局", sha: "a"))
        _ = try single.write(newer, replace: true)
        _ = try single.write(unit("上海市普陀区乙局", sha: "c"))
        XCTAssertEqual(try contents(db), try contents(separate))
    }

    /// Rows go in many per statement; a row that breaks a constraint in the second chunk of
    /// paragraphs is still named by its line, and the document leaves nothing.
    func testConstraintFailureInAChunkNamesItsRow() throws {
        let db = try database()
        let before = try contents(db)
        var document = unit("上海市普陀区甲局", sha: "a")
        document.paragraphs = (0..<2 * DocumentWriter.rowsPerStatement).map { index in
            ImportedParagraph(section: "情况说明", body: index == 40 ? "" : "第\(index)段。", kind: "text", line: 500 + index)
        }
        XCTAssertThrowsError(try DocumentWriter.write(document, into: db)) { error in
            XCTAssertEqual((error as? DocumentWriteError)?.code, "I111", "\(error)")
            XCTAssertEqual((error as? DocumentWriteError)?.line, 540, "\(error)")
        }
        XCTAssertEqual(try contents(db), before)
        document.paragraphs[40].body = "第40段。"
        guard case .imported(let id, _, _) = try DocumentWriter.write(document, into: db) else { return XCTFail() }
        XCTAssertEqual(try db.query("SELECT line_from FROM paragraph WHERE disclosure_id = ? ORDER BY id", [.integer(id)])
                        .map { $0[0] }, (0..<64).map { .integer(Int64(500 + $0)) })
        XCTAssertEqual(try searched("第40段", in: db).index.count, 1)
    }
}
