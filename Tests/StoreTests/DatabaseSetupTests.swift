import XCTest
@testable import Store

final class DatabaseSetupTests: XCTestCase {
    func testInitializedDatabaseIsConsistent() throws {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("dq.sqlite").path
        try DatabaseSetup.createFile(at: path, contents: .seeded)
        let database = try Database(.file(path), mode: .readOnly)
        XCTAssertEqual(try database.scalar("PRAGMA integrity_check"), .text("ok"))
        XCTAssertEqual(try database.query("PRAGMA foreign_key_check"), [])
        XCTAssertEqual(try database.userVersion(), DatabaseSetup.schemaVersion)
        XCTAssertEqual(try database.scalar("SELECT value FROM meta WHERE key = 'seed_hash'"), .text(EmbeddedSQL.seedHash))
        XCTAssertEqual(try database.scalar("PRAGMA journal_mode"), .text("wal"))
        XCTAssertNoThrow(try DatabaseSetup.validate(database, path: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".building-\(ProcessInfo.processInfo.processIdentifier)"))
    }

    func testInitNeverOverwrites() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("dq.sqlite").path
        try DatabaseSetup.createFile(at: path, contents: .empty)
        XCTAssertThrowsError(try DatabaseSetup.createFile(at: path, contents: .seeded)) { error in
            XCTAssertEqual(error as? SetupError, .alreadyExists(path: path))
        }
        let database = try Database(.file(path), mode: .readOnly)
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM disclosure"), .integer(0), "still the empty database")
    }

    func testEmptyDatabaseHasTheCatalogButNoDocument() throws {
        let database = try Connections.memory(contents: .empty).reader
        XCTAssertEqual(try database.scalar("SELECT count(*) FROM fact"), .integer(0))
        XCTAssertEqual(try database.scalar("SELECT count(*) > 50 FROM measure"), .integer(1))
        XCTAssertEqual(try database.scalar("SELECT name FROM func_code WHERE code = '2013101'"), .text("行政运行"))
        XCTAssertEqual(try database.query("PRAGMA foreign_key_check"), [])
    }

    func testRefusesDatabasesItCannotRead() throws {
        let directory = try makeTemporaryDirectory(self)
        let foreign = directory.appendingPathComponent("other.sqlite").path
        try Database(.file(foreign)).execute("CREATE TABLE t (x)")
        XCTAssertThrowsError(try Connections.existing(path: foreign)) { error in
            XCTAssertEqual(error as? SetupError, .notADqDatabase(path: foreign))
        }
        let old = directory.appendingPathComponent("old.sqlite").path
        try DatabaseSetup.createFile(at: old, contents: .seeded)
        try Database(.file(old)).setUserVersion(99)
        XCTAssertThrowsError(try Connections.existing(path: old)) { error in
            XCTAssertEqual(error as? SetupError, .schemaVersion(path: old, found: 99, expected: DatabaseSetup.schemaVersion))
            XCTAssertTrue("\(error)".contains("结构版本为 99"))
        }
        let missing = directory.appendingPathComponent("missing.sqlite").path
        XCTAssertThrowsError(try Connections.existing(path: missing)) { error in
            XCTAssertEqual(error as? SetupError, .missing(path: missing))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "opening never creates a database")
    }

    func testDefaultDatabaseIsCreatedAndRebuiltOnlyWhenNothingWouldBeLost() throws {
        let directory = try makeTemporaryDirectory(self)
        let path = directory.appendingPathComponent("nested/dq.sqlite").path
        _ = try Connections.defaultDatabase(path: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))

        try Database(.file(path)).run("UPDATE meta SET value = 'stale' WHERE key = 'seed_hash'")
        let rebuilt = try Connections.defaultDatabase(path: path)
        XCTAssertEqual(try rebuilt.reader.scalar("SELECT value FROM meta WHERE key = 'seed_hash'"), .text(EmbeddedSQL.seedHash))

        let writer = try Database(.file(path))
        try writer.run("""
            INSERT INTO disclosure (unit_id, year, kind, template, title, source_file, sha256, money_unit, line_count, origin)
            VALUES (1, 2024, '决算', 'sichuan', 't', 'f', ?, '万元', 1, 'import')
            """, [.text(String(repeating: "b", count: 64))])
        try writer.run("UPDATE meta SET value = 'stale' WHERE key = 'seed_hash'")
        XCTAssertThrowsError(try Connections.defaultDatabase(path: path)) { error in
            XCTAssertEqual(error as? SetupError, .seedData(path: path))
        }
        XCTAssertEqual(try Database(.file(path), mode: .readOnly).scalar("SELECT count(*) FROM disclosure"), .integer(2),
                       "an imported document is never thrown away")
    }

    func testQueriesCannotWrite() throws {
        let connections = try Connections.memory()
        XCTAssertThrowsError(try connections.reader.run("DELETE FROM fact")) { error in
            XCTAssertEqual((error as? StoreError)?.sql, "DELETE FROM fact")
        }
        XCTAssertEqual(try connections.reader.scalar("SELECT count(*) > 0 FROM fact"), .integer(1))
    }
}
