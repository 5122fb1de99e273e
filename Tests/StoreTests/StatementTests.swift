import XCTest
@testable import Store

/// Statement preparation, binding checks, metadata and the streaming cursor.
final class StatementTests: XCTestCase {
    func testColumnMetadataAndReadOnlyFlag() throws {
        let db = try Database(.memory)
        try db.execute("CREATE TABLE t (code TEXT, amount INTEGER)")
        let select = try db.prepare("SELECT code AS 科目编码, amount FROM t")
        XCTAssertEqual(select.columnCount, 2)
        XCTAssertEqual(select.columnNames, ["科目编码", "amount"])
        XCTAssertTrue(select.isReadOnly)
        XCTAssertEqual(select.sql, "SELECT code AS 科目编码, amount FROM t")
        XCTAssertFalse(try db.prepare("DELETE FROM t").isReadOnly)
    }

    func testCursorStreamsRowsAndStaysDone() throws {
        let db = try Database(.memory)
        let statement = try db.prepare(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT x FROM c")
        let cursor = try statement.rows([.integer(100_000)])
        var count: Int64 = 0
        while let row = try cursor.next() {
            count += 1
            XCTAssertEqual(row, [.integer(count)])
        }
        XCTAssertEqual(count, 100_000)
        XCTAssertNil(try cursor.next())
        // The statement is reusable with new bindings.
        XCTAssertEqual(try statement.rows([.integer(3)]).next(), [.integer(1)])
    }

    func testResetKeepsBindings() throws {
        let db = try Database(.memory)
        let statement = try db.prepare("SELECT ?")
        try statement.bind([.integer(7)])
        XCTAssertTrue(try statement.step())
        statement.reset()
        XCTAssertTrue(try statement.step())
        XCTAssertEqual(statement.column(0), .integer(7))
        XCTAssertEqual(statement.column(5), .null)
    }

    func testParameterCountMismatch() throws {
        let db = try Database(.memory)
        let error = expectStoreError { _ = try db.query("SELECT ?, ?", [.integer(1)]) }
        XCTAssertEqual(error?.code, 25)
        XCTAssertEqual(error?.sql, "SELECT ?, ?")
    }

    func testSyntaxErrorCarriesSQL() throws {
        let db = try Database(.memory)
        let error = expectStoreError { _ = try db.prepare("SELEC 1") }
        XCTAssertEqual(error?.code, 1)
        XCTAssertEqual(error?.sql, "SELEC 1")
        XCTAssertTrue(error?.description.contains("SELEC 1") ?? false)
    }

    func testExactlyOneStatement() throws {
        let db = try Database(.memory)
        XCTAssertEqual(try db.scalar("SELECT 1; -- trailing comment\n ;"), .integer(1))
        XCTAssertEqual(expectStoreError { _ = try db.prepare("SELECT 1; SELECT 2") }?.code, 21)
        XCTAssertEqual(expectStoreError { _ = try db.prepare("  -- nothing") }?.code, 21)
    }

    func testExecuteScriptErrorCarriesSQL() throws {
        let db = try Database(.memory)
        let script = "CREATE TABLE a (x); INSERT INTO missing VALUES (1);"
        let error = expectStoreError { try db.execute(script) }
        XCTAssertEqual(error?.sql, script)
        XCTAssertTrue(error?.message.contains("missing") ?? false)
    }

    func testForeignKeysAreOn() throws {
        let db = try Database(.memory)
        try db.execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id));")
        let error = expectStoreError { try db.run("INSERT INTO c VALUES (?)", [.integer(1)]) }
        XCTAssertEqual(error?.code, 19)
    }

    func testChangesRowIDAndUserVersion() throws {
        let db = try Database(.memory)
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);")
        XCTAssertEqual(db.changes, 3)
        XCTAssertEqual(db.lastInsertRowID, 3)
        try db.run("UPDATE t SET x = x + 1 WHERE x > ?", [.integer(1)])
        XCTAssertEqual(db.changes, 2)
        XCTAssertEqual(try db.userVersion(), 0)
        try db.setUserVersion(42)
        XCTAssertEqual(try db.userVersion(), 42)
        XCTAssertEqual(expectStoreError { try db.setUserVersion(1 << 40) }?.code, 25)
    }

    func testOpeningMissingFileReadOnlyFails() throws {
        let dir = try makeTemporaryDirectory(self)
        let path = dir.appendingPathComponent("missing.sqlite").path
        let error = expectStoreError { _ = try Database(path: path, mode: .readOnly) }
        XCTAssertEqual(error?.code, 14)
        XCTAssertTrue(error?.message.contains(path) ?? false)
    }

    func testSharedMemoryNameIsEscaped() {
        XCTAssertEqual(Database.uriEscaped("a b?c&d#决"), "a%20b%3Fc%26d%23%E5%86%B3")
    }
}
