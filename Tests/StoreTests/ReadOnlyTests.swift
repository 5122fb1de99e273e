import XCTest
@testable import Store

/// Read-only connections refuse every write with a StoreError naming the SQL.
final class ReadOnlyTests: XCTestCase {
    func testWriteThroughReadOnlyFileConnectionFails() throws {
        let dir = try makeTemporaryDirectory(self)
        let path = dir.appendingPathComponent("ro.sqlite").path
        let (writer, reader) = try Database.openPair(.file(path))
        try writer.execute("CREATE TABLE t (x INTEGER)")
        XCTAssertTrue(reader.isReadOnly)
        XCTAssertFalse(writer.isReadOnly)

        let sql = "INSERT INTO t VALUES (1)"
        let error = expectStoreError { try reader.run(sql) }
        XCTAssertEqual(error?.code, 8)
        XCTAssertTrue(error?.sql?.contains(sql) ?? false)
        XCTAssertTrue(error?.description.contains(sql) ?? false)

        let script = "DELETE FROM t; DROP TABLE t;"
        XCTAssertEqual(expectStoreError { try reader.execute(script) }?.sql, script)
        XCTAssertEqual(try reader.scalar("SELECT count(*) FROM t"), .integer(0))
    }

    func testWriterUsesWAL() throws {
        let dir = try makeTemporaryDirectory(self)
        let db = try Database(path: dir.appendingPathComponent("wal.sqlite").path)
        XCTAssertEqual(try db.scalar("PRAGMA journal_mode"), .text("wal"))
    }
}
