import XCTest
@testable import Store

/// `sql …` text: nothing that changes the session compiles; reads do.
final class UserQueryTests: XCTestCase {
    func testSessionChangingStatementsAreRefused() throws {
        let reader = try Connections.memory().reader
        for sql in ["BEGIN", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK", "SAVEPOINT s", "RELEASE s",
                    "PRAGMA query_only = 0", "PRAGMA query_only=OFF", "PRAGMA writable_schema = 1",
                    "PRAGMA locking_mode = EXCLUSIVE", "PRAGMA journal_mode = DELETE", "PRAGMA foreign_keys = OFF",
                    "ATTACH DATABASE ':memory:' AS other", "DETACH DATABASE main"] {
            let error = expectStoreError { _ = try reader.prepareUserQuery(sql) }
            XCTAssertEqual(error?.isSessionChange, true, sql)
        }
        XCTAssertFalse(reader.isInTransaction)
        XCTAssertEqual(try reader.scalar("PRAGMA query_only"), .integer(1), "still protected")
    }

    func testReadsAreAccepted() throws {
        let reader = try Connections.memory().reader
        for sql in ["SELECT count(*) FROM unit", "WITH x AS (SELECT 1) SELECT * FROM x", "PRAGMA table_info(unit)",
                    "PRAGMA user_version", "SELECT * FROM pragma_table_info('unit')"] {
            XCTAssertNoThrow(try reader.prepareUserQuery(sql).rows().next(), sql)
        }
        // The authorizer is gone after the call: the session's own BEGIN still works.
        XCTAssertNoThrow(try reader.readSnapshot { try reader.scalar("SELECT 1") })
    }
}
