import XCTest
@testable import Store

/// `transaction` commits on success and rolls back when the body throws.
final class TransactionTests: XCTestCase {
    private struct Boom: Error {}

    func testCommitAndRollback() throws {
        let db = try Database(.memory)
        try db.execute("CREATE TABLE t (x INTEGER)")
        let inserted = try db.transaction {
            try db.run("INSERT INTO t VALUES (?)", [.integer(1)])
            return db.changes
        }
        XCTAssertEqual(inserted, 1)

        XCTAssertThrowsError(try db.transaction {
            try db.run("INSERT INTO t VALUES (?)", [.integer(2)])
            throw Boom()
        }) { XCTAssertTrue($0 is Boom) }
        XCTAssertFalse(db.isInTransaction)
        XCTAssertEqual(try db.query("SELECT x FROM t"), [[.integer(1)]])
    }

    func testStoreErrorInsideRollsBack() throws {
        let db = try Database(.memory)
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        let error = expectStoreError {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                try db.run("INSERT INTO t VALUES (NULL)")
            }
        }
        XCTAssertEqual(error?.code, 19)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM t"), .integer(0))
    }

    func testNestedTransactionFails() throws {
        let db = try Database(.memory)
        let error = expectStoreError { try db.transaction { try db.transaction {} } }
        XCTAssertEqual(error?.sql, "BEGIN IMMEDIATE")
        XCTAssertFalse(db.isInTransaction)
    }
}
